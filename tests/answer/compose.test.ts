import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Composed,
  type ComposeInput,
  composeAnswer,
  DEFAULT_COMPOSE_OPTIONS,
} from '../../src/answer/compose.js';
import { renderText } from '../../src/answer/render.js';
import type { DocRecord } from '../../src/core/types.js';
import { type ParsedDocument, parseDocument } from '../../src/ingest/document.js';
import type { FusedHit, RetrievalResult, RetrieverName } from '../../src/retrieve/types.js';
import { CHAT_BODY_KEYS, CITATION_KEYS, COMMAND_KEYS } from '../helpers/chat-contract.js';
import { FIXTURE_KB } from './fixture-index.js';
import { headingAbove, plain } from './source-check.js';

// --- fixtures: real parser output of real files ---------------------------------------------------------------------

const SOURCES = new Map<string, string>();

function load(relative: string): ParsedDocument {
  const source = readFileSync(path.join(FIXTURE_KB, relative), 'utf8');
  SOURCES.set(relative, source);
  return parseDocument(relative, source);
}

/** A doc that starts with prose before any heading, and has no traffic path and no table. */
const NO_HEADING_PATH = 'notes/no-heading.md';
const NO_HEADING_SOURCE = `---
triggers:
  - conntrack 表满
category: diagnostics
---

conntrack 表满时内核会丢弃新连接，dmesg 里出现 nf_conntrack: table full, dropping packet。
先确认计数再决定是否调大上限。

\`\`\`bash
# 查看当前连接跟踪条目数
conntrack -C
# [变更] 清空连接跟踪表，已有连接会被重置
conntrack -F
\`\`\`

## 调整上限

\`\`\`bash
# 查看上限
sysctl net.netfilter.nf_conntrack_max
\`\`\`
`;
SOURCES.set(NO_HEADING_PATH, NO_HEADING_SOURCE);

const geneve = load('kube-ovn/geneve.md');
const coredns = load('dns/coredns.md');
const tcpdump = load('diagnostics/tcpdump.md');
const clusterip = load('service/clusterip.md');
const noHeading = parseDocument(NO_HEADING_PATH, NO_HEADING_SOURCE);

function chunkOf(doc: DocRecord, heading: string) {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === heading);
  if (!chunk) throw new Error(`${doc.path} has no chunk under '${heading}'`);
  return chunk;
}

function hit(
  doc: DocRecord,
  heading: string | null,
  score: number,
  via: RetrieverName[] = ['lexical'],
  matched: string[] = [],
): FusedHit {
  const chunk = heading === null ? doc.chunks[0] : chunkOf(doc, heading);
  if (!chunk) throw new Error('no chunk');
  return { chunk, doc, score, via, matchedTriggers: matched };
}

function result(hits: FusedHit[], confidence = 0.9, abstain = false): RetrievalResult {
  return {
    hits,
    confidence,
    abstain,
    retrievers: {
      trigger: { hits: hits.length, took_ms: 0.1, status: 'ok' },
      lexical: { hits: hits.length, took_ms: 0.2, status: 'ok' },
      vector: { hits: 0, took_ms: 0, status: 'disabled' },
    },
    took_ms: 0.4,
  };
}

function compose(question: string, retrieval: RetrievalResult, extra: Partial<ComposeInput> = {}): Composed {
  return composeAnswer({
    question,
    result: retrieval,
    id: 'answer-1',
    conversationId: 'conv-1',
    tookMs: 1.234,
    ...extra,
  });
}

// --- independent checks against the source files ---------------------------------------------------------------------

function verifyCitations(composed: Composed, retrieved: RetrievalResult): void {
  const { body, evidence } = composed;
  const retrievedDocs = new Set(retrieved.hits.map((h) => h.doc.path));
  body.citations.forEach((citation, index) => {
    expect(retrievedDocs.has(citation.path), `citation ${index + 1} cites a doc that was not retrieved`).toBe(
      true,
    );
    const source = SOURCES.get(citation.path);
    expect(source, citation.path).toBeDefined();
    const lines = (source ?? '').split('\n');
    const [start, end] = citation.lines;
    expect(start).toBeGreaterThanOrEqual(1);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(lines.length);
    const cited = lines.slice(start - 1, end).join('\n');
    const quotes = evidence.filter((item) => item.citation === index);
    expect(quotes.length, `citation ${index + 1} backs no statement`).toBeGreaterThan(0);
    for (const { quote } of quotes) {
      expect(
        plain(cited),
        `[${index + 1}] ${citation.path}:${start}-${end} should contain "${quote}"`,
      ).toContain(plain(quote));
    }
    expect(citation.heading).toBe(headingAbove(source ?? '', start));
    // Each citation is marked in the answer or is the source of a command.
    const backsCommand = body.commands.some(
      (c) => c.source.path === citation.path && start <= c.source.line && c.source.line <= end,
    );
    expect(body.answer.includes(`[${index + 1}]`) || backsCommand, `citation ${index + 1} is used`).toBe(
      true,
    );
  });
  // Every marker in the answer points at a citation.
  for (const [, n] of body.answer.matchAll(/\[(\d+)\]/g)) {
    expect(Number(n)).toBeLessThanOrEqual(body.citations.length);
  }
  // Every quote is what the answer says or what a command runs (with its placeholders filled).
  const fills = new Map(body.commands.flatMap((c) => c.fills.map((f) => [f.placeholder, f.value] as const)));
  const said = plain(`${body.answer}\n${body.commands.map((c) => c.command).join('\n')}`);
  for (const { quote } of evidence) {
    const filled = quote.replace(/<[a-z][a-z0-9_-]*>/g, (token) => fills.get(token) ?? token);
    expect(said).toContain(plain(filled));
  }
}

function verifyCommands(composed: Composed): void {
  const { commands } = composed.body;
  expect(commands.length).toBeLessThanOrEqual(10);
  const firstMutating = commands.findIndex((c) => c.safety === 'mutating');
  if (firstMutating >= 0)
    expect(commands.slice(firstMutating).every((c) => c.safety === 'mutating')).toBe(true);
  expect(new Set(commands.map((c) => c.command)).size).toBe(commands.length);
  for (const command of commands) {
    const source = SOURCES.get(command.source.path) ?? '';
    const line = source.split('\n')[command.source.line - 1] ?? '';
    // The text before the first filled value is verbatim on the source line.
    const prefix = command.command.split(/\s+/).slice(0, 2).join(' ');
    const unfilled = command.fills.reduce(
      (text, fill) => text.split(fill.value).join(fill.placeholder),
      prefix,
    );
    expect(plain(line), `${command.source.path}:${command.source.line}`).toContain(plain(unfilled));
    if (command.safety === 'mutating') expect(composed.body.answer).toMatch(/会变更状态|change(s)? state/);
  }
}

// --- tests -------------------------------------------------------------------------------------------------------------

describe('composeAnswer', () => {
  it('answers with the gist, the traffic path, matching causes and ordered commands, all cited exactly', () => {
    const retrieval = result([
      hit(geneve, '常见问题', 1.4, ['trigger', 'lexical'], ['geneve 隧道不通']),
      hit(geneve, '抓包定位丢包位置', 1.1, ['trigger', 'lexical'], ['geneve 隧道不通']),
      hit(tcpdump, '诊断命令', 0.3),
    ]);
    const composed = compose('geneve 隧道不通，跨节点间歇性丢包，InCsumErrors 一直涨', retrieval);
    const { body } = composed;
    expect(body.abstained).toBe(false);
    expect(body.answer).toContain('Kube-OVN 的 Overlay 子网用 Geneve 封装跨节点流量');
    expect(body.answer).toContain('**流量路径**');
    expect(body.answer).toContain('Pod A (node1) → veth → br-int');
    // The csum row matches the question best, so it is the first likely cause.
    const causes = body.answer
      .slice(body.answer.indexOf('**可能原因**'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(causes[0]).toContain('InCsumErrors');
    // Only the hit sections' commands and the matched rows' ones: the unretrieved fix section stays out.
    expect(body.commands.every((c) => c.safety === 'read-only')).toBe(true);
    expect(body.commands.map((c) => c.command)).toContain('netstat -us | grep -i csumerrors');
    expect(body.commands.map((c) => c.command)).not.toContain(
      'iptables -I INPUT -p udp --dport 6081 -j ACCEPT',
    );
    verifyCitations(composed, retrieval);
    verifyCommands(composed);
  });

  it('fills placeholders the question names and reports each fill', () => {
    const retrieval = result([hit(clusterip, '诊断命令', 1.2), hit(clusterip, '常见问题', 1)]);
    const composed = compose(
      'pod web-0 -n shop 访问 svc api 的 clusterip 10.96.0.12:8080 报 connection refused',
      retrieval,
    );
    const curl = composed.body.commands.find((c) => c.command.includes('curl'));
    expect(curl?.command).toBe('kubectl exec -n shop web-0 -- curl -sS -m 3 http://10.96.0.12:8080/');
    expect(curl?.fills).toEqual([
      { placeholder: '<namespace>', value: 'shop' },
      { placeholder: '<pod>', value: 'web-0' },
      { placeholder: '<cluster-ip>', value: '10.96.0.12' },
      { placeholder: '<port>', value: '8080' },
    ]);
    const svc = composed.body.commands.find((c) => c.command.startsWith('kubectl get svc'));
    expect(svc?.command).toBe('kubectl get svc api -n shop -o wide');
    verifyCitations(composed, retrieval);
    verifyCommands(composed);
  });

  it('leaves placeholders visible when the question does not name them, and uses earlier turns', () => {
    const retrieval = result([hit(geneve, '抓包定位丢包位置', 1.2)]);
    const alone = compose('那怎么抓包?', retrieval);
    expect(alone.body.commands.find((c) => c.command.startsWith('kubectl ko trace'))?.command).toBe(
      'kubectl ko trace <namespace>/<pod> <target-ip> icmp',
    );
    const withHistory = compose('那怎么抓包?', retrieval, {
      history: ['pod prod/api-0 ping 10.16.1.3 不通，geneve 隧道'],
    });
    const trace = withHistory.body.commands.find((c) => c.command.startsWith('kubectl ko trace'));
    expect(trace?.command).toBe('kubectl ko trace prod/api-0 10.16.1.3 icmp');
    expect(trace?.fills.map((f) => f.placeholder)).toEqual(['<namespace>', '<pod>', '<target-ip>']);
  });

  it('ranks commands by their match with the question, deduplicated, diagnostics before fixes', () => {
    const retrieval = result([hit(coredns, '诊断命令', 1.5), hit(coredns, '常见问题', 1.2)]);
    const composed = compose('coredns 解析失败 nslookup 报 i/o timeout', retrieval);
    const commands = composed.body.commands.map((c) => c.command);
    expect(commands).toContain('kubectl -n kube-system get pod -l k8s-app=kube-dns -o wide');
    // The fix a likely cause names comes last, in its own group.
    expect(commands.at(-1)).toBe('kubectl -n kube-system rollout restart deployment coredns');
    expect(composed.body.commands.at(-1)?.safety).toBe('mutating');
    expect(composed.body.commands.at(-1)?.group).toBe('fix');
    expect(commands).toContain('kubectl get networkpolicy -n <namespace>');
    // No traffic path section in this doc: none in the answer.
    expect(composed.body.answer).not.toContain('**流量路径**');
    verifyCitations(composed, retrieval);
    verifyCommands(composed);
  });

  it('does not take causes or commands from weak hits of other docs', () => {
    const retrieval = result([hit(coredns, '常见问题', 2), hit(geneve, '常见问题', 0.1)]);
    const composed = compose('nslookup 报 i/o timeout', retrieval);
    expect(composed.body.commands.every((c) => c.source.path === 'dns/coredns.md')).toBe(true);
    expect(composed.body.answer).not.toContain('6081 报文');
    verifyCitations(composed, retrieval);
  });

  it("gives fewer of the top runbook's checks when another runbook scored nearly as high", () => {
    const question = 'coredns 解析失败 nslookup 报 i/o timeout';
    // Few commands in the fixture runbook: a floor of 2 shows the cap.
    const options = { ...DEFAULT_COMPOSE_OPTIONS, minCommands: 2 };
    const input = (retrieval: RetrievalResult): ComposeInput => ({
      question,
      result: retrieval,
      id: 'answer-1',
      conversationId: 'conv-1',
      tookMs: 1,
    });
    const diagnose = (composed: Composed) =>
      composed.body.commands.filter((c) => c.group === 'diagnose').map((c) => c.command);
    const clear = diagnose(
      composeAnswer(input(result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 0.5)])), options),
    );
    const contested = diagnose(
      composeAnswer(input(result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 1.95)])), options),
    );
    expect(clear.length).toBeGreaterThan(2);
    // The best matched of the clear answer, in its order.
    expect(contested).toEqual(clear.slice(0, 2));
  });

  it("gives fewer checks when another runbook is close and none of the top one's rows matches the question", () => {
    const options = { ...DEFAULT_COMPOSE_OPTIONS, minCommands: 2 };
    const diagnose = (question: string, retrieval: RetrievalResult) =>
      composeAnswer({ question, result: retrieval, id: 'a', conversationId: 'c', tookMs: 1 }, options)
        .body.commands.filter((c) => c.group === 'diagnose')
        .map((c) => c.command);
    // Geneve scores 0.75 of CoreDNS: close, not nearly as high.
    const close = result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 1.5)]);
    // A row states the likely cause ("nslookup 报 i/o timeout"): the top runbook fits, its checks are all given.
    expect(diagnose('coredns 解析失败 nslookup 报 i/o timeout', close).length).toBeGreaterThan(2);
    // No row matches: which runbook fits is uncertain.
    expect(diagnose('coredns 的 pod 日志怎么看', close)).toHaveLength(2);
    expect(
      diagnose(
        'coredns 的 pod 日志怎么看',
        result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 0.5)]),
      ).length,
    ).toBeGreaterThan(2);
  });

  it('suggests no state-changing command when another runbook scored nearly as high', () => {
    const question = 'coredns 解析失败 nslookup 报 i/o timeout，要重启 coredns 吗';
    const fixes = (retrieval: RetrievalResult) =>
      compose(question, retrieval)
        .body.commands.filter((c) => c.group === 'fix')
        .map((c) => c.command);
    const clear = fixes(result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 0.5)]));
    expect(clear).toEqual(['kubectl -n kube-system rollout restart deployment coredns']);
    expect(fixes(result([hit(coredns, '诊断命令', 2), hit(geneve, '常见问题', 1.95)]))).toEqual([]);
  });

  it("takes a close runbook's commands only where a row of it that matches the question names them", () => {
    // CoreDNS is on topic by a clear margin, but not contested: its row "nslookup 报 i/o timeout" names the
    // NetworkPolicy check; its nslookup command shares the question's words but no matched row names it.
    const retrieval = result([hit(clusterip, '诊断命令', 2), hit(coredns, '诊断命令', 1.7)]);
    const composed = compose(
      'ClusterIP 服务访问不了，在 pod 里 nslookup 解析 service 域名报 i/o timeout',
      retrieval,
    );
    const fromCoredns = composed.body.commands.filter((c) => c.source.path === 'dns/coredns.md');
    expect(fromCoredns.map((c) => c.command)).toEqual(['kubectl get networkpolicy -n <namespace>']);
    expect(composed.body.commands[0]?.source.path).toBe('service/clusterip.md');
    verifyCitations(composed, retrieval);
    verifyCommands(composed);
    // Scored nearly as high (which runbook fits is uncertain): its checks that match the question on their own
    // words hedge the choice.
    const close = result([hit(clusterip, '诊断命令', 2), hit(coredns, '诊断命令', 1.95)]);
    const contested = compose(
      'ClusterIP 服务访问不了，在 pod 里 nslookup 解析 service 域名报 i/o timeout',
      close,
    );
    expect(contested.body.commands.map((c) => c.command)).toContain(
      'kubectl exec -n <namespace> <pod> -- nslookup <service-name>.<namespace>.svc.cluster.local',
    );
    verifyCitations(contested, close);
  });

  it("cites '' as the heading of text before the first heading", () => {
    const retrieval = result([hit(noHeading, null, 1)]);
    SOURCES.set(NO_HEADING_PATH, NO_HEADING_SOURCE);
    const composed = compose('conntrack 表满 丢包', retrieval);
    const first = composed.body.citations[0];
    expect(first?.heading).toBe('');
    expect(first?.lines[0]).toBe(7);
    // The doc's read-only checks; its flush (`conntrack -F`) is no fix any likely cause names: left out.
    expect(composed.body.commands.map((c) => [c.command, c.safety])).toEqual([
      ['conntrack -C', 'read-only'],
      ['sysctl net.netfilter.nf_conntrack_max', 'read-only'],
    ]);
    verifyCitations(composed, retrieval);
    verifyCommands(composed);
  });

  it('abstains without commands, suggests the closest docs and asks for what is missing', () => {
    const retrieval = result(
      [hit(clusterip, '概述', 0.2), hit(coredns, '概述', 0.15), hit(clusterip, '诊断命令', 0.1)],
      0.2,
      true,
    );
    const composed = compose('这个问题怎么处理', retrieval);
    const { body } = composed;
    expect(body.abstained).toBe(true);
    expect(body.structured.kind).toBe('abstain');
    expect(body.commands).toEqual([]);
    expect(body.citations.map((c) => c.path)).toEqual(['service/clusterip.md', 'dns/coredns.md']);
    expect(body.answer).toContain('没有找到足够确定的答案');
    expect(body.answer).toContain('哪个 CNI');
    expect(body.answer).toContain('源和目的');
    expect(body.answer).toContain('具体现象');
    verifyCitations(composed, retrieval);
  });

  it('asks only for what the question lacks', () => {
    const composed = compose('kube-ovn pod 访问 node 192.168.1.10 超时', result([], 0, true));
    expect(composed.body.citations).toEqual([]);
    expect(composed.body.answer).toContain('知识库里没有');
    expect(composed.body.answer).not.toContain('哪个 CNI');
    expect(composed.body.answer).not.toContain('源和目的');
    expect(composed.body.answer).not.toContain('具体现象');
    expect(composed.body.answer).toContain('换个说法');
  });

  it('answers in English when the question is English', () => {
    const retrieval = result([hit(geneve, '概述', 1)]);
    const composed = compose('geneve tunnel down between nodes', retrieval);
    expect(composed.body.answer).toContain('**Traffic path**');
    expect(composed.body.answer).toContain('**Diagnose (read-only, run in order)**');
    expect(composed.body.answer).not.toMatch(/Run the \d+ commands? below in order/);
    const abstained = compose('how do I rotate a kubeconfig token', result([], 0, true));
    expect(abstained.body.answer).toContain('Which CNI');
  });

  it('is deterministic and keeps the contract fields', () => {
    const retrieval = result([hit(geneve, '抓包定位丢包位置', 1.2), hit(tcpdump, '诊断命令', 1)]);
    const a = compose('genev_sys_6081 上抓不到包', retrieval);
    const b = compose('genev_sys_6081 上抓不到包', retrieval);
    expect(a).toEqual(b);
    expect(Object.keys(a.body)).toEqual(CHAT_BODY_KEYS);
    expect(a.body.id).toBe('answer-1');
    expect(a.body.conversation_id).toBe('conv-1');
    for (const citation of a.body.citations) {
      expect(Object.keys(citation)).toEqual(CITATION_KEYS);
    }
    for (const command of a.body.commands) {
      expect(Object.keys(command)).toEqual(COMMAND_KEYS);
    }
    verifyCitations(a, retrieval);
    verifyCommands(a);
  });

  it('caps commands at 8 and never pads to the cap', () => {
    const hits = [...geneve.chunks, ...clusterip.chunks].map((chunk) => ({
      chunk,
      doc: chunk.path === geneve.path ? geneve : clusterip,
      score: 1,
      via: ['lexical' as const],
      matchedTriggers: [],
    }));
    const composed = compose('geneve clusterip 全部不通', result(hits));
    expect(composed.body.commands.length).toBeGreaterThanOrEqual(3);
    expect(composed.body.commands.length).toBeLessThanOrEqual(8);
    // Two docs scored alike: the second one's commands come in only when they match the question themselves.
    const other = composed.body.commands.filter(
      (c) => c.source.path !== composed.body.commands[0]?.source.path,
    );
    expect(other.length).toBeLessThanOrEqual(composed.body.commands.length / 2);
    verifyCitations(composed, result(hits));
    verifyCommands(composed);
  });
});

describe('renderText (netkb ask without --json)', () => {
  it('prints plain text: copy-clean command lines, labels on the line above, then the sources', () => {
    const retrieval = result([hit(coredns, '诊断命令', 1.5), hit(coredns, '常见问题', 1.2)]);
    const { body } = compose('coredns 解析失败 nslookup 报 i/o timeout', retrieval);
    const text = renderText(body, 'coredns 解析失败');
    const lines = text.split('\n');
    expect(text.startsWith(body.structured.title)).toBe(true);
    // Every command is a line of its own, exactly the command: nothing to strip before pasting.
    for (const command of body.commands) {
      const first = command.command.split('\n')[0] ?? '';
      const at = lines.indexOf(first);
      expect(at, first).toBeGreaterThan(0);
      expect(lines[at - 1]).toMatch(/^# /);
    }
    expect(text).toContain('诊断命令（只读，按顺序执行）:');
    expect(text).toMatch(/# 1\. \[只读\] /);
    const fix = body.commands.find((c) => c.group === 'fix');
    expect(fix).toBeDefined();
    expect(text).toContain('修复 — 会变更状态，执行前确认影响:');
    expect(text).toMatch(/# \[变更\] /);
    expect(text.indexOf('修复 — ')).toBeGreaterThan(text.indexOf('诊断命令'));
    // No markdown and no colour unless asked for.
    expect(text).not.toContain('**');
    expect(text).not.toContain('```');
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('来源:');
    for (const [i, citation] of body.citations.entries()) {
      expect(text).toContain(`[${i + 1}] ${citation.path}:${citation.lines[0]}-${citation.lines[1]}`);
    }
    expect(renderText(body, 'coredns fails')).toContain('Sources:');
  });

  it('colours headings and labels only when asked (a TTY), never the command lines', () => {
    const retrieval = result([hit(coredns, '诊断命令', 1.5), hit(coredns, '常见问题', 1.2)]);
    const { body } = compose('coredns 解析失败 nslookup 报 i/o timeout', retrieval);
    const text = renderText(body, 'coredns 解析失败', { color: true });
    expect(text).toContain('\u001b[1m');
    const lines = text.split('\n');
    for (const command of body.commands) expect(lines).toContain(command.command.split('\n')[0]);
  });
});
