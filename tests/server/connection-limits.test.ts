/**
 * Slow and abusive clients against a real listening server, with real sockets (node:net): a body or headers sent
 * byte by byte is cut off with 408 in our error shape, idle connections are closed, and one client address
 * cannot hold every connection (probes from another address still answer).
 */

import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServerLimits } from '../../src/server/settings.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

const LIMITS: ServerLimits = {
  requestTimeoutMs: 1500,
  headersTimeoutMs: 1000,
  keepAliveTimeoutMs: 800,
  maxConnections: 40,
  maxConnectionsPerIp: 10,
};

let fixture: FixtureIndex;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = await buildApp({ searcher: () => fixture.searcher, settings: { limits: LIMITS } });
  ({ port } = await listenLocal(app));
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

interface Outcome {
  /** Everything the server wrote before closing. */
  received: string;
  /** Milliseconds from connect to close. */
  closedAfterMs: number;
}

/** Opens a socket from `from` (a loopback address), runs `drive`, and resolves when the server closes it. */
function session(
  drive: (socket: Socket) => void,
  from = '127.0.0.1',
): { socket: Socket; done: Promise<Outcome> } {
  const started = performance.now();
  const socket = connect({ host: '127.0.0.1', port, localAddress: from });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {});
  socket.once('connect', () => drive(socket));
  const done = new Promise<Outcome>((resolve) => {
    socket.once('close', () => resolve({ received, closedAfterMs: performance.now() - started }));
  });
  return { socket, done };
}

/** Writes one byte every `everyMs` until the socket closes. */
function dribble(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(timer);
    socket.write(text[i % text.length] ?? 'x');
    i++;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

function expectTimeoutAnswer(outcome: Outcome): void {
  expect(outcome.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  const body = outcome.received.split('\r\n\r\n')[1] ?? '';
  expect(JSON.parse(body)).toEqual({
    error: { code: 'REQUEST_TIMEOUT', message: 'The request was not received in time' },
  });
}

describe('server limits with real slow sockets', () => {
  it('cuts off a body sent byte by byte within the request timeout (408, our error shape)', async () => {
    const { done } = session((socket) => {
      socket.write(
        'POST /v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"message":"',
      );
      dribble(socket, 'a', 100);
    });
    const outcome = await done;
    expectTimeoutAnswer(outcome);
    // requestTimeout 1.5 s, checked every second: closed well within 3.5 s (the issue saw > 330 s).
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 100);
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.requestTimeoutMs + 3000);
  });

  it('cuts off headers sent byte by byte within the headers timeout', async () => {
    const { done } = session((socket) => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      dribble(socket, 'X-Slow: y\r\n', 100);
    });
    const outcome = await done;
    expectTimeoutAnswer(outcome);
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 3000);
  });

  it('closes a connection that never sends anything', async () => {
    const outcome = await session(() => {}).done;
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 3000);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { done } = session((socket) => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    });
    const outcome = await done;
    expect(outcome.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(outcome.closedAfterMs).toBeLessThan(LIMITS.keepAliveTimeoutMs + 3000);
  });

  it('one address cannot hold every connection: its extra ones are closed, probes from elsewhere answer', async () => {
    const hogs = Array.from({ length: LIMITS.maxConnectionsPerIp }, () =>
      session((socket) => {
        socket.write(
          'POST /v1/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
        );
        dribble(socket, 'a', 200);
      }, '127.0.0.2'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = await session(() => {}, '127.0.0.2').done;
    expect(extra.received).toBe('');
    expect(extra.closedAfterMs).toBeLessThan(1500);

    const started = performance.now();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1500);

    for (const hog of hogs) expectTimeoutAnswer(await hog.done);
  });

  it('refuses connections over the process cap', async () => {
    const addresses = ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
    const held = addresses.flatMap((from) =>
      Array.from({ length: LIMITS.maxConnectionsPerIp }, () => {
        const s = session((socket) => socket.write('GET /healthz HTTP/1.1\r\n'), from);
        return s;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(held).toHaveLength(LIMITS.maxConnections);
    const refused = await session(() => {}, '127.0.0.7').done;
    expect(refused.received).toBe('');
    expect(refused.closedAfterMs).toBeLessThan(1500);
    for (const s of held) s.socket.destroy();
    await Promise.all(held.map((s) => s.done));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
