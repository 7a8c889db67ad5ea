/**
 * A pasted error or warning line that names the in-cluster peer it was talking to: an application's log stating its
 * failure in its own words about a Service address ("Error communicating with Redis: Connection to Redis
 * tcp://appwrite-redis-master:6379", "WARN ==> test-redis-headless.asdf.svc.cluster.local does not contain the IP of
 * this pod", "连接 mysql://db.prod.svc:3306 失败"). Reports from application trackers state a network symptom this way
 * more often than in a network's words; the peer's address is what a Service or DNS runbook starts from. A peer in a
 * config block with no error beside it, or the reporter's own machine (localhost, 127.0.0.1), is not one. Pure.
 */

/** A log line's own marker of trouble: an error, a warning, a failure, an exception (English and Chinese). */
const TROUBLE = /\berror\b|\bwarn(?:ing)?\b|\bfail(?:ed|s|ure)?\b|exception|错误|錯誤|失败|失敗|异常|異常/i;
/**
 * A peer endpoint: a URL with a scheme and a port (`tcp://appwrite-redis-master:6379`, `redis://cache:6379`), or a
 * cluster DNS name of a Service (`test-redis-headless.asdf.svc.cluster.local`, `db.prod.svc`).
 */
const PEER = new RegExp(
  [
    String.raw`\b[a-z][a-z0-9+.-]*://(?!(?:localhost|127\.|0\.0\.0\.0))[a-z0-9][\w.-]*:\d{2,5}(?!\d)`,
    String.raw`\b[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)+\.svc(?:\.cluster\.local)?\b`,
  ].join('|'),
  'gi',
);
/** How far from the peer a line's trouble marker may stand (one pasted log line). */
const LINE_REACH = 90;

/** Whether the text pastes an error or warning naming an in-cluster peer endpoint (see above). */
export function pastesErrorNamingPeer(text: string): boolean {
  return erroredPeer(text) !== null;
}

/**
 * The first in-cluster peer endpoint a pasted error or warning line names, as `host:port` (a URL's scheme dropped) or
 * a Service's cluster DNS name; null when no error line names one.
 */
export function erroredPeer(text: string): string | null {
  for (const match of text.matchAll(PEER)) {
    const before = text.slice(Math.max(0, match.index - LINE_REACH), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + LINE_REACH);
    const line = `${before.split(/[\n`]/).pop() ?? ''} ${after.split(/[\n`]/)[0] ?? ''}`;
    if (TROUBLE.test(line)) return match[0].replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  }
  return null;
}
