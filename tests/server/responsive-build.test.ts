/**
 * Probes keep being answered while `serve` builds and reloads a KB big enough to take seconds: the kube-ovn docs
 * corpus (read-only, ../shared/corpora), or a generated KB when the corpus is absent. A separate process polls
 * /healthz and /readyz one after the other; /readyz says which phase each answer came from (503 NOT_READY during
 * the first build, `reloading: true` during the reload), so the test proves by the server's own answers, not by a
 * clock, that probes were answered while each build was still running. How fast they are answered (p50/p99/max,
 * against the old main-thread build with `--legacy`) is measured by `npm run bench:reload`; that the build runs in
 * a worker thread is tested in index-build.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { IndexManager } from '../../src/server/index-manager.js';
import { listenLocal } from '../helpers/listen.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(
  process.env.NETKB_CORPORA ?? path.join(ROOT, '../shared/corpora'),
  'kube-ovn-docs',
);
const EMBEDDING = {
  enabled: false,
  modelId: 'none',
  modelDir: undefined,
  cacheDir: undefined,
  allowRemote: false,
};
const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

/** Polls /healthz then /readyz until stdin ends; counts /healthz answers by the phase /readyz names right after. */
const PROBE = `
const base = process.argv[1]; const phases = { building: 0, reloading: 0, ready: 0, other: 0 }; let running = true;
(async () => { while (running) {
  try {
    const health = await fetch(base + '/healthz'); await health.text();
    const ready = await fetch(base + '/readyz'); const body = await ready.json();
    const phase = ready.status === 503 && body.error && body.error.code === 'NOT_READY' ? 'building'
      : ready.status === 200 && body.reloading === true ? 'reloading' : ready.status === 200 ? 'ready' : 'other';
    if (health.status === 200) phases[phase]++;
  } catch {}
  await new Promise((r) => setTimeout(r, 10)); }
  process.stdout.write(JSON.stringify(phases));
})();
process.stdin.resume(); process.stdin.on('end', () => { running = false; });
`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-responsive-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** 300 runbook-like docs when the corpus is not there. */
async function generatedKb(): Promise<string> {
  const kbDir = path.join(tmp, 'generated-kb');
  await mkdir(kbDir, { recursive: true });
  const words = [
    'ovn',
    'geneve',
    '隧道',
    '丢包',
    'mtu',
    'conntrack',
    'iptables',
    '节点',
    'pod',
    'service',
    'dns',
  ];
  for (let i = 0; i < 300; i++) {
    const sections = Array.from({ length: 8 }, (_, s) => {
      const text = Array.from(
        { length: 120 },
        (_, w) => `${words[(i * 7 + s * 3 + w) % words.length]}${w % 9}`,
      );
      return `## 第 ${s} 节 ${words[s % words.length]}\n\n${text.join(' ')}\n\n\`\`\`bash\nkubectl get pod -n ns${i}\n\`\`\`\n`;
    });
    await writeFile(
      path.join(kbDir, `doc-${i}.md`),
      `---\ntriggers: [故障 ${i}]\n---\n# 文档 ${i}\n\n${sections.join('\n')}`,
    );
  }
  return kbDir;
}

interface Phases {
  building: number;
  reloading: number;
  ready: number;
  other: number;
}

function probe(base: string): { stop: () => Promise<Phases> } {
  const child = spawn(process.execPath, ['-e', PROBE, base], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (data: Buffer) => {
    out += data.toString();
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(JSON.parse(out)));
        child.stdin.end();
      }),
  };
}

/** Answers wanted from each phase: a server that stops answering probes while it builds gives none or a few. */
const ANSWERS_PER_PHASE = 10;

it('/healthz keeps answering while serve builds and reloads a large KB', { timeout: 300_000 }, async () => {
  const kbDir = existsSync(CORPUS) ? CORPUS : await generatedKb();
  const indexDir = path.join(tmp, 'index');
  const manager = new IndexManager({ kbDir, indexDir, embedding: EMBEDDING, log: QUIET });
  const app = await buildApp({ searcher: () => manager.searcher(), indexStatus: () => manager.status() });
  const { base } = await listenLocal(app);
  try {
    // The probe starts once the first build has begun, so its NOT_READY answers all came during that build.
    const starting = manager.start();
    const prober = probe(base);
    await starting;
    expect(manager.status().serial).toBe(1);
    await manager.reload('manual');
    const phases = await prober.stop();
    expect(manager.status().serial).toBe(2);
    expect(phases.other).toBe(0);
    expect(phases.building, JSON.stringify(phases)).toBeGreaterThanOrEqual(ANSWERS_PER_PHASE);
    expect(phases.reloading, JSON.stringify(phases)).toBeGreaterThanOrEqual(ANSWERS_PER_PHASE);
  } finally {
    await manager.close();
    await app.close();
  }
});
