// The maintainer console: tabs over the read-only JSON API under /admin/api (the session cookie is HttpOnly and
// sent by the browser; this script never sees it). Every value is escaped before it reaches the page.
import { docHref, escapeHtml } from './render.js';

const $ = (selector) => document.querySelector(selector);

/** A table from rows and column specs: [header, (row) => html, className?]. */
function table(rows, columns) {
  if (!rows.length) return '<p class="muted">Nothing here.</p>';
  const head = columns.map(([title, , cls]) => `<th class="${cls ?? ''}">${escapeHtml(title)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map(([, cell, cls]) => `<td class="${cls ?? ''}">${cell(row)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
const text = (value) => escapeHtml(value ?? '—');
const num = (value) => (value === null || value === undefined ? '—' : escapeHtml(Number(value).toFixed(3)));
const doc = (path, lines) =>
  path
    ? `<a href="${escapeHtml(docHref(path, lines))}" target="_blank" rel="noopener">${escapeHtml(path)}</a>`
    : '—';

async function api(path, init) {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.status === 401) {
    location.href = '/admin';
    throw new Error('signed out');
  }
  const data = await response.json();
  if (!response.ok) throw new Error(data?.error?.message ?? `HTTP ${response.status}`);
  return data;
}

async function show(target, load) {
  target.innerHTML = '<p class="muted">Working…</p>';
  try {
    target.innerHTML = await load();
  } catch (error) {
    target.innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
}

function renderExplain(x) {
  const c = x.confidence;
  let html = `<p class="verdict"><b>${x.abstained ? 'Abstains' : 'Answers'}</b> — ${escapeHtml(x.reason)}</p>`;
  html += table(
    [
      ['normalized', escapeHtml(x.normalized)],
      ['typo-corrected', escapeHtml(x.corrected)],
      ['failing part', escapeHtml(x.focus || '—')],
      ['working clauses', escapeHtml(x.working || '—')],
      ['terms', x.terms.map((t) => `${escapeHtml(t.term)}<span class="muted">×${t.weight}</span>`).join(' ')],
      [
        'glossary groups',
        x.glossary.map((g) => escapeHtml(`${g.group} (${g.terms.join(', ')})`)).join('<br>') || '—',
      ],
      [
        'confidence',
        `${num(c.combined)} vs threshold ${num(c.threshold)} — trigger ${num(c.trigger)}, lexical×coverage ${num(c.lexical_coverage)}, lexical×topic ${num(c.lexical_topic)}, vector ${num(c.vector)}`,
      ],
    ],
    [
      ['step', (r) => `<b>${escapeHtml(r[0])}</b>`],
      ['value', (r) => r[1]],
    ],
  );
  html += '<h3>Fused ranking</h3>';
  html += table(x.fused, [
    ['#', (r) => text(r.rank), 'num'],
    ['doc', (r) => doc(r.doc, r.lines)],
    ['section', (r) => text(r.heading)],
    ['score', (r) => num(r.score), 'num'],
    ['via', (r) => text(r.via.join(' + '))],
    ['triggers', (r) => text(r.matched_triggers.join(', ') || '—')],
    ['coverage', (r) => num(r.coverage), 'num'],
    ['topic', (r) => num(r.topic_coverage), 'num'],
  ]);
  html += '<h3>Trigger hits</h3>';
  html +=
    x.triggers === null
      ? '<p class="muted">off</p>'
      : table(x.triggers, [
          ['doc', (r) => doc(r.doc)],
          ['score', (r) => num(r.score), 'num'],
          ['matched', (r) => text(r.matched.join(', '))],
        ]);
  for (const [name, list] of [
    ['Lexical (BM25)', x.lexical],
    ['Vector', x.vector],
  ]) {
    html += `<h3>${name}</h3>`;
    html +=
      list === null
        ? '<p class="muted">off</p>'
        : table(list, [
            ['doc', (r) => doc(r.doc, r.lines)],
            ['section', (r) => text(r.heading)],
            ['score', (r) => num(r.score), 'num'],
          ]);
  }
  return html;
}

function renderCoverage(report) {
  const total = report.questions.length;
  let html = `<p><span class="stat"><b>${total}</b>questions</span><span class="stat"><b>${num(report.hit1)}</b>hit@1</span>
<span class="stat"><b>${report.misrouted.length}</b>misrouted</span><span class="stat"><b>${report.triggers.filter((t) => t.fired > 0).length}</b>triggers fire</span>
<span class="stat"><b>${report.never_fired.length}</b>never fire</span><span class="stat"><b>${report.collisions.length}</b>collisions</span>
<span class="stat"><b>${report.unreached_docs.length}</b>docs unreached</span></p>`;
  html += '<h3>Misrouted questions</h3>';
  html += table(report.misrouted, [
    ['question', (r) => text(r.question)],
    ['expected', (r) => r.expected.map((p) => doc(p)).join('<br>') || '(abstain)'],
    ['got', (r) => (r.abstained ? '(abstained)' : doc(r.got))],
    ['why', (r) => text(r.why)],
  ]);
  html += '<h3>Triggers that fire</h3>';
  html += table(
    report.triggers.filter((t) => t.fired > 0).sort((a, b) => b.fired - a.fired),
    [
      ['trigger', (r) => text(r.trigger)],
      ['doc', (r) => doc(r.doc)],
      ['fired', (r) => text(r.fired), 'num'],
      ['also in top 3', (r) => text(r.competitors.map((c) => `${c.doc} ×${c.count}`).join(', ') || '—')],
    ],
  );
  html += '<h3>Collisions</h3>';
  html += table(report.collisions, [
    [
      'docs and triggers',
      (r) => r.docs.map((d) => `${doc(d.doc)}: ${text(d.triggers.join(', '))}`).join('<br>'),
    ],
    ['questions', (r) => text(r.questions.join(' · '))],
  ]);
  html += '<h3>Docs no question reaches</h3>';
  html += report.unreached_docs.length
    ? `<p>${report.unreached_docs.map((p) => doc(p)).join(', ')}</p>`
    : '<p class="muted">none</p>';
  html += `<details><summary>Triggers that never fire (${report.never_fired.length})</summary>`;
  html += table(report.never_fired, [
    ['trigger', (r) => text(r.trigger)],
    ['doc', (r) => doc(r.doc)],
  ]);
  html += '</details><h3>Every question</h3>';
  html += table(report.questions, [
    ['question', (r) => text(r.question)],
    ['lands on', (r) => (r.abstained ? '(abstained)' : doc(r.doc))],
    ['right?', (r) => ((r.should_abstain ? r.abstained : r.hit1) ? '✓' : '<span class="sev-error">✗</span>')],
    ['confidence', (r) => num(r.confidence), 'num'],
    ['fused', (r) => num(r.scores.fused), 'num'],
    ['trigger', (r) => num(r.scores.trigger), 'num'],
    ['lexical', (r) => num(r.scores.lexical), 'num'],
  ]);
  return html;
}

function renderReport(data) {
  if (data.log === 'off')
    return '<p class="muted">The query log is off (NETKB_LOG_QUESTIONS=off): nothing to report.</p>';
  if (data.report === 'unanswered')
    return table(data.rows, [
      ['count', (r) => text(r.count), 'num'],
      ['abstained', (r) => text(r.abstained), 'num'],
      ['examples', (r) => text(r.examples.join(' · '))],
      ['closest doc', (r) => doc(r.closest_doc)],
      ['suggested trigger', (r) => `<code>${text(r.suggested_trigger)}</code>`],
      ['last asked', (r) => text(r.last_asked)],
    ]);
  if (data.report === 'feedback')
    return table(data.rows, [
      ['at', (r) => text(r.at)],
      ['question', (r) => text(r.question)],
      ['doc', (r) => doc(r.top_doc)],
      ['comment', (r) => text(r.comment || '—')],
      ['channel', (r) => text(r.channel)],
    ]);
  return table(data.rows, [
    ['doc', (r) => doc(r.doc)],
    ['answered', (r) => text(r.answered), 'num'],
    ['👍', (r) => text(r.helpful), 'num'],
    ['👎', (r) => text(r.unhelpful), 'num'],
    ['helpful ratio', (r) => num(r.helpful_ratio), 'num'],
    ['last hit', (r) => text(r.last_hit)],
  ]);
}

function renderLint(data) {
  const count = (s) => data.findings.filter((f) => f.severity === s).length;
  return `<p><span class="stat"><b>${data.docs}</b>docs</span><span class="stat"><b>${count('error')}</b>errors</span>
<span class="stat"><b>${count('warning')}</b>warnings</span><span class="stat"><b>${count('info')}</b>notes</span></p>${table(
    data.findings,
    [
      ['file', (r) => `${doc(r.file, [r.line, r.line])}<span class="muted">:${escapeHtml(r.line)}</span>`],
      ['severity', (r) => `<span class="sev-${escapeHtml(r.severity)}">${escapeHtml(r.severity)}</span>`],
      ['code', (r) => `<code>${text(r.code)}</code>`],
      ['message', (r) => text(r.message)],
    ],
  )}`;
}

for (const button of document.querySelectorAll('#tabs button')) {
  button.addEventListener('click', () => {
    for (const other of document.querySelectorAll('#tabs button'))
      other.classList.toggle('active', other === button);
    for (const panel of document.querySelectorAll('[data-panel]'))
      panel.hidden = panel.dataset.panel !== button.dataset.tab;
  });
}

$('#explain-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = $('#explain-q').value.trim();
  if (q)
    show($('#explain-out'), async () =>
      renderExplain(await api(`/admin/api/explain?q=${encodeURIComponent(q)}`)),
    );
});
$('#coverage-bundled').addEventListener('click', () =>
  show($('#coverage-out'), async () => renderCoverage(await api('/admin/api/coverage'))),
);
$('#coverage-file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (!file) return;
  show($('#coverage-out'), async () =>
    renderCoverage(
      await api('/admin/api/coverage', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: await file.text(),
      }),
    ),
  );
});
$('#report-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const kind = $('#report-kind').value;
  const since = $('#report-since').value;
  show($('#report-out'), async () =>
    renderReport(await api(`/admin/api/report?kind=${kind}&since=${since}`)),
  );
});
$('#lint-run').addEventListener('click', () =>
  show($('#lint-out'), async () => renderLint(await api('/admin/api/lint'))),
);
$('#explain-q').focus();
