/**
 * Slack request signing (v0): `v0=` + hex HMAC-SHA256(signing secret as a UTF-8 string, `v0:{ts}:{raw body}`).
 * Pure: the clock is an argument, so tests can use Slack's published vector with a frozen clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's advice: reject requests more than 5 minutes from local time (both directions, like python-slack-sdk). */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp` (epoch seconds as sent). */
  timestamp: string | undefined;
  /** `X-Slack-Signature` (`v0=<hex>`). */
  signature: string | undefined;
  /** The body bytes exactly as received. */
  rawBody: Buffer | string | undefined;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; code: 'BAD_SIGNATURE' | 'STALE_REQUEST'; reason: string };

export function computeSlackSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** `nowSeconds`: the local clock in epoch seconds. */
export function verifySlackSignature(
  secret: string,
  request: SignedRequest,
  nowSeconds: number,
): VerifyResult {
  const { timestamp, signature, rawBody } = request;
  if (!secret) return { ok: false, code: 'BAD_SIGNATURE', reason: 'no signing secret configured' };
  if (!timestamp || !signature) {
    return {
      ok: false,
      code: 'BAD_SIGNATURE',
      reason: 'missing X-Slack-Signature or X-Slack-Request-Timestamp',
    };
  }
  if (rawBody === undefined) return { ok: false, code: 'BAD_SIGNATURE', reason: 'missing body' };
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, code: 'BAD_SIGNATURE', reason: 'X-Slack-Request-Timestamp is not epoch seconds' };
  }
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, code: 'BAD_SIGNATURE', reason: 'X-Slack-Signature is not v0=<64 hex digits>' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) {
    return {
      ok: false,
      code: 'STALE_REQUEST',
      reason: 'X-Slack-Request-Timestamp is more than 5 minutes from now',
    };
  }
  const expected = Buffer.from(computeSlackSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  // Both are `v0=` + 64 hex digits here, so the lengths match and the comparison is constant-time.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, code: 'BAD_SIGNATURE', reason: 'signature does not match the body' };
  }
  return { ok: true };
}
