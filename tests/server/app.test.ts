import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetkbError } from '../../src/core/errors.js';
import type { Searcher } from '../../src/retrieve/types.js';
import { buildApp } from '../../src/server/app.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { CHAT_BODY_KEYS, CITATION_KEYS } from '../helpers/chat-contract.js';
import { LONG_LINES } from '../helpers/long-lines.js';

let fixture: FixtureIndex;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = await buildApp({ searcher: () => fixture.searcher });
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

const JSON_TYPE = { 'content-type': 'application/json' };

function chat(
  payload: unknown,
  headers: Record<string, string> = JSON_TYPE,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/chat',
    headers,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; message: string } {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json() as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  return body.error;
}

function expectChatBody(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(Object.keys(body)).toEqual(CHAT_BODY_KEYS);
  expect(typeof body.answer).toBe('string');
  expect(Object.keys(body.retrievers).sort()).toEqual(['lexical', 'trigger', 'vector']);
  return body;
}

describe('POST /v1/chat', () => {
  it('answers with cited sections and filled, safety-labelled commands', async () => {
    const body = expectChatBody(
      await chat({ message: 'pod prod/api-0 跨节点 ping 10.16.1.3 不通，geneve 隧道不通' }),
    );
    expect(body.abstained).toBe(false);
    expect(body.confidence).toBeGreaterThan(0.4);
    expect(body.citations[0]).toMatchObject({
      path: 'kube-ovn/geneve.md',
      title: 'Kube-OVN 跨节点 Pod 通信：Geneve 隧道',
    });
    for (const citation of body.citations) {
      expect(citation.lines[0]).toBeLessThanOrEqual(citation.lines[1]);
      expect(citation.via.length).toBeGreaterThan(0);
    }
    expect(body.commands.length).toBeGreaterThan(0);
    expect(body.commands.every((c: { source: { path: string } }) => typeof c.source.path === 'string')).toBe(
      true,
    );
    expect(body.retrievers.vector.status).toBe('disabled');
  });

  it('abstains on out-of-scope questions, with no commands', async () => {
    const body = expectChatBody(await chat({ message: 'etcd 证书过期了怎么续期' }));
    expect(body.abstained).toBe(true);
    expect(body.commands).toEqual([]);
    // Declined by its subject: no runbook is about a certificate a client refuses.
    expect(body.answer).toContain('不在覆盖范围内');
    expect(body.answer).toContain('certificate');
  });

  it('honours top_k and category', async () => {
    const one = expectChatBody(await chat({ message: 'geneve 隧道不通', top_k: 1 }));
    expect(new Set(one.citations.map((c: { path: string }) => c.path))).toEqual(
      new Set(['kube-ovn/geneve.md']),
    );
    const dns = expectChatBody(await chat({ message: 'geneve 隧道不通 coredns 解析失败', category: 'dns' }));
    expect(dns.citations.every((c: { path: string }) => c.path === 'dns/coredns.md')).toBe(true);
    const none = expectChatBody(await chat({ message: 'geneve 隧道不通', category: 'no_such_category' }));
    expect(none.abstained).toBe(true);
    expect(none.citations).toEqual([]);
  });

  it('keeps follow-ups on topic through conversation_id', async () => {
    const first = expectChatBody(await chat({ message: 'geneve 隧道不通' }));
    const followUp = expectChatBody(
      await chat({ message: '那怎么抓包?', conversation_id: first.conversation_id }),
    );
    expect(followUp.conversation_id).toBe(first.conversation_id);
    expect(followUp.citations[0].path).toBe('kube-ovn/geneve.md');
    const fresh = expectChatBody(await chat({ message: '那怎么抓包?' }));
    expect(fresh.citations[0].path).toBe('diagnostics/tcpdump.md');
    expect(fresh.conversation_id).not.toBe(first.conversation_id);
  });

  it('accepts exactly 2000 characters and rejects 2001 (code points, not UTF-16 units)', async () => {
    expectChatBody(await chat({ message: 'a'.repeat(2000) }));
    expectChatBody(await chat({ message: '网'.repeat(2000) }));
    expectChatBody(await chat({ message: '😀'.repeat(2000) }));
    for (const message of ['a'.repeat(2001), '网'.repeat(2001), '😀'.repeat(2001)]) {
      const error = expectError(await chat({ message }), 400, 'BAD_REQUEST');
      expect(error.message).toContain('2000');
    }
  });

  it('survives unicode junk', async () => {
    const junk = [
      '\u0000\u0001\u001f\u007f',
      '\u200b\u200c\u200d\ufeff pod \u202e10.16.0.2\u202c 不通',
      'e\u0301\u0302\u0303'.repeat(200),
      '１０．１６．０．２:６４４３ 访问超时（全角）',
      '𝕜𝕦𝕓𝕖-𝕠𝕧𝕟 🤯🔥 ping 不通 ✅',
      '\ud800 lone surrogate \udfff',
      'مرحبا pod שלום node 안녕하세요 node-03',
      '<script>alert(1)</script> `rm -rf /` $(reboot) | && ;',
      '{"message": "nested"}',
    ];
    for (const message of junk) {
      const body = expectChatBody(await chat({ message }));
      for (const command of body.commands) expect(command.command).not.toMatch(/\$\(reboot\)|rm -rf/);
    }
  });

  // A pathological (e.g. exponential) slowdown shows as a hang, caught by the test timeout; how long each line takes
  // is measured by `npm run bench:budget` ("very long lines"), not bounded here.
  it('answers very long lines', async () => {
    for (const message of LONG_LINES) expectChatBody(await chat({ message }));
  });

  it('answers 50 concurrent requests, each like its sequential twin', async () => {
    const questions = [
      'geneve 隧道不通',
      'coredns 解析失败 nslookup 超时',
      'service 访问不了，endpoints 为空',
      '怎么抓包',
      'etcd 证书过期',
    ];
    const strip = (body: Record<string, unknown>) => {
      const { id: _id, conversation_id: _cid, took_ms: _took, retrievers: _retrievers, ...rest } = body;
      return rest;
    };
    const sequential = new Map<string, unknown>();
    for (const message of questions) sequential.set(message, strip(expectChatBody(await chat({ message }))));
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => questions[i % questions.length] ?? '').map((message) =>
        chat({ message }).then((response) => ({ message, response })),
      ),
    );
    const ids = new Set<string>();
    for (const { message, response } of responses) {
      const body = expectChatBody(response);
      ids.add(body.id);
      expect(strip(body)).toEqual(sequential.get(message));
    }
    expect(ids.size).toBe(50);
  });
});

describe('answer cache', () => {
  const strip = (body: Record<string, unknown>) => {
    const { id: _id, conversation_id: _cid, took_ms: _took, ...rest } = body;
    return rest;
  };

  it('serves a repeated first-turn question from cache with the same body as computing it', async () => {
    const uncachedApp = await buildApp({ searcher: () => fixture.searcher, cache: false });
    try {
      for (const message of [
        'kube-ovn geneve 隧道不通 pod prod/api-0',
        'geneve tunnel down',
        'etcd 证书过期',
      ]) {
        const first = await chat({ message });
        const second = await chat({ message });
        const computed = await uncachedApp.inject({
          method: 'POST',
          url: '/v1/chat',
          headers: JSON_TYPE,
          payload: JSON.stringify({ message }),
        });
        const a = expectChatBody(first);
        const b = expectChatBody(second);
        const c = expectChatBody(computed);
        expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(b.id).not.toBe(a.id);
        expect(b.conversation_id).not.toBe(a.conversation_id);
        expect(typeof b.took_ms).toBe('number');
        expect(strip(b)).toEqual(strip(a));
        const { retrievers: _r1, ...fromCache } = strip(b);
        const { retrievers: _r2, ...fromScratch } = strip(c);
        expect(fromCache).toEqual(fromScratch);
      }
    } finally {
      await uncachedApp.close();
    }
  });

  it('a cached first turn still starts a conversation that follow-ups continue', async () => {
    await chat({ message: 'geneve 隧道不通' });
    const cachedFirst = expectChatBody(await chat({ message: 'geneve 隧道不通' }));
    const followUp = expectChatBody(
      await chat({ message: '那怎么抓包?', conversation_id: cachedFirst.conversation_id }),
    );
    expect(followUp.citations[0].path).toBe('kube-ovn/geneve.md');
  });
});

describe('POST /v1/chat errors', () => {
  it('400 INVALID_JSON for malformed or empty JSON', async () => {
    for (const payload of ['{bad', '{"message": "a",}', "{'message': 'a'}", '{"message": "a"', '\u0000']) {
      expectError(await chat(payload), 400, 'INVALID_JSON');
    }
    expectError(await chat(''), 400, 'INVALID_JSON');
    expectError(await chat('{"__proto__": {"polluted": 1}, "message": "a"}'), 400, 'INVALID_JSON');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('400 BAD_REQUEST for schema violations', async () => {
    const invalid: unknown[] = [
      {},
      { message: '' },
      { message: '   \n\t ' },
      { message: 42 },
      { message: ['a'] },
      { message: null },
      { message: 'a', top_k: 0 },
      { message: 'a', top_k: 11 },
      { message: 'a', top_k: 1.5 },
      { message: 'a', top_k: '5' },
      { message: 'a', conversation_id: '' },
      { message: 'a', conversation_id: 'has space' },
      { message: 'a', conversation_id: 'x'.repeat(129) },
      { message: 'a', category: 'Not-Snake' },
      { message: 'a', category: 5 },
      [],
      'just a string',
      null,
      42,
    ];
    for (const payload of invalid) {
      expectError(await chat(JSON.stringify(payload)), 400, 'BAD_REQUEST');
    }
  });

  it('400 BAD_REQUEST for unknown fields (rejected, not ignored)', async () => {
    const error = expectError(await chat({ message: 'geneve', question: 'typo' }), 400, 'BAD_REQUEST');
    expect(error.message).toContain("'question'");
    expectError(await chat({ message: 'geneve', topK: 3 }), 400, 'BAD_REQUEST');
  });

  it('413 BODY_TOO_LARGE above the body limit', async () => {
    expectError(await chat({ message: 'a'.repeat(100_000) }), 413, 'BODY_TOO_LARGE');
    expectError(await chat(`{"message": "a", "pad": "${'x'.repeat(1_000_000)}"}`), 413, 'BODY_TOO_LARGE');
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for anything but JSON', async () => {
    const body = JSON.stringify({ message: 'geneve' });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      expectError(await chat(body, { 'content-type': type }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const none = await app.inject({ method: 'POST', url: '/v1/chat', payload: body });
    expectError(none, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectChatBody(await chat(body, { 'content-type': 'application/json; charset=utf-8' }));
  });

  it('404 NOT_FOUND for unknown routes and methods', async () => {
    expectError(await app.inject({ method: 'GET', url: '/v1/chat' }), 404, 'NOT_FOUND');
    expectError(await app.inject({ method: 'GET', url: '/nope?x=1' }), 404, 'NOT_FOUND');
    expectError(await app.inject({ method: 'DELETE', url: '/healthz' }), 404, 'NOT_FOUND');
    expectError(
      await app.inject({ method: 'POST', url: '/v1/chat/extra', headers: JSON_TYPE, payload: '{}' }),
      404,
      'NOT_FOUND',
    );
  });

  it('500 INTERNAL without leaking the internal message or stack', async () => {
    const real = fixture.searcher;
    const failing = (error: Error): Searcher => ({
      docs: real.docs,
      chunkCount: real.chunkCount,
      vectors: real.vectors,
      chunk: (id) => real.chunk(id),
      doc: (path) => real.doc(path),
      search: async () => {
        throw error;
      },
    });
    for (const error of [
      new Error('secret detail /var/lib/netkb/index exploded'),
      new NetkbError('INDEX_CORRUPT', 'Index generation gen-1 in /secret/path is unreadable'),
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    ]) {
      const broken = await buildApp({ searcher: () => failing(error) });
      const response = await broken.inject({
        method: 'POST',
        url: '/v1/chat',
        headers: JSON_TYPE,
        payload: '{"message":"geneve"}',
      });
      const body = expectError(response, 500, error instanceof NetkbError ? 'INDEX_CORRUPT' : 'INTERNAL');
      expect(response.body).not.toMatch(/secret|exploded|undefined|\/var\/lib/);
      expect(body.message).toMatch(/^(Internal error|Index files are unreadable or inconsistent)$/);
      await broken.close();
    }
  });
});

describe('readiness, health and OpenAPI', () => {
  it('/healthz is 200 and /readyz, /v1/chat are 503 NOT_READY until the index is loaded', async () => {
    let searcher: Searcher | null = null;
    const starting = await buildApp({ searcher: () => searcher });
    expect((await starting.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expectError(await starting.inject({ method: 'GET', url: '/readyz' }), 503, 'NOT_READY');
    const early = await starting.inject({
      method: 'POST',
      url: '/v1/chat',
      headers: JSON_TYPE,
      payload: '{"message":"geneve"}',
    });
    expectError(early, 503, 'NOT_READY');
    // Validation still comes first: a bad request is a 400 even while not ready.
    expectError(
      await starting.inject({ method: 'POST', url: '/v1/chat', headers: JSON_TYPE, payload: '{}' }),
      400,
      'BAD_REQUEST',
    );
    searcher = fixture.searcher;
    const ready = await starting.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      docs: 4,
      chunks: fixture.searcher.chunkCount,
      vectors: 'disabled: disabled in tests',
      slack: 'off',
      teams: 'off',
      store: 'off',
      store_losses: 0,
      index_generation: fixture.searcher.generation ?? null,
      kb_fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    await starting.close();
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/readyz', '/v1/chat', '/v1/feedback']);
    expect(Object.keys(doc.paths['/v1/feedback'].post.responses).sort()).toEqual([
      '204',
      '400',
      '404',
      '413',
      '415',
      '500',
      '503',
    ]);
    const post = doc.paths['/v1/chat'].post;
    const request = post.requestBody.content['application/json'].schema;
    expect(request.additionalProperties).toBe(false);
    expect(request.required).toEqual(['message']);
    expect(request.properties.message.maxLength).toBe(2000);
    expect(Object.keys(post.responses).sort()).toEqual(['200', '400', '413', '415', '500', '503']);
    const ok = post.responses['200'].content['application/json'].schema;
    // `explain` is optional: present only when the request asks for it.
    expect(Object.keys(ok.properties)).toEqual([...CHAT_BODY_KEYS, 'explain']);
    expect(ok.required).not.toContain('explain');
    expect(Object.keys(ok.properties.citations.items.properties)).toEqual(CITATION_KEYS);
    const error = post.responses['400'].content['application/json'].schema;
    expect(
      error.properties.error.properties.code.anyOf.map(
        (c: { enum?: string[]; const?: string }) => c.enum?.[0] ?? c.const,
      ),
    ).toContain('INVALID_JSON');
  });

  it('tags every response with a request id, keeping a well-formed caller id', async () => {
    const generated = await app.inject({ method: 'GET', url: '/healthz' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\u0000' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('bad id\u0000');
    const error = await chat('{bad', { ...JSON_TYPE, 'x-request-id': 'err-1' });
    expect(error.headers['x-request-id']).toBe('err-1');
  });
});

describe('logging', () => {
  async function logsFor(level: 'info' | 'debug'): Promise<Array<Record<string, unknown>>> {
    const lines: string[] = [];
    const logged = await buildApp({
      searcher: () => fixture.searcher,
      logger: { level, stream: { write: (line: string) => lines.push(line) } },
    });
    await logged.inject({
      method: 'POST',
      url: '/v1/chat',
      headers: { ...JSON_TYPE, 'x-request-id': 'req-log-1' },
      payload: JSON.stringify({ message: 'secret-pod-name geneve 隧道不通' }),
    });
    await logged.close();
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('logs structured lines with request ids, and the question only at debug level', async () => {
    const info = await logsFor('info');
    const answered = info.find((entry) => entry.msg === 'chat answered');
    expect(answered).toMatchObject({ reqId: 'req-log-1', abstained: false, top_doc: 'kube-ovn/geneve.md' });
    expect(info.filter((entry) => entry.reqId === 'req-log-1').length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(info)).not.toContain('secret-pod-name');

    const debug = await logsFor('debug');
    expect(debug.find((entry) => entry.msg === 'chat question')).toMatchObject({
      reqId: 'req-log-1',
      question: 'secret-pod-name geneve 隧道不通',
    });
  });
});
