// Renders one `POST /v1/chat` body (its `structured` answer, commands and citations) as HTML. Pure: data in,
// string out, no DOM, so the same function is golden-tested in Node and used by the page. Every piece of KB text
// goes through escapeHtml; the only markup kept from the KB is `code` spans and **bold**, rebuilt after escaping.

export const STRINGS = {
  en: {
    tagline: 'Kubernetes networking runbooks',
    newChat: 'New conversation',
    welcome: 'What is failing?',
    welcomeHint:
      "Describe the symptom in Chinese or English. Answers come from the team's runbooks, with the commands to run and the lines they came from.",
    placeholder: 'e.g. cross-node ping fails after enabling geneve',
    send: 'Ask',
    keys: 'Enter sends · Shift+Enter new line · ↑ recalls',
    tokenLabel: 'API token',
    tokenSave: 'Use token',
    tokenNeeded: 'This server needs an API token. Enter it below (kept for this tab only).',
    answer: 'Answer',
    direct: 'Answer',
    gist: 'What the runbook says',
    path: 'Traffic path',
    causes: 'Likely causes',
    symptom: 'Symptom',
    cause: 'Cause',
    fix: 'Fix',
    diagnose: 'Run these checks in order',
    fixes: 'Fixes — these change state',
    readOnly: 'read-only',
    mutating: 'mutating',
    unknownSafety: 'not known to be read-only — check before running',
    copy: 'Copy',
    copied: 'Copied',
    sources: 'Sources',
    related: 'See also',
    closest: 'Closest runbooks',
    asks: 'To narrow it down, add',
    cniAssumed: 'Assumed CNI',
    cniOthers: 'For another CNI',
    helpful: 'Helpful',
    unhelpful: 'Not helpful',
    thanks: 'Thanks — recorded.',
    feedbackOff: 'Feedback is not recorded on this server.',
    confidence: 'confidence',
    placeholderHint: 'type a value; every command updates',
    error: 'Something went wrong',
    thinking: 'Looking it up…',
    diagramLoading: 'Drawing the diagram…',
    examples: [
      'pod 访问 node 的 6443 不通',
      'cross-node ping fails after enabling geneve',
      'CoreDNS 解析超时',
    ],
  },
  zh: {
    tagline: 'Kubernetes 网络排障手册',
    newChat: '新对话',
    welcome: '哪里不通？',
    welcomeHint: '用中文或英文描述现象。答案来自团队的排障手册，附上要执行的命令和出处行号。',
    placeholder: '例如：pod 访问 node 的 6443 不通',
    send: '提问',
    keys: 'Enter 发送 · Shift+Enter 换行 · ↑ 调出上一问',
    tokenLabel: 'API 令牌',
    tokenSave: '使用令牌',
    tokenNeeded: '此服务需要 API 令牌。请在下方输入（仅保存在当前标签页）。',
    answer: '回答',
    direct: '回答',
    gist: '手册要点',
    path: '流量路径',
    causes: '可能原因',
    symptom: '现象',
    cause: '原因',
    fix: '处理',
    diagnose: '按顺序执行以下检查',
    fixes: '修复操作 — 会改变状态',
    readOnly: '只读',
    mutating: '变更',
    unknownSafety: '未确认只读 — 执行前请检查',
    copy: '复制',
    copied: '已复制',
    sources: '出处',
    related: '另见',
    closest: '最接近的手册',
    asks: '请补充',
    cniAssumed: '假定的 CNI',
    cniOthers: '其他 CNI 的对应手册',
    helpful: '有帮助',
    unhelpful: '没帮助',
    thanks: '谢谢，已记录。',
    feedbackOff: '此服务未开启反馈记录。',
    confidence: '置信度',
    placeholderHint: '输入值后所有命令同步更新',
    error: '出错了',
    thinking: '查找中…',
    diagramLoading: '正在绘制流程图…',
    examples: ['pod 访问 node 的 6443 不通', '跨节点 pod ping 不通', 'CoreDNS 解析超时'],
  },
};

/** @param {string} lang */
export function strings(lang) {
  return lang === 'zh' ? STRINGS.zh : STRINGS.en;
}

/** @param {unknown} text */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes, then turns `code` spans and **bold** back into markup (nothing else of markdown is trusted). */
export function inlineMarkdown(text) {
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>');
}

/** The doc view of a citation, with its lines in the fragment: /docs/kube-ovn/x.md#L12-L30 */
export function docHref(path, lines) {
  const encoded = String(path).split('/').map(encodeURIComponent).join('/');
  return `/docs/${encoded}${lines ? `#L${lines[0]}-L${lines[1]}` : ''}`;
}

const PLACEHOLDER = /<[a-z][a-z0-9-]*>/g;
const NAME_CHAR = /[A-Za-z0-9_.:/-]/;

/**
 * Splits a command into text and placeholders: unfilled `<pod>` tokens, and the values the answer filled
 * (found where `fills` says, standing alone, not inside a longer word), so both can be edited in place.
 * @returns {Array<{text: string} | {placeholder: string, value: string, filled: boolean}>}
 */
export function commandParts(command, fills) {
  /** @type {Array<{start: number, end: number, placeholder: string, value: string, filled: boolean}>} */
  const spans = [];
  for (const match of command.matchAll(PLACEHOLDER))
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      placeholder: match[0],
      value: '',
      filled: false,
    });
  for (const fill of fills ?? []) {
    if (!fill.value) continue;
    let from = 0;
    for (;;) {
      const at = command.indexOf(fill.value, from);
      if (at < 0) break;
      from = at + fill.value.length;
      const before = command[at - 1] ?? ' ';
      const after = command[from] ?? ' ';
      if (NAME_CHAR.test(before) || (NAME_CHAR.test(after) && after !== ':' && after !== '/')) continue;
      if (spans.some((span) => at < span.end && from > span.start)) continue;
      spans.push({ start: at, end: from, placeholder: fill.placeholder, value: fill.value, filled: true });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: command.slice(at, span.start) });
    parts.push({ placeholder: span.placeholder, value: span.value, filled: span.filled });
    at = span.end;
  }
  if (at < command.length) parts.push({ text: command.slice(at) });
  return parts;
}

/** The command as it is copied: placeholders replaced by their current values (or left as `<pod>` when empty). */
export function commandText(parts, values) {
  return parts
    .map((part) =>
      'text' in part ? part.text : values?.[part.placeholder] || part.value || part.placeholder,
    )
    .join('');
}

function citeMark(cite, body) {
  const citation = body.citations[cite - 1];
  if (!citation) return '';
  return ` <a class="cite" href="${escapeHtml(docHref(citation.path, citation.lines))}" target="_blank" rel="noopener" title="${escapeHtml(`${citation.path}:${citation.lines[0]}-${citation.lines[1]}`)}">[${cite}]</a>`;
}

function safetyBadge(safety, t) {
  if (safety === 'read-only') return `<span class="badge ok">${escapeHtml(t.readOnly)}</span>`;
  const label = safety === 'mutating' ? t.mutating : t.unknownSafety;
  return `<span class="badge warn">${escapeHtml(label)}</span>`;
}

function renderCommand(command, index, t) {
  const parts = commandParts(command.command, command.fills);
  const code = parts
    .map((part) => {
      if ('text' in part) return escapeHtml(part.text);
      const name = part.placeholder.replace(/[<>]/g, '');
      const size = Math.max(part.value.length, name.length, 3);
      return `<input class="ph${part.filled ? ' filled' : ''}" data-ph="${escapeHtml(part.placeholder)}" value="${escapeHtml(part.value)}" placeholder="${escapeHtml(name)}" size="${size}" spellcheck="false" aria-label="${escapeHtml(`${name}: ${t.placeholderHint}`)}" title="${escapeHtml(t.placeholderHint)}">`;
    })
    .join('');
  const template = escapeHtml(JSON.stringify(parts));
  const mutating = command.safety !== 'read-only';
  return `<li class="cmd${mutating ? ' mutating' : ''}" data-parts="${template}">
<div class="cmd-head"><span class="purpose">${inlineMarkdown(command.purpose || '')}</span>${safetyBadge(command.safety, t)}</div>
<div class="cmd-line"><code class="shell">${code}</code><button type="button" class="copy" data-copy="${index}" aria-label="${escapeHtml(`${t.copy}: ${command.command}`)}">${escapeHtml(t.copy)}</button></div>
<a class="src" href="${escapeHtml(docHref(command.source.path, [command.source.line, command.source.line]))}" target="_blank" rel="noopener">${escapeHtml(`${command.source.path}:${command.source.line}`)}</a></li>`;
}

function renderCommands(body, t) {
  const diagnose = [];
  const fixes = [];
  body.commands.forEach((command, index) => {
    // Anything not known to be read-only is set apart with the fixes, whatever group it came with.
    const html = renderCommand(command, index, t);
    if (command.group === 'fix' || command.safety !== 'read-only') fixes.push(html);
    else diagnose.push(html);
  });
  let html = '';
  if (diagnose.length)
    html += `<section class="commands"><h3>${escapeHtml(t.diagnose)}</h3><ol class="cmds">${diagnose.join('')}</ol></section>`;
  if (fixes.length)
    html += `<section class="commands fixes"><h3>⚠ ${escapeHtml(t.fixes)}</h3><ul class="cmds">${fixes.join('')}</ul></section>`;
  return html;
}

function renderPath(path, body, t) {
  const title = `<h3>${escapeHtml(t.path)}${citeMark(path.cite, body)}</h3>`;
  if (path.format === 'mermaid') {
    // Drawn by the page's mermaid loader; until then (or without it) the hops read as text.
    return `<section class="path">${title}<div class="mermaid-slot" data-diagram="${escapeHtml(path.diagram)}"><p class="muted">${escapeHtml(t.diagramLoading)}</p></div>
<ol class="hops">${path.hops.map((hop) => `<li>${escapeHtml(hop)}</li>`).join('')}</ol></section>`;
  }
  return `<section class="path">${title}<pre class="diagram">${escapeHtml(path.diagram)}</pre></section>`;
}

function renderCauses(causes, body, t) {
  const rows = causes
    .map(
      (cause) =>
        `<tr><td>${inlineMarkdown(cause.symptom)}</td><td>${inlineMarkdown(cause.cause)}</td><td>${inlineMarkdown(cause.fix)}${citeMark(cause.cite, body)}</td></tr>`,
    )
    .join('');
  return `<section class="causes"><h3>${escapeHtml(t.causes)}</h3><div class="table-wrap"><table><thead><tr><th>${escapeHtml(t.symptom)}</th><th>${escapeHtml(t.cause)}</th><th>${escapeHtml(t.fix)}</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function renderPointers(title, pointers, body) {
  if (!pointers.length) return '';
  const items = pointers
    .map((pointer) => {
      const citation = body.citations[pointer.cite - 1];
      const href = docHref(pointer.path, citation?.path === pointer.path ? citation.lines : null);
      const section = pointer.section ? ` <span class="muted">· ${escapeHtml(pointer.section)}</span>` : '';
      const cni = pointer.cni ? `<span class="tag">${escapeHtml(pointer.cni)}</span> ` : '';
      return `<li>${cni}<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(pointer.title)}</a>${section}</li>`;
    })
    .join('');
  return `<section class="pointers"><h3>${escapeHtml(title)}</h3><ul>${items}</ul></section>`;
}

function renderSources(body, t) {
  if (!body.citations.length) return '';
  const items = body.citations
    .map(
      (citation, i) =>
        `<li><a href="${escapeHtml(docHref(citation.path, citation.lines))}" target="_blank" rel="noopener" class="source"><span class="n">[${i + 1}]</span> ${escapeHtml(citation.title)}${citation.heading ? ` › ${escapeHtml(citation.heading)}` : ''}</a> <span class="muted">${escapeHtml(`${citation.path}:${citation.lines[0]}-${citation.lines[1]}`)}</span></li>`,
    )
    .join('');
  return `<details class="sources" open><summary>${escapeHtml(t.sources)} (${body.citations.length})</summary><ol>${items}</ol></details>`;
}

/**
 * The whole answer card.
 * @param {any} body a ChatBody
 */
export function renderAnswer(body) {
  const answer = body.structured;
  const t = strings(answer.lang);
  const kind = answer.kind;
  let html = `<article class="answer kind-${escapeHtml(kind)}" lang="${answer.lang === 'zh' ? 'zh' : 'en'}" data-answer-id="${escapeHtml(body.id)}">`;
  html += `<header><h2>${escapeHtml(answer.title)}</h2>`;
  if (answer.section) html += `<p class="section muted">${escapeHtml(answer.section)}</p>`;
  if (kind === 'answer')
    html += `<span class="confidence muted" title="${escapeHtml(t.confidence)}">${escapeHtml(t.confidence)} ${Math.round(body.confidence * 100)}%</span>`;
  html += '</header>';
  if (answer.cni?.source === 'assumed' && answer.cni.cni) {
    html += `<p class="cni"><span class="tag">${escapeHtml(t.cniAssumed)}: ${escapeHtml(answer.cni.cni)}</span></p>`;
  }
  if (answer.direct)
    html += `<p class="direct">${inlineMarkdown(answer.direct.text)}${citeMark(answer.direct.cite, body)}</p>`;
  else if (answer.gist)
    html += `<div class="gist"><h3>${escapeHtml(t.gist)}</h3><p>${inlineMarkdown(answer.gist.text)}${citeMark(answer.gist.cite, body)}</p></div>`;
  if (answer.asks.length)
    html += `<section class="asks"><h3>${escapeHtml(t.asks)}</h3><ul>${answer.asks.map((ask) => `<li>${inlineMarkdown(ask)}</li>`).join('')}</ul></section>`;
  if (answer.path) html += renderPath(answer.path, body, t);
  if (answer.causes.length) html += renderCauses(answer.causes, body, t);
  html += renderCommands(body, t);
  if (answer.cni?.alternatives?.length) html += renderPointers(t.cniOthers, answer.cni.alternatives, body);
  html += renderPointers(kind === 'answer' ? t.related : t.closest, answer.related, body);
  html += renderSources(body, t);
  html += `<footer class="feedback"><button type="button" class="fb" data-helpful="true" aria-label="${escapeHtml(t.helpful)}" title="${escapeHtml(t.helpful)}">👍</button><button type="button" class="fb" data-helpful="false" aria-label="${escapeHtml(t.unhelpful)}" title="${escapeHtml(t.unhelpful)}">👎</button><span class="fb-note muted" role="status"></span></footer>`;
  html += '</article>';
  return html;
}
