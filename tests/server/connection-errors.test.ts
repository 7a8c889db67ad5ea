/**
 * Connection-level errors over raw sockets (node:net): every answer the socket can still carry is our
 * `{error: {code, message}}` body with a stable code; Host checks against DNS rebinding; /readyz without paths.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../src/retrieve/types.js';
import { allowedHosts, hostAllowed, hostName } from '../../src/server/allowed-hosts.js';
import { buildApp } from '../../src/server/app.js';
import { redactPaths } from '../../src/server/redact.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

let fixture: FixtureIndex;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = await buildApp({
    searcher: () => fixture.searcher,
    allowedHosts: allowedHosts(undefined, '127.0.0.1'),
  });
  ({ port } = await listenLocal(app));
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads until the server closes the connection. */
function raw(data: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

function expectError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

const CLOSE = 'Connection: close\r\n';

describe('connection-level errors', () => {
  it('400 BAD_URL for a URL that does not percent-decode', async () => {
    expectError(await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n${CLOSE}\r\n`), 400, 'BAD_URL');
  });

  it('400 BAD_CHUNKED_ENCODING for a malformed chunked body', async () => {
    const request =
      `POST /v1/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Transfer-Encoding: chunked\r\n${CLOSE}\r\nZZ\r\n{"message":"x"}\r\n0\r\n\r\n`;
    expectError(await raw(request), 400, 'BAD_CHUNKED_ENCODING');
  });

  it('431 HEADERS_TOO_LARGE for oversized headers', async () => {
    const request = `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n${CLOSE}\r\n`;
    expectError(await raw(request), 431, 'HEADERS_TOO_LARGE');
  });

  it('400 MISSING_HOST for an HTTP/1.1 request without Host; HTTP/1.0 needs none', async () => {
    expectError(await raw(`GET /healthz HTTP/1.1\r\n${CLOSE}\r\n`), 400, 'MISSING_HOST');
    const old = await raw('GET /healthz HTTP/1.0\r\n\r\n');
    expect(old.status).toBe(200);
  });

  it('400 BAD_HTTP for a request line that is not HTTP', async () => {
    expectError(await raw('HELLO WORLD\r\n\r\n'), 400, 'BAD_HTTP');
    expectError(await raw(`GET /healthz HTTP/9.9\r\nHost: localhost\r\n\r\n`), 400, 'BAD_HTTP');
  });
});

describe('allowed hosts', () => {
  it('a loopback server answers localhost names and its address, 421 HOST_NOT_ALLOWED for others', async () => {
    const chat = (host: string) =>
      raw(
        `POST /v1/chat HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 21\r\n` +
          `${CLOSE}\r\n{"message":"geneve"}\n`,
      );
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, '[::1]:8080', 'LOCALHOST.'])
      expect((await chat(host)).status, host).toBe(200);
    expectError(await chat('evil.example'), 421, 'HOST_NOT_ALLOWED');
    expectError(await chat(`evil.example:${port}`), 421, 'HOST_NOT_ALLOWED');
    // Probes skip the list (kubelet sends the pod IP).
    expect((await raw(`GET /healthz HTTP/1.1\r\nHost: 10.0.0.7:8080\r\n${CLOSE}\r\n`)).status).toBe(200);
  });

  it('NETKB_ALLOWED_HOSTS lists names, wildcards and *; other listen addresses allow any Host', () => {
    expect(allowedHosts(undefined, '0.0.0.0')).toBeNull();
    expect(allowedHosts('', '10.1.2.3')).toBeNull();
    expect(allowedHosts(undefined, '::1')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    const list = allowedHosts('netkb.corp.example, *.svc.cluster.local', '0.0.0.0');
    expect(hostAllowed(list, 'netkb.corp.example:443')).toBe(true);
    expect(hostAllowed(list, 'netkb.ops.svc.cluster.local')).toBe(true);
    expect(hostAllowed(list, 'svc.cluster.local.evil.example')).toBe(false);
    expect(hostAllowed(list, undefined)).toBe(false);
    expect(allowedHosts('a.example,*', '127.0.0.1')).toBeNull();
    expect(() => allowedHosts('bad host/x', '127.0.0.1')).toThrow(/NETKB_ALLOWED_HOSTS/);
    expect(hostName('[::1]:8080')).toBe('[::1]');
  });
});

describe('/readyz', () => {
  it('shows no filesystem paths', async () => {
    const reason =
      "model Xenova/bge-small-zh-v1.5 not found in /srv/netkb/models (tried '/srv/netkb/models/x/config.json')";
    const searcher = {
      ...fixture.searcher,
      docs: fixture.searcher.docs,
      chunkCount: 1,
      vectors: { enabled: false, reason },
    };
    const probe = await buildApp({ searcher: () => searcher as unknown as Searcher });
    const ready = (await probe.inject({ method: 'GET', url: '/readyz' })).json() as { vectors: string };
    await probe.close();
    expect(ready.vectors).toBe(
      "disabled: model Xenova/bge-small-zh-v1.5 not found in <path> (tried '<path>')",
    );
    expect(redactPaths('dir ./models, ../x and C:\\models\\y; ~/cache')).toBe(
      'dir <path>, <path> and <path>; <path>',
    );
  });
});
