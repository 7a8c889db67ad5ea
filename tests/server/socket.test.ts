import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Searcher } from '../../src/retrieve/types.js';
import { buildApp } from '../../src/server/app.js';
import { buildFixtureIndex, type FixtureIndex } from '../answer/fixture-index.js';
import { listenLocal } from '../helpers/listen.js';

let fixture: FixtureIndex;

beforeAll(async () => {
  fixture = await buildFixtureIndex();
});

afterAll(async () => {
  await fixture.cleanup();
});

describe('a real listening socket on 127.0.0.1', () => {
  it('serves health, readiness, chat and errors over HTTP', async () => {
    const app = await buildApp({ searcher: () => fixture.searcher });
    const { base } = await listenLocal(app);
    try {
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      const response = await fetch(`${base}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'geneve 隧道不通，怎么抓包' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      const body = (await response.json()) as { citations: Array<{ path: string }>; commands: unknown[] };
      expect(body.citations[0]?.path).toBe('kube-ovn/geneve.md');
      expect(body.commands.length).toBeGreaterThan(0);

      const bad = await fetch(`${base}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(bad.status).toBe(415);
      expect(await bad.json()).toEqual({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' },
      });
    } finally {
      await app.close();
    }
  });

  it('lets in-flight requests finish when closing', async () => {
    const real = fixture.searcher;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slow: Searcher = {
      docs: real.docs,
      chunkCount: real.chunkCount,
      vectors: real.vectors,
      chunk: (id) => real.chunk(id),
      doc: (path) => real.doc(path),
      search: async (question, options) => {
        entered();
        await gate;
        return real.search(question, options);
      },
    };
    const app = await buildApp({ searcher: () => slow });
    const { base } = await listenLocal(app);
    const pending = fetch(`${base}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'geneve 隧道不通' }),
    });
    await inside;
    const closed = app.close();
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    await closed;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
