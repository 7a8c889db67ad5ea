/**
 * `npm run bench:web`: the chat page's figures in a real browser (Debian's Chromium via playwright-core).
 *
 * Builds with the project's tsc (`npm run build`, as `npm start` does), starts `node dist/cli/main.js serve` on a
 * free loopback port (vectors disabled, temporary index and query log), then measures:
 * - first paint: `first-contentful-paint` of `/` in a fresh browser context (empty cache), p50 of 20 loads;
 * - time to answer: from pressing Enter to the answer card in the page (the page's own clock), p50 and p95 of
 *   20 eval questions asked in one page (each a first turn: "New conversation" between them);
 * - page weight: bytes of the HTML, JS, CSS and icon the chat page loads, excluding the lazily loaded mermaid
 *   renderer (reported separately).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchBrowser } from '../tests/web/browser-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 20;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Waits for the paint entry (it may be recorded after `load`), instead of reading it too early. */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server not ready in 120 s');
}

execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-web-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [
    'dist/cli/main.js',
    'serve',
    '--kb',
    'kb',
    '--index',
    path.join(tmp, 'index'),
    '--port',
    String(port),
    '--log-level',
    'warn',
  ],
  {
    cwd: ROOT,
    env: { ...process.env, NETKB_VECTORS: 'off', NETKB_DB: path.join(tmp, 'netkb.db') },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const browser = await launchBrowser();
try {
  await waitReady(base, server);

  // Page weight: what the chat page loads (the mermaid renderer only loads with a mermaid diagram).
  const weightPage = await browser.context.newPage();
  const loaded: Array<{ url: string; bytes: number }> = [];
  weightPage.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    loaded.push({ url: new URL(response.url()).pathname, bytes: body.length });
  });
  await weightPage.goto(`${base}/`, { waitUntil: 'networkidle' });
  await weightPage.close();
  const weight = loaded.reduce((sum, item) => sum + item.bytes, 0);
  const mermaidBytes = Number(
    (await fetch(`${base}/static/vendor/mermaid.min.js`, { method: 'HEAD' })).headers.get('content-length'),
  );

  // First paint, fresh context each time (no cache).
  const paints: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.context.browser()?.newContext();
    const page = context ? await context.newPage() : await browser.context.newPage();
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const fcp = await firstContentfulPaint(page);
    paints.push(fcp);
    await page.close();
    await context?.close();
  }

  // The browser's own floor on this machine now: a one-line page, no server, same fresh-context procedure.
  const floor: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.context.browser()?.newContext();
    const page = context ? await context.newPage() : await browser.context.newPage();
    await page.goto('data:text/html,<p>netkb</p>', { waitUntil: 'load' });
    floor.push(await firstContentfulPaint(page));
    // A second load of the chat page in the same context: assets revalidated by ETag, as a returning user.
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.goto(`${base}/`, { waitUntil: 'load' });
    warm.push(await firstContentfulPaint(page));
    await page.close();
    await context?.close();
  }

  // Time to answer, in the page.
  const questions = (
    parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{
      question: string;
    }>
  )
    .map((q) => q.question)
    .slice(0, RUNS);
  const page = await browser.context.newPage();
  await page.goto(`${base}/`);
  const answers: number[] = [];
  const wall: number[] = [];
  for (const question of questions) {
    await page.click('#new-chat');
    await page.fill('#question', question);
    const started = performance.now();
    await page.press('#question', 'Enter');
    const card = page.locator('article.answer').first();
    await card.waitFor();
    wall.push(performance.now() - started);
    answers.push(Number(await card.getAttribute('data-render-ms')));
  }
  await page.close();

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    [
      `web bench (${os.cpus().length} CPUs; figures under whatever load the machine has)`,
      `page weight (HTML+JS+CSS+icon, uncompressed): ${weight} bytes = ${(weight / 1024).toFixed(1)} KiB`,
      ...loaded.map((item) => `  ${item.url}: ${item.bytes} bytes`),
      `mermaid renderer (lazy, excluded): ${mermaidBytes} bytes`,
      `first contentful paint, ${RUNS} fresh loads: p50 ${ms(percentile(paints, 50))}, p95 ${ms(percentile(paints, 95))}`,
      `  returning user (same context, cached assets): p50 ${ms(percentile(warm, 50))}; browser floor (one-line data: page): p50 ${ms(percentile(floor, 50))}`,
      `time to answer in the page (Enter → card rendered), ${questions.length} questions: p50 ${ms(percentile(answers, 50))}, p95 ${ms(percentile(answers, 95))}`,
      `  same, measured from the test driver: p50 ${ms(percentile(wall, 50))}, p95 ${ms(percentile(wall, 95))}`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(tmp, { recursive: true, force: true });
}
