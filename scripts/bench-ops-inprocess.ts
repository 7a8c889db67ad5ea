/**
 * The second half of `npm run bench:ops`: the per-request cost of metrics + bearer auth + rate limiting, measured
 * inside one process so a busy machine affects both configurations alike: two apps (off / on) over the same
 * searcher, `inject()`ed alternately in batches (off/on, then on/off), CPU time per request from
 * process.cpuUsage(); the overhead is the median of the per-round on/off ratios, with their quartiles. Answer
 * cache on (as deployed) and off (every answer computed). No sockets: this isolates the hooks' cost from the HTTP
 * stack. BENCH_ROUNDS rounds (default 15) after two discarded warm-up rounds.
 */

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ingestKb } from '../src/index/ingest-kb.js';
import { openSearcher } from '../src/index/open-searcher.js';
import { buildApp } from '../src/server/app.js';
import { serverSettingsFromEnv } from '../src/server/settings.js';
import { ratioPercent, spreadOf } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const TOKEN = 'bench-token-0123456789';

const questions = (
  parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{ question: string }>
).map((q) => JSON.stringify({ message: q.question }));
const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-ops-inproc-'));
try {
  const indexDir = path.join(tmp, 'index');
  await ingestKb({ kbDir: path.join(ROOT, 'kb'), indexDir, embedder: null, vectorsDisabledReason: 'bench' });
  const searcher = await openSearcher(indexDir, { embedder: null, vectorsDisabledReason: 'bench' });
  const lines: string[] = [];
  for (const cache of [true, false]) {
    const off = await buildApp({
      searcher: () => searcher,
      cache,
      settings: serverSettingsFromEnv({ NETKB_METRICS: 'off' }),
    });
    const on = await buildApp({
      searcher: () => searcher,
      cache,
      settings: serverSettingsFromEnv({
        NETKB_METRICS: 'on',
        NETKB_API_TOKENS: `other,${TOKEN}`,
        NETKB_RATE_LIMIT: '100000000/minute',
      }),
    });
    const configs = [
      { name: 'off', app: off, headers: { 'content-type': 'application/json' } },
      {
        name: 'on',
        app: on,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      },
    ] as const;
    const cpu: Record<string, number[]> = { off: [], on: [] };
    let turn = 0;
    for (let round = -2; round < ROUNDS; round++) {
      for (const config of round % 2 === 0 ? configs : [...configs].reverse()) {
        // Both configurations answer the same questions in a round.
        turn = (round + 2) * BATCH;
        const start = process.cpuUsage();
        for (let i = 0; i < BATCH; i++) {
          const response = await config.app.inject({
            method: 'POST',
            url: '/v1/chat',
            headers: config.headers,
            payload: questions[turn++ % questions.length],
          });
          if (response.statusCode !== 200) throw new Error(`${config.name}: ${response.statusCode}`);
        }
        const used = process.cpuUsage(start);
        if (round >= 0) cpu[config.name]?.push((used.user + used.system) / BATCH);
      }
    }
    const offUs = spreadOf(cpu.off ?? []).median;
    const onUs = spreadOf(cpu.on ?? []).median;
    const ratio = spreadOf((cpu.on ?? []).map((on, i) => on / (cpu.off?.[i] ?? Number.NaN)));
    lines.push(
      `answer cache ${cache ? 'on ' : 'off'}: CPU per request off ${offUs.toFixed(1)} µs, on ${onUs.toFixed(1)} µs; ` +
        `on vs off, median of per-round ratios ${ratioPercent(ratio.median)} (IQR ${ratioPercent(ratio.q1)}…${ratioPercent(ratio.q3)})`,
    );
    await off.close();
    await on.close();
  }
  process.stdout.write(
    `netkb ops overhead in-process (inject, ${ROUNDS} interleaved rounds of ${BATCH} requests, medians), node ${process.version}\n${lines.join('\n')}\n`,
  );
} finally {
  await rm(tmp, { recursive: true, force: true });
}
