/**
 * The CLI contract (issue 2): `netkb ingest` / `netkb inspect` run as real processes. Each spawn costs about a
 * second, so every process is started once, concurrently, in beforeAll, and the tests assert on the results.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '../..');
const MAIN = path.join(REPO, 'src/cli/main.ts');
const KB_SMALL = path.join(REPO, 'tests/fixtures/kb-small');
const KB_FINDINGS = path.join(REPO, 'tests/fixtures/kb-findings');
const SEEDS = path.resolve(REPO, '../shared/seeds');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Non-empty stderr lines. */
  errLines: string[];
}

function netkb(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NETKB_VECTORS: 'off', ...env };
  for (const key of ['NETKB_MODEL', 'NETKB_MODEL_DIR', 'NETKB_CACHE_DIR', 'NETKB_ALLOW_REMOTE_MODELS']) {
    delete childEnv[key];
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: REPO, env: childEnv, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, errLines: stderr.split('\n').filter((line) => line.trim() !== '') });
      },
    );
  });
}

function json(run: Run): unknown {
  expect(run.stdout.trim().split('\n'), 'stdout must be one JSON line').toHaveLength(1);
  return JSON.parse(run.stdout);
}

const sortedKeys = (value: unknown) => Object.keys(value as object).sort();

let tmp: string;
const runs = {} as Record<
  | 'ingestSmall'
  | 'inspectSmall'
  | 'ingestFindings'
  | 'missingKbFlag'
  | 'unknownFlag'
  | 'missingKbDir'
  | 'emptyKbDir'
  | 'requireVectors'
  | 'inspectMissing'
  | 'ingestSeeds'
  | 'help'
  | 'unknownCommand',
  Run
>;
let requireVectorsIndex: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-cli-'));
  const emptyKb = path.join(tmp, 'empty-kb');
  await mkdir(path.join(emptyKb, 'notes'), { recursive: true });
  await writeFile(path.join(emptyKb, 'notes/todo.txt'), 'not markdown\n');
  await writeFile(path.join(emptyKb, 'README.md'), '# Only the KB README, which is not a runbook\n');
  const findingsKb = path.join(tmp, 'findings-kb');
  await cp(KB_FINDINGS, findingsKb, { recursive: true });
  requireVectorsIndex = path.join(tmp, 'index-require-vectors');
  const index = (name: string) => path.join(tmp, `index-${name}`);

  await Promise.all([
    netkb(['ingest', '--kb', KB_SMALL, '--index', index('small'), '--json']).then(async (run) => {
      runs.ingestSmall = run;
      runs.inspectSmall = await netkb(['inspect', '--index', index('small'), '--json']);
    }),
    netkb(['ingest', '--kb', findingsKb, '--index', index('findings'), '--json']).then((run) => {
      runs.ingestFindings = run;
    }),
    netkb(['ingest', '--index', index('usage')]).then((run) => {
      runs.missingKbFlag = run;
    }),
    netkb(['ingest', '--kb', KB_SMALL, '--index', index('usage'), '--frobnicate']).then((run) => {
      runs.unknownFlag = run;
    }),
    netkb(['ingest', '--kb', path.join(tmp, 'no-such-kb'), '--index', index('usage')]).then((run) => {
      runs.missingKbDir = run;
    }),
    netkb(['ingest', '--kb', emptyKb, '--index', index('usage')]).then((run) => {
      runs.emptyKbDir = run;
    }),
    netkb(['ingest', '--kb', KB_SMALL, '--index', requireVectorsIndex, '--require-vectors']).then((run) => {
      runs.requireVectors = run;
    }),
    netkb(['inspect', '--index', path.join(tmp, 'no-such-index'), '--json']).then((run) => {
      runs.inspectMissing = run;
    }),
    netkb(['--help']).then((run) => {
      runs.help = run;
    }),
    netkb(['frobnicate']).then((run) => {
      runs.unknownCommand = run;
    }),
    existsSync(SEEDS)
      ? netkb(['ingest', '--kb', SEEDS, '--index', index('seeds'), '--json']).then((run) => {
          runs.ingestSeeds = run;
        })
      : Promise.resolve(),
  ]);
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('netkb ingest', () => {
  it('--json prints exactly the report keys and exits 0', () => {
    const run = runs.ingestSmall;
    expect(run.code, run.stderr).toBe(0);
    const report = json(run) as Record<string, unknown>;
    expect(sortedKeys(report)).toEqual(
      [
        'chunks',
        'commands',
        'docs',
        'embedded_chunks',
        'findings',
        'reused_docs',
        'took_ms',
        'vectors',
      ].sort(),
    );
    expect(report).toMatchObject({
      docs: 3,
      reused_docs: 0,
      embedded_chunks: 0,
      vectors: 'disabled: NETKB_VECTORS=off',
      findings: [],
    });
    expect(report.chunks).toEqual(expect.any(Number));
    expect(report.commands).toEqual(expect.any(Number));
    expect(report.took_ms).toEqual(expect.any(Number));
    // Vectors off is said loudly, on stderr, so stdout stays machine-readable.
    expect(run.stderr).toMatch(/vectors DISABLED.*NETKB_VECTORS=off/);
  });

  it('exits 0 with per-file findings when some files are malformed', () => {
    const run = runs.ingestFindings;
    expect(run.code, run.stderr).toBe(0);
    const report = json(run) as { docs: number; findings: Array<Record<string, unknown>> };
    expect(report.docs).toBe(3);
    for (const finding of report.findings) {
      expect(sortedKeys(finding)).toEqual(['code', 'file', 'line', 'message', 'severity']);
    }
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'broken-yaml.md',
          line: 3,
          severity: 'error',
          code: 'frontmatter-yaml',
        }),
        expect.objectContaining({
          file: 'wrong-types.md',
          line: 2,
          severity: 'error',
          code: 'frontmatter-triggers',
        }),
        expect.objectContaining({
          file: 'wrong-types.md',
          line: 3,
          severity: 'error',
          code: 'frontmatter-category',
        }),
        expect.objectContaining({
          file: 'wrong-types.md',
          line: 4,
          severity: 'error',
          code: 'frontmatter-priority',
        }),
        expect.objectContaining({
          file: 'no-front-matter.md',
          line: 1,
          severity: 'warning',
          code: 'frontmatter-missing',
        }),
      ]),
    );
  });

  describe('exits 2 with one readable stderr line', () => {
    it.each([
      ['a missing --kb flag', 'missingKbFlag', /--kb/],
      ['an unknown flag', 'unknownFlag', /--frobnicate/],
      ['a missing KB dir', 'missingKbDir', /no-such-kb/],
      ['a KB dir without markdown files', 'emptyKbDir', /no markdown files/i],
    ] as const)('for %s', (_what, key, pattern) => {
      const run = runs[key];
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.errLines).toEqual([expect.stringMatching(pattern)]);
      expect(run.errLines[0]).toMatch(/^netkb ingest: /);
    });
  });

  it('--help prints the usage of every command on stdout and exits 0; an unknown command exits 2', () => {
    expect(runs.help.code).toBe(0);
    for (const command of ['ingest', 'inspect', 'serve', 'ask', 'eval']) {
      expect(runs.help.stdout).toContain(`netkb ${command} `);
    }
    expect(runs.help.stdout).not.toMatch(/unknown command/);
    expect(runs.unknownCommand.code).toBe(2);
    expect(runs.unknownCommand.errLines).toEqual([
      expect.stringMatching(/^netkb: unknown command 'frobnicate'/),
    ]);
  });

  it('--require-vectors fails with a readable line when vectors are off, and writes no index', () => {
    const run = runs.requireVectors;
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(/^netkb ingest: .*--require-vectors.*NETKB_VECTORS=off/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(requireVectorsIndex)).toBe(false);
  });

  it('ingests all five seeds (../shared/seeds)', () => {
    const run = runs.ingestSeeds;
    expect(run.code, run.stderr).toBe(0);
    const report = json(run) as {
      docs: number;
      chunks: number;
      commands: number;
      findings: Array<{ severity: string }>;
    };
    expect(report.docs).toBe(5);
    expect(report.chunks).toBeGreaterThanOrEqual(5);
    expect(report.commands).toBeGreaterThan(0);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});

describe('netkb inspect', () => {
  it('--json has exactly the contract shape, with paths relative to the KB root', () => {
    const run = runs.inspectSmall;
    expect(run.code, run.stderr).toBe(0);
    const report = json(run) as {
      docs: Array<Record<string, unknown> & { path: string; chunks: number; commands: number }>;
      chunks: Array<Record<string, unknown> & { path: string }>;
      commands: Array<Record<string, unknown> & { source: { path: string; line: number } }>;
    };
    expect(sortedKeys(report)).toEqual(['chunks', 'commands', 'docs']);

    expect(report.docs.map((doc) => doc.path)).toEqual([
      'dns/coredns.md',
      'pod-to-pod/geneve-cross-node.md',
      'service/clusterip.md',
    ]);
    for (const doc of report.docs) {
      expect(sortedKeys(doc)).toEqual([
        'category',
        'chunks',
        'commands',
        'path',
        'priority',
        'title',
        'triggers',
      ]);
      expect(doc.chunks).toBe(report.chunks.filter((chunk) => chunk.path === doc.path).length);
      expect(doc.commands).toBe(report.commands.filter((command) => command.source.path === doc.path).length);
    }
    expect(report.docs[0]).toEqual({
      path: 'dns/coredns.md',
      title: 'CoreDNS 解析失败',
      category: 'dns',
      priority: 50,
      triggers: ['DNS 解析失败', 'nslookup 超时'],
      chunks: 2,
      commands: 2,
    });

    expect(report.chunks.length).toBeGreaterThan(0);
    for (const chunk of report.chunks) {
      expect(sortedKeys(chunk)).toEqual(['heading_path', 'id', 'kind', 'lines', 'path']);
      expect(chunk).toEqual({
        id: expect.stringMatching(/^[a-z-]+\/[a-z-]+\.md#\d+$/),
        path: expect.stringMatching(/^[a-z-]+\/[a-z-]+\.md$/),
        heading_path: expect.any(Array),
        lines: [expect.any(Number), expect.any(Number)],
        kind: expect.stringMatching(/^(overview|traffic_path|diagnostics|troubleshooting|related|section)$/),
      });
    }
    expect(report.chunks).toContainEqual({
      id: 'dns/coredns.md#1',
      path: 'dns/coredns.md',
      heading_path: ['CoreDNS 解析失败', '诊断命令'],
      lines: [15, 24],
      kind: 'diagnostics',
    });

    expect(report.commands.length).toBeGreaterThan(0);
    for (const command of report.commands) {
      expect(sortedKeys(command)).toEqual(['command', 'placeholders', 'purpose', 'safety', 'source']);
      expect(sortedKeys(command.source)).toEqual(['line', 'path']);
      expect(path.isAbsolute(command.source.path)).toBe(false);
    }
    expect(report.commands).toContainEqual({
      command: 'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default',
      purpose: '在 Pod 内解析域名',
      safety: 'read-only',
      placeholders: ['<namespace>', '<pod>'],
      source: { path: 'dns/coredns.md', line: 19 },
    });
    expect(report.commands).toContainEqual(
      expect.objectContaining({ command: 'systemctl restart openvswitch', safety: 'mutating' }),
    );
  });

  it('exits 2 with one readable line when there is no index', () => {
    const run = runs.inspectMissing;
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([expect.stringMatching(/^netkb inspect: .*no-such-index/)]);
  });
});
