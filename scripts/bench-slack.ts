/**
 * `npm run bench:slack`: Slack latency against the real `netkb serve` process on loopback, configured as a Slack
 * app (HTTP mode) pointed at the local Slack emulator (tests/helpers/slack-emulator.ts, a real HTTP server).
 *
 * Measured, over every eval question (tests/eval/questions.yaml), sequentially (one request at a time, like a
 * person typing): (1) signed slash command → its HTTP response (the Block Kit answer), p50/p99/max, first pass
 * (answers computed) and second pass (first-turn answer cache warm); (2) signed app_mention event → its 200 ack,
 * and → the `chat.postMessage` that answers it arriving at the emulator. Slack's budget is 3000 ms for both
 * acks; (3) the same events as Socket Mode envelopes over the emulator's WebSocket (`netkb serve` with an app
 * token) → ack and → chat.postMessage. The events run on restarted servers (cold answer cache). The server is netkb compiled with tsc (like
 * bench:chat), vectors off, log level warn.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { computeSlackSignature } from '../src/integrations/slack/signature.js';
import { SlackEmulator } from '../tests/helpers/slack-emulator.js';
import { freePort } from './bench-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = path.join(ROOT, '.netkb', 'bench-dist');
const SECRET = 'bench-signing-secret';

await bench();

async function bench(): Promise<void> {
  const questions = (
    parse(readFileSync(path.join(ROOT, 'tests/eval/questions.yaml'), 'utf8')) as Array<{ question: string }>
  )
    .map((entry) => entry.question)
    .filter((q) => typeof q === 'string');
  const slack = await SlackEmulator.start();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netkb-bench-slack-'));
  const { argv, how } = netkbCommand();
  let server = await startServer(argv, path.join(ROOT, 'kb'), path.join(tmp, 'index'), slack.apiUrl);
  try {
    console.log(`netkb serve (${how}) on ${server.url}, Slack emulator on ${slack.origin}`);
    console.log(
      `${questions.length} eval questions; ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('NOTE: measured under CPU contention from other processes on this machine.\n');

    for (const pass of ['first pass (answers computed)', 'second pass (answer cache warm)']) {
      const times: number[] = [];
      let over = 0;
      for (const question of questions) {
        const body = new URLSearchParams({
          team_id: 'T1',
          channel_id: 'C1',
          user_id: 'U1',
          command: '/netkb',
          text: question,
          response_url: slack.responseUrl(),
        }).toString();
        const started = performance.now();
        const response = await signedPost(
          server.url,
          '/slack/commands',
          body,
          'application/x-www-form-urlencoded',
        );
        const json = (await response.json()) as { blocks?: unknown[] };
        const ms = performance.now() - started;
        if (response.status !== 200 || !Array.isArray(json.blocks))
          throw new Error(`slash command failed: ${response.status}`);
        times.push(ms);
        if (ms > 3000) over += 1;
      }
      report(`slash command → response, ${pass}`, times, over);
    }

    // A fresh server (same index), so the events are answered with a cold answer cache too.
    await server.stop();
    server = await startServer(argv, path.join(ROOT, 'kb'), path.join(tmp, 'index'), slack.apiUrl);
    const acks: number[] = [];
    const posts: number[] = [];
    let counter = 0;
    for (const question of questions) {
      counter += 1;
      const ts = `1700000000.${String(counter).padStart(6, '0')}`;
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id: `EvBench${counter}`,
        event: {
          type: 'app_mention',
          user: 'U1',
          text: `<@UBOT0001> ${question}`,
          ts,
          channel: 'C1',
          event_ts: ts,
        },
      });
      const before = slack.callsOf('chat.postMessage').length;
      const started = Date.now();
      const startedPrecise = performance.now();
      const response = await signedPost(server.url, '/slack/events', body, 'application/json');
      await response.arrayBuffer();
      acks.push(performance.now() - startedPrecise);
      if (response.status !== 200) throw new Error(`event failed: ${response.status}`);
      await slack.waitFor(() => slack.callsOf('chat.postMessage').length > before, 30_000);
      const posted = slack.callsOf('chat.postMessage')[before];
      if (posted?.args.thread_ts !== ts) throw new Error('answer posted outside the thread');
      posts.push((posted?.at ?? Date.now()) - started);
    }
    report('app_mention → 200 ack (fresh server, cold cache)', acks, acks.filter((ms) => ms > 3000).length);
    report('app_mention → chat.postMessage at the emulator (ms resolution)', posts, 0);

    // Socket Mode: the same events as envelopes over the emulator's WebSocket, on a fresh server.
    await server.stop();
    server = await startServer(argv, path.join(ROOT, 'kb'), path.join(tmp, 'index'), slack.apiUrl, 'socket');
    await slack.waitFor(() => slack.socketOpen, 60_000);
    const socketAcks: number[] = [];
    const socketPosts: number[] = [];
    for (const question of questions) {
      counter += 1;
      const ts = `1700000000.${String(counter).padStart(6, '0')}`;
      const payload = {
        type: 'event_callback',
        team_id: 'T1',
        event_id: `EvBench${counter}`,
        event: {
          type: 'app_mention',
          user: 'U1',
          text: `<@UBOT0001> ${question}`,
          ts,
          channel: 'C1',
          event_ts: ts,
        },
      };
      const before = slack.callsOf('chat.postMessage').length;
      const started = Date.now();
      const startedPrecise = performance.now();
      await slack.sendEnvelope('events_api', payload);
      socketAcks.push(performance.now() - startedPrecise);
      await slack.waitFor(() => slack.callsOf('chat.postMessage').length > before, 30_000);
      const posted = slack.callsOf('chat.postMessage')[before];
      if (posted?.args.thread_ts !== ts) throw new Error('answer posted outside the thread');
      socketPosts.push((posted?.at ?? Date.now()) - started);
    }
    report('Socket Mode app_mention envelope → ack (fresh server, cold cache)', socketAcks, 0);
    report('Socket Mode app_mention envelope → chat.postMessage (ms resolution)', socketPosts, 0);
  } finally {
    await server.stop();
    await slack.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

function report(label: string, times: number[], overBudget: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  console.log(
    `${label}: n=${sorted.length} p50 ${at(50).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms` +
      (overBudget > 0 ? `, ${overBudget} over 3000 ms` : ''),
  );
}

async function signedPost(base: string, route: string, body: string, type: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${base}${route}`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': computeSlackSignature(SECRET, timestamp, body),
    },
    body,
  });
}

function netkbCommand(): { argv: string[]; how: string } {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD_DIR],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    return { argv: [path.join(BUILD_DIR, 'cli/main.js')], how: 'compiled (tsc)' };
  } catch {
    process.stderr.write('bench: build failed; running the server through tsx instead\n');
    return { argv: ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')], how: 'tsx (build failed)' };
  }
}

async function startServer(
  command: string[],
  kb: string,
  indexDir: string,
  apiUrl: string,
  mode: 'http' | 'socket' = 'http',
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...command,
      'serve',
      '--kb',
      kb,
      '--index',
      indexDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NETKB_VECTORS: 'off',
        NETKB_SLACK_BOT_TOKEN: 'xoxb-bench',
        NETKB_SLACK_API_URL: apiUrl,
        ...(mode === 'http'
          ? { NETKB_SLACK_SIGNING_SECRET: SECRET }
          : { NETKB_SLACK_APP_TOKEN: 'xapp-bench' }),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`)
      .then(async (response) => (response.ok ? ((await response.json()) as { slack?: string }) : null))
      .catch(() => null);
    if (ready) {
      if (ready.slack !== mode) throw new Error(`readyz says slack: ${ready.slack}`);
      return {
        url,
        child,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('netkb serve did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
