/** SignedBody: what the signature check keeps, and who the verified body names (no I/O: plain request objects). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { NetkbError } from '../../../src/core/errors.js';
import { SignedBody } from '../../../src/integrations/chat/signed-body.js';

const request = (body: string, signature: string) =>
  ({ url: '/hook', body: Buffer.from(body), headers: { signature } }) as unknown as FastifyRequest;

function signedJson() {
  let decodes = 0;
  const signed = new SignedBody(
    (r: FastifyRequest) =>
      r.headers.signature === 'ok' ? (r.body as Buffer) : new NetkbError('BAD_SIGNATURE'),
    (raw: Buffer) => {
      decodes++;
      return JSON.parse(raw.toString('utf8')) as { user?: string };
    },
  );
  const run = (r: FastifyRequest) =>
    new Promise<unknown>((resolve) =>
      signed.preHandler.call(undefined as never, r, {} as FastifyReply, resolve),
    );
  return { signed, run, decodes: () => decodes };
}

describe('SignedBody', () => {
  it('refuses a bad signature in its preHandler and names no user for it', async () => {
    const { signed, run } = signedJson();
    const forged = request('{"user":"U1"}', 'forged');
    expect(await run(forged)).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(signed.user(forged, (body) => body.user)).toBeUndefined();
    expect(() => signed.body(forged)).toThrow(/not verified/);
  });

  it('names the user of a verified body, decoding it once for the key and the handler', async () => {
    const { signed, run, decodes } = signedJson();
    const good = request('{"user":"U1"}', 'ok');
    expect(await run(good)).toBeUndefined();
    expect(signed.user(good, (body) => body.user)).toBe('U1');
    expect(signed.body(good)).toEqual({ user: 'U1' });
    expect(signed.verified(good).toString()).toBe('{"user":"U1"}');
    expect(decodes()).toBe(1);
  });

  it('a body that does not decode names no user, and the handler gets the error', async () => {
    const { signed, run } = signedJson();
    const bad = request('{not json', 'ok');
    await run(bad);
    expect(signed.user(bad, (body) => body.user)).toBeUndefined();
    expect(() => signed.body(bad)).toThrow(SyntaxError);
  });
});
