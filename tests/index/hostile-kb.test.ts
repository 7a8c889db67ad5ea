/**
 * Hostile and broken input never takes the KB down (issue 17): every pathological file is generated here (not
 * committed), placed beside good runbooks, and must end as an error finding with its path while the good docs
 * stay searchable. Damaged index records are caught on load (INDEX_CORRUPT), healed by the next ingest, and
 * an older complete generation is served meanwhile.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetkbError } from '../../src/core/errors.js';
import { DEFAULT_INGEST_LIMITS } from '../../src/core/ingest-limits.js';
import { type IngestReport, updateIndex } from '../../src/index/ingest-kb.js';
import { openSearcher } from '../../src/index/open-searcher.js';
import { currentGeneration, readIndex } from '../../src/index/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '../..');
const FIXTURE_KB = path.resolve(here, '../fixtures/kb-small');
const GOOD_DOCS = ['dns/coredns.md', 'pod-to-pod/geneve-cross-node.md', 'service/clusterip.md'];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-hostile-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
async function workspace(): Promise<{ kbDir: string; indexDir: string; dir: string }> {
  const dir = path.join(tmp, `ws-${++counter}`);
  const kbDir = path.join(dir, 'kb');
  await cp(FIXTURE_KB, kbDir, { recursive: true });
  return { kbDir, indexDir: path.join(dir, 'index'), dir };
}

/** The pathological files of the issue, generated. */
const HOSTILE: Record<string, { code: string; source: () => string }> = {
  'hostile/nested-list.md': {
    code: 'nesting-too-deep',
    source: () => `${'- '.repeat(10_000)}item\n`,
  },
  'hostile/quotes-one-line.md': { code: 'nesting-too-deep', source: () => `${'>'.repeat(10_000)} x\n` },
  'hostile/emphasis.md': { code: 'too-many-delimiters', source: () => '_*'.repeat(50_000) },
  // 3,000 levels take 4.5 MB: over the size budget before the nesting is even looked at.
  'hostile/quote-ramp.md': {
    code: 'file-too-large',
    source: () => Array.from({ length: 3_000 }, (_, i) => `${'>'.repeat(i + 1)} level ${i}`).join('\n'),
  },
  'hostile/quote-ramp-1000.md': {
    code: 'nesting-too-deep',
    source: () => Array.from({ length: 1_000 }, (_, i) => `${'>'.repeat(i + 1)} level ${i}`).join('\n'),
  },
  'hostile/indent-ramp.md': {
    code: 'nesting-too-deep',
    source: () => Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'),
  },
  'hostile/backticks.md': {
    code: 'backtick-run-too-long',
    source: () => Array.from({ length: 2_000 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' '),
  },
  'hostile/headings.md': {
    code: 'too-many-headings',
    source: () => Array.from({ length: 100_000 }, (_, i) => `# heading ${i}`).join('\n'),
  },
  'hostile/huge.md': {
    code: 'file-too-large',
    source: () => `# Huge\n\n${'word '.repeat(DEFAULT_INGEST_LIMITS.maxFileBytes / 5 + 10)}\n`,
  },
};

function findingsOf(report: IngestReport, file: string) {
  return report.findings.filter((finding) => finding.file === file);
}

async function expectGoodDocsSearchable(indexDir: string): Promise<void> {
  const searcher = await openSearcher(indexDir, { embedder: null });
  expect(searcher.docs.map((doc) => doc.path)).toEqual(GOOD_DOCS);
  const result = await searcher.search('coredns 解析超时');
  expect(result.hits[0]?.doc.path).toBe('dns/coredns.md');
}

describe('hostile files', () => {
  it('each pathological file is an error finding with its path; every good doc is indexed', async () => {
    const { kbDir, indexDir } = await workspace();
    for (const [file, { source }] of Object.entries(HOSTILE)) {
      await mkdir(path.dirname(path.join(kbDir, file)), { recursive: true });
      await writeFile(path.join(kbDir, file), source());
    }
    const { report, parsed } = await updateIndex({ kbDir, indexDir, embedder: null });
    expect(report.docs).toBe(GOOD_DOCS.length);
    for (const [file, { code }] of Object.entries(HOSTILE)) {
      expect(findingsOf(report, file), file).toEqual([
        expect.objectContaining({ file, severity: 'error', code }),
      ]);
    }
    // The budgets are checked before parsing: no hostile file reached the parser.
    expect(parsed.sort()).toEqual(GOOD_DOCS);
    await expectGoodDocsSearchable(indexDir);

    // An unchanged hostile file is not re-examined, and an unchanged KB writes nothing.
    const generation = await currentGeneration(indexDir);
    const again = await updateIndex({ kbDir, indexDir, embedder: null });
    expect(again.written).toBe(false);
    expect(again.live?.generation).toBe(generation);
    expect(again.parsed).toEqual([]);
    expect(again.report.findings).toEqual(report.findings);
    expect(await currentGeneration(indexDir)).toBe(generation);
  });

  it('a file whose parse runs past the time budget is a finding; the others are indexed', async () => {
    const { kbDir, indexDir } = await workspace();
    // Within the structure budgets given here, but the markdown parser is quadratic in headings.
    await writeFile(
      path.join(kbDir, 'slow.md'),
      Array.from({ length: 60_000 }, (_, i) => `# h${i}`).join('\n'),
    );
    const limits = { ...DEFAULT_INGEST_LIMITS, maxHeadings: 1_000_000, parseTimeoutMs: 200 };
    const { report } = await updateIndex({ kbDir, indexDir, embedder: null, limits });
    expect(findingsOf(report, 'slow.md')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'parse-failed' }),
    ]);
    expect(findingsOf(report, 'slow.md')[0]?.message).toMatch(/longer than 600 ms/);
    await expectGoodDocsSearchable(indexDir);
  }, 60_000);

  it('symlinks leaving the KB are findings, not reads; links inside it are followed', async () => {
    const { kbDir, indexDir, dir } = await workspace();
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.md'), '# Secret\n\nnot part of the KB\n');
    await symlink(path.join(outside, 'secret.md'), path.join(kbDir, 'leak.md'));
    await symlink(outside, path.join(kbDir, 'leak-dir'));
    // Inside the KB: a file link is followed; a folder already walked under its own name is walked once.
    await symlink(path.join(kbDir, 'dns/coredns.md'), path.join(kbDir, 'alias.md'));
    await symlink(path.join(kbDir, 'dns'), path.join(kbDir, 'dns-again'));
    await symlink(path.join(kbDir, 'missing.md'), path.join(kbDir, 'dangling.md'));
    const { report } = await updateIndex({ kbDir, indexDir, embedder: null });
    expect(findingsOf(report, 'leak.md')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'symlink-outside-kb' }),
    ]);
    expect(findingsOf(report, 'leak-dir')).toEqual([
      expect.objectContaining({ severity: 'error', code: 'symlink-outside-kb' }),
    ]);
    expect(findingsOf(report, 'dangling.md')).toEqual([
      expect.objectContaining({ code: 'symlink-dangling' }),
    ]);
    const index = await readIndex(indexDir);
    expect(index.docs.map((doc) => doc.path)).toEqual(['alias.md', ...GOOD_DOCS]);
    expect(JSON.stringify(index.docs)).not.toContain('not part of the KB');
  });

  it('thousands of tiny files ingest under a small open-file limit (bounded open files)', async () => {
    const { kbDir, indexDir } = await workspace();
    const many = path.join(kbDir, 'many');
    await mkdir(many);
    // 5,000 files under a 256-descriptor limit: opening them all at once (as before) fails with EMFILE.
    const count = 5_000;
    for (let batch = 0; batch < count; batch += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          writeFile(path.join(many, `f${batch + i}.md`), `# note ${batch + i}\n\ntiny\n`),
        ),
      );
    }
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'sh',
        [
          '-c',
          'ulimit -n 256 && exec "$0" --import tsx src/cli/main.ts ingest --kb "$1" --index "$2" --json',
          process.execPath,
          kbDir,
          indexDir,
        ],
        { cwd: REPO, env: { ...process.env, NETKB_VECTORS: 'off' }, maxBuffer: 256 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as IngestReport;
    expect(report.docs).toBe(count + GOOD_DOCS.length);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  }, 600_000);
});

describe('damaged index records', () => {
  /** Rewrites one record of the live generation's docs.jsonl. */
  async function damageRecord(
    indexDir: string,
    docPath: string,
    damage: (doc: Record<string, unknown>) => void,
  ) {
    const file = path.join(indexDir, (await currentGeneration(indexDir)) ?? '', 'docs.jsonl');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const updated = lines.map((line) => {
      const doc = JSON.parse(line) as Record<string, unknown>;
      if (doc.path !== docPath) return line;
      damage(doc);
      return JSON.stringify(doc);
    });
    await writeFile(file, `${updated.join('\n')}\n`);
  }

  const DAMAGE: Record<string, (doc: Record<string, unknown>) => void> = {
    'a chunk null': (doc) => {
      (doc.chunks as unknown[])[0] = null;
    },
    'commands a string': (doc) => {
      doc.commands = 'kubectl get pods';
    },
    'triggers a number': (doc) => {
      doc.triggers = 42;
    },
  };

  it.each(Object.keys(DAMAGE))(
    '%s: INDEX_CORRUPT on load, the older generation is served, the next ingest re-parses that doc only',
    async (name) => {
      const { kbDir, indexDir } = await workspace();
      await updateIndex({ kbDir, indexDir, embedder: null });
      const older = await currentGeneration(indexDir);
      await appendFile(path.join(kbDir, 'service/clusterip.md'), '\nOne more line.\n');
      await updateIndex({ kbDir, indexDir, embedder: null });
      const live = await currentGeneration(indexDir);
      await damageRecord(indexDir, 'dns/coredns.md', DAMAGE[name] ?? (() => {}));

      const error = await readIndex(indexDir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NetkbError);
      expect((error as NetkbError).code).toBe('INDEX_CORRUPT');
      expect((error as Error).message).toMatch(/dns\/coredns\.md/);

      // serve and ask open the index with fallback: the previous complete generation answers meanwhile.
      const fallbacks: Array<{ generation: string; from: string | null }> = [];
      const searcher = await openSearcher(indexDir, {
        embedder: null,
        onFallback: (info) => fallbacks.push(info),
      });
      expect(fallbacks).toEqual([expect.objectContaining({ generation: older, from: live })]);
      expect((await searcher.search('coredns 解析超时')).hits[0]?.doc.path).toBe('dns/coredns.md');

      // The next ingest heals: only the damaged record is re-parsed from its source file.
      const healed = await updateIndex({ kbDir, indexDir, embedder: null });
      expect(healed.parsed).toEqual(['dns/coredns.md']);
      expect(healed.written).toBe(true);
      await expectGoodDocsSearchable(indexDir);
      expect((await readIndex(indexDir)).generation).not.toBe(live);
    },
  );

  it('inspect on a damaged index prints one INDEX_CORRUPT line, no stack trace', async () => {
    const { kbDir, indexDir } = await workspace();
    await updateIndex({ kbDir, indexDir, embedder: null });
    await damageRecord(indexDir, 'dns/coredns.md', (doc) => {
      doc.commands = 'oops';
    });
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'inspect', '--index', indexDir],
        { cwd: REPO },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    // An unreadable index is the user's input to `inspect`: exit 2, like a missing one.
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^netkb inspect: Index generation .* record 1 of docs\.jsonl \(dns\/coredns\.md\) is invalid$/,
    );
  });
});
