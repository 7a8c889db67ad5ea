/** `netkb report` from a real SQLite query log: grouping, suggestions, unhelpful answers, per-doc usage. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  docsReport,
  feedbackReport,
  parseSince,
  suggestTrigger,
  toCsv,
  unansweredReport,
} from '../../src/report/reports.js';
import { questionHash } from '../../src/store/log-entry.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { AnswerLogEntry } from '../../src/store/types.js';

const root = resolve(import.meta.dirname, '../..');
const NOW = Date.parse('2026-03-10T12:00:00Z');
let dir: string;
let db: string;

function logged(id: string, question: string | null, extra: Partial<AnswerLogEntry> = {}): AnswerLogEntry {
  return {
    answerId: id,
    at: NOW - 3_600_000,
    channel: 'api',
    question,
    questionHash: questionHash(question ?? id),
    topDoc: 'dns/coredns.md',
    confidence: 0.9,
    abstained: false,
    latencyMs: 2,
    conversationId: null,
    indexGeneration: 'gen-1',
    ...extra,
  };
}

const ANSWERS: AnswerLogEntry[] = [
  logged('a1', 'cilium hubble 看不到 drop 原因', {
    abstained: true,
    confidence: 0.3,
    topDoc: 'cilium/ebpf-datapath.md',
  }),
  logged('a2', 'hubble 看不到 drop 的原因', {
    abstained: true,
    confidence: 0.2,
    topDoc: 'cilium/ebpf-datapath.md',
  }),
  logged('a3', 'cilium hubble drop 原因在哪看', { confidence: 0.55, topDoc: 'cilium/ebpf-datapath.md' }),
  logged('a4', 'istio sidecar 注入失败', { abstained: true, confidence: 0.1, topDoc: null }),
  logged('a5', 'coredns 超时', { confidence: 0.95 }),
  logged('a6', 'coredns 解析慢', { confidence: 0.9, at: NOW - 60_000 }),
  logged('a7', null, { abstained: true, confidence: 0.1, questionHash: 'same', topDoc: null }),
  logged('a8', null, { abstained: true, confidence: 0.1, questionHash: 'same', topDoc: null }),
  logged('old', 'coredns 很久以前', { at: NOW - 30 * 86_400_000 }),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netkb-report-'));
  db = join(dir, 'netkb.db');
  const store = new SqliteStore({ path: db, now: () => NOW });
  for (const answer of ANSWERS) store.logAnswer(answer);
  await store.recordFeedback({ answerId: 'a5', helpful: true, channel: 'slack', user: 'U1' });
  await store.recordFeedback({
    answerId: 'a6',
    helpful: false,
    comment: '没讲 ndots, "5 秒"',
    channel: 'teams',
  });
  await store.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reports from the log', () => {
  it('groups abstained and low-confidence questions by wording, with the closest doc and a trigger', async () => {
    const store = new SqliteStore({ path: db });
    const groups = unansweredReport(await store.answers({ since: NOW - 7 * 86_400_000 }));
    await store.close();
    expect(groups.map((g) => [g.count, g.abstained, g.closest_doc])).toEqual([
      [3, 2, 'cilium/ebpf-datapath.md'],
      [2, 2, null], // the same hash twice: text not kept
      [1, 1, null],
    ]);
    expect(groups[0]?.examples).toHaveLength(3);
    expect(groups[0]?.suggested_trigger).toBe('cilium hubble drop');
    expect(groups[1]?.examples).toEqual([]);
    expect(groups[2]?.suggested_trigger).toBe('istio sidecar 注入');
  });

  it('lists unhelpful answers with their comment, and per-doc usage with the helpful ratio', async () => {
    const store = new SqliteStore({ path: db });
    const range = { since: NOW - 7 * 86_400_000 };
    const feedback = await store.feedback(range);
    expect(feedbackReport(feedback)).toEqual([
      {
        at: new Date(NOW).toISOString(),
        answer_id: 'a6',
        question: 'coredns 解析慢',
        top_doc: 'dns/coredns.md',
        comment: '没讲 ndots, "5 秒"',
        channel: 'teams',
        user: null,
      },
    ]);
    expect(docsReport(await store.answers(range), feedback)).toEqual([
      {
        doc: 'dns/coredns.md',
        answered: 2,
        helpful: 1,
        unhelpful: 1,
        helpful_ratio: 0.5,
        last_hit: new Date(NOW - 60_000).toISOString(),
      },
      {
        doc: 'cilium/ebpf-datapath.md',
        answered: 1,
        helpful: 0,
        unhelpful: 0,
        helpful_ratio: null,
        last_hit: new Date(NOW - 3_600_000).toISOString(),
      },
    ]);
    await store.close();
  });

  it('parses --since and quotes CSV fields', () => {
    expect(parseSince('7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseSince('12h', NOW)).toBe(NOW - 12 * 3_600_000);
    expect(parseSince('2026-03-01', NOW)).toBe(Date.parse('2026-03-01'));
    expect(parseSince('last week', NOW)).toBeNull();
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [null, ['p', 'q']],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\np | q\r\n'.replace('\r\np | q', '\r\n,p | q'));
    expect(suggestTrigger(['kube-proxy ipvs 规则 不对', 'ipvs 规则 丢失', 'ipvs 规则'])).toBe('ipvs 规则');
  });
});

describe('netkb report (process)', () => {
  const netkb = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
        { cwd: root, env: { ...process.env, NETKB_DB: db } },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it('prints text, JSON and CSV; bad usage exits 2', async () => {
    const [text, json, csv, bad] = await Promise.all([
      netkb(['report', '--since', '3650d']),
      netkb(['report', 'docs', '--since', '3650d', '-o', 'json']),
      netkb(['report', 'feedback', '--since', '3650d', '-o', 'csv']),
      netkb(['report', 'popular']),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^\d+ groups of abstained or low-confidence questions since /);
    expect(text.stdout).toContain('closest: cilium/ebpf-datapath.md; suggested trigger: cilium hubble drop');
    const docs = JSON.parse(json.stdout) as {
      report: string;
      rows: Array<{ doc: string; answered: number }>;
    };
    expect(docs.report).toBe('docs');
    expect(docs.rows.find((r) => r.doc === 'dns/coredns.md')?.answered).toBe(3); // `old` is inside 3650 days
    expect(csv.stdout.split('\r\n')[0]).toBe('at,answer_id,channel,user,top_doc,question,comment');
    expect(csv.stdout).toContain('"没讲 ndots, ""5 秒"""');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
