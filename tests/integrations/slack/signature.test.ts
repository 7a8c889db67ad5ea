import { describe, expect, it } from 'vitest';
import { computeSlackSignature, verifySlackSignature } from '../../../src/integrations/slack/signature.js';

// Slack's published vector (chat-protocols.md §1.2, S1), and the self-generated JSON one (S2).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const FORM_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const FORM_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const JSON_BODY =
  '{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}';
const JSON_SIGNATURE = 'v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652';
/** The clock frozen at the vector's instant (2018-07-12 11:36:58 -07:00). */
const FROZEN_NOW = 1531420618;

const verify = (
  overrides: Partial<{ timestamp?: string; signature?: string; rawBody?: string | Buffer }>,
  now = FROZEN_NOW,
  secret = SECRET,
) =>
  verifySlackSignature(
    secret,
    { timestamp: TIMESTAMP, signature: FORM_SIGNATURE, rawBody: FORM_BODY, ...overrides },
    now,
  );

describe('Slack request signature', () => {
  it('computes the published signature for the slash-command vector and the JSON vector', () => {
    expect(computeSlackSignature(SECRET, TIMESTAMP, FORM_BODY)).toBe(FORM_SIGNATURE);
    expect(computeSlackSignature(SECRET, TIMESTAMP, Buffer.from(JSON_BODY))).toBe(JSON_SIGNATURE);
  });

  it('accepts the vectors with the clock frozen at their timestamp (and within 5 minutes of it)', () => {
    expect(verify({})).toEqual({ ok: true });
    expect(verify({ rawBody: Buffer.from(FORM_BODY) }, FROZEN_NOW + 299)).toEqual({ ok: true });
    expect(verify({ rawBody: JSON_BODY, signature: JSON_SIGNATURE }, FROZEN_NOW - 300)).toEqual({ ok: true });
  });

  it('rejects the vector when the clock is not frozen (stale), in both directions', () => {
    expect(verify({}, Math.floor(Date.now() / 1000))).toMatchObject({ ok: false, code: 'STALE_REQUEST' });
    expect(verify({}, FROZEN_NOW + 301)).toMatchObject({ ok: false, code: 'STALE_REQUEST' });
    expect(verify({}, FROZEN_NOW - 301)).toMatchObject({ ok: false, code: 'STALE_REQUEST' });
  });

  it('rejects a tampered body, a wrong secret, another version and missing parts', () => {
    expect(verify({ rawBody: `${FORM_BODY}------` })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({}, FROZEN_NOW, 'not-the-secret')).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({}, FROZEN_NOW, '')).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({ signature: FORM_SIGNATURE.replace('v0=', 'v1=') })).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    expect(verify({ signature: FORM_SIGNATURE.slice(0, -1) })).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    expect(verify({ signature: FORM_SIGNATURE.toUpperCase().replace('V0=', 'v0=') })).toMatchObject({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
    expect(verify({ signature: undefined })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({ timestamp: undefined })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({ rawBody: undefined })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verify({ timestamp: '1531420618.5' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    // A body signed with another timestamp does not verify under this one.
    expect(verify({ timestamp: '1531420619' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });
});
