/**
 * What a report's first sentence may name beside an uncovered subject that keeps the report answered: a path the
 * runbooks follow, or a connection that broke on its way. The declines of one subject each (a webhook call, a refused
 * certificate, a proxy's error page) stand back on these words, so they share them here. Pure.
 */

/**
 * Paths the runbooks explain: DNS, an MTU mismatch, a NodePort, a network policy, pods or nodes that cannot reach
 * each other (跨节点, 不通).
 */
export const COVERED_PATH =
  /\bdns\b|core-?dns|kube-dns|\bmtu\b|node-?port|network\s*polic|网络策略|網路策略|\bpods?\b[^.。]{0,40}?(?:can(?:'|no)?t|cannot|unable\s+to)\s+(?:reach|ping|connect)|跨节点|跨節點|不通/i;

/** A connection that broke on its way (a timeout, a refused connection, no route; 超时): a path's symptom. */
export const BROKEN_CONNECTION = /time[sd]?\s*out|\brefused\b|unreachable|no\s+route|超时|超時/i;

/** Whether a first sentence names a covered path or a broken connection. */
export function namesCoveredPathOrBreak(headline: string): boolean {
  return COVERED_PATH.test(headline) || BROKEN_CONNECTION.test(headline);
}
