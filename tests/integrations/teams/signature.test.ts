import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NetkbError } from '../../../src/core/errors.js';
import { teamsConfigFromEnv } from '../../../src/integrations/teams/config.js';
import {
  decodeTeamsToken,
  teamsAuthorization,
  verifyTeamsSignature,
} from '../../../src/integrations/teams/signature.js';

// Vectors from ../shared/docs/chat-protocols.md §2.4 (T1 and T1-neg), copied exactly.
const TOKEN = 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=';
const BODY = Buffer.from(
  '{"type":"message","text":"<at>KubeBot</at> why is my pod stuck in ContainerCreating?"}',
  'utf8',
);
const EXPECTED = 'HMAC nqs2RN6Qzyr8hTkES1Z39V5HCSV3xcPybfbyUyGW36M=';
const UNDECODED_KEY_SIGNATURE = 'HMAC y0dpi6xkupHq8aTrNhyW1R29kYfhCCFpqgliyV4r4qk=';
const OTHER_TOKEN = 'QgyNSToQjf4p6+YzDpjKks1/tXeJQ7FhVHqRwTnugVI=';

const key = decodeTeamsToken(TOKEN) as Buffer;
const otherKey = decodeTeamsToken(OTHER_TOKEN) as Buffer;

describe('Teams HMAC verifier', () => {
  it('decodes the sample token to a 32-byte key', () => {
    expect(key.length).toBe(32);
  });

  it('accepts the shared vector T1', () => {
    expect(verifyTeamsSignature([key], EXPECTED, BODY)).toEqual({ ok: true, key: 0 });
    expect(teamsAuthorization(key, BODY)).toBe(EXPECTED);
  });

  it('rejects T1-neg: the token used as ASCII bytes instead of decoded', () => {
    // The negative vector really is what the undecoded key gives, so the test is about the decoding.
    expect(`HMAC ${createHmac('sha256', TOKEN).update(BODY).digest('base64')}`).toBe(UNDECODED_KEY_SIGNATURE);
    expect(verifyTeamsSignature([key], UNDECODED_KEY_SIGNATURE, BODY).ok).toBe(false);
  });

  it('rejects a tampered body, a wrong token, a missing header and an empty body', () => {
    const tampered = Buffer.from(BODY.toString('utf8').replace('pod', 'p0d'));
    expect(verifyTeamsSignature([key], EXPECTED, tampered)).toEqual({
      ok: false,
      reason: 'signature does not match the body',
    });
    expect(verifyTeamsSignature([otherKey], EXPECTED, BODY).ok).toBe(false);
    expect(verifyTeamsSignature([key], undefined, BODY)).toEqual({
      ok: false,
      reason: 'missing Authorization header',
    });
    expect(verifyTeamsSignature([key], EXPECTED, Buffer.alloc(0)).ok).toBe(false);
    expect(verifyTeamsSignature([key], EXPECTED, undefined).ok).toBe(false);
    expect(verifyTeamsSignature([], EXPECTED, BODY).ok).toBe(false);
  });

  it('requires the HMAC scheme and a 32-byte base64 digest', () => {
    const digest = EXPECTED.slice('HMAC '.length);
    expect(verifyTeamsSignature([key], `Bearer ${digest}`, BODY).ok).toBe(false);
    expect(verifyTeamsSignature([key], digest, BODY).ok).toBe(false);
    expect(verifyTeamsSignature([key], `HMAC ${digest.slice(0, -2)}`, BODY).ok).toBe(false);
    expect(verifyTeamsSignature([key], 'HMAC ', BODY).ok).toBe(false);
  });

  it('tries every configured token (one per team) and says which matched', () => {
    expect(verifyTeamsSignature([otherKey, key], EXPECTED, BODY)).toEqual({ ok: true, key: 1 });
  });

  it('T0 (official key and header, unpublished body) does not match bodies it was not computed for', () => {
    const T0 = 'HMAC 03TCao0i55H1eVKUusZOTZRjtvYTs+mO41mPL+R1e1U=';
    for (const body of ['{}', 'test', '{"type":"message"}']) {
      expect(verifyTeamsSignature([key], T0, Buffer.from(body)).ok).toBe(false);
    }
  });
});

describe('Teams configuration', () => {
  it('is off without NETKB_TEAMS_SECRET', () => {
    expect(teamsConfigFromEnv({})).toBeNull();
    expect(teamsConfigFromEnv({ NETKB_TEAMS_SECRET: ' ' })).toBeNull();
  });

  it('decodes comma-separated tokens and normalizes the public URL', () => {
    const config = teamsConfigFromEnv({
      NETKB_TEAMS_SECRET: `${TOKEN}, ${OTHER_TOKEN}`,
      NETKB_PUBLIC_URL: 'https://netkb.example.com/',
    });
    expect(config?.keys).toEqual([key, otherKey]);
    expect(config?.publicUrl).toBe('https://netkb.example.com');
  });

  it('rejects a token that is not base64 and a public URL that is not http(s)', () => {
    expect(() => teamsConfigFromEnv({ NETKB_TEAMS_SECRET: 'not base64!' })).toThrow(NetkbError);
    expect(() => teamsConfigFromEnv({ NETKB_TEAMS_SECRET: `${TOKEN},` })).toThrow(/token 2/);
    expect(() =>
      teamsConfigFromEnv({ NETKB_TEAMS_SECRET: TOKEN, NETKB_PUBLIC_URL: 'ftp://x.example' }),
    ).toThrow(NetkbError);
  });
});
