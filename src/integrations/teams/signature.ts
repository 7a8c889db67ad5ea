/**
 * Teams outgoing-webhook signing: `Authorization: HMAC <base64>` where the value is the standard base64 of
 * HMAC-SHA256 over the raw body bytes, keyed with the security token BASE64-DECODED (unlike Slack, whose secret
 * is used as a string). Nothing else is signed (no timestamp), so there is no replay window to check. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A SHA-256 digest is 32 bytes: 44 base64 characters with one `=`. */
const HEADER = /^HMAC ([A-Za-z0-9+/]{43}=)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type TeamsVerifyResult = { ok: true; key: number } | { ok: false; reason: string };

/** The security token as shown by Teams (base64) → the HMAC key bytes; null when it is not base64. */
export function decodeTeamsToken(token: string): Buffer | null {
  const trimmed = token.trim();
  if (trimmed.length === 0 || !BASE64.test(trimmed)) return null;
  return Buffer.from(trimmed, 'base64');
}

/** `HMAC <base64 digest>` for a body: what Teams sends (used by tests and the benchmark to sign requests). */
export function teamsAuthorization(key: Buffer, rawBody: Buffer | string): string {
  return `HMAC ${createHmac('sha256', key).update(rawBody).digest('base64')}`;
}

/**
 * Checks the header against every configured key (one per team's webhook), each in constant time; `key` is
 * the index of the key that matched. An empty body is rejected, as in Microsoft's C# sample.
 */
export function verifyTeamsSignature(
  keys: readonly Buffer[],
  authorization: string | undefined,
  rawBody: Buffer | undefined,
): TeamsVerifyResult {
  if (keys.length === 0) return { ok: false, reason: 'no security token configured' };
  if (!authorization) return { ok: false, reason: 'missing Authorization header' };
  const given = HEADER.exec(authorization.trim())?.[1];
  if (!given) return { ok: false, reason: 'Authorization is not "HMAC <base64 SHA-256 digest>"' };
  if (!rawBody || rawBody.length === 0) return { ok: false, reason: 'empty body' };
  const givenBytes = Buffer.from(given, 'base64');
  let matched = -1;
  // Every key is tried (no early exit), so the time taken does not tell which one matched.
  keys.forEach((key, index) => {
    const expected = createHmac('sha256', key).update(rawBody).digest();
    if (timingSafeEqual(expected, givenBytes) && matched < 0) matched = index;
  });
  return matched >= 0
    ? { ok: true, key: matched }
    : { ok: false, reason: 'signature does not match the body' };
}
