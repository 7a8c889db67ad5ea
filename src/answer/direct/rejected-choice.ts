/**
 * The alternative an ask turns down: "What stable name can a pod keep across restarts instead of its IP?", "集群成员用
 * 什么地址而不是 Pod IP". The words after "instead of" name what the asker does not want; a line sharing them (a row
 * stating "该 Pod IP") says that alternative, not the value asked. They are left out of the asking words, so they
 * only break ties as the rest of a report does. Not in a why ask: "why does the app see the node IP instead of the
 * client IP" asks about both sides. Pure.
 */

/** "instead of …", "rather than …", "而不是 …", "而非 …", up to the end of the clause. */
const REJECTED = /\s*(?:\b(?:instead of|rather than)\b|而不是|而非)[^,，;；.。?？!！]*/gi;

/** The asking clause without the alternative it turns down. */
export function withoutRejected(focus: string): string {
  const kept = focus.replace(REJECTED, '').trim();
  // A clause that is all alternative ("instead of the pod IP?") still asks with its words.
  return /[\p{L}\p{N}]/u.test(kept) ? kept : focus;
}
