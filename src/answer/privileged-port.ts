/**
 * A report whose server cannot listen on its port because the kernel refused it the privilege: nginx's `bind() to
 * 0.0.0.0:80 failed (13: Permission denied)`, Go's `listen tcp :53: bind: permission denied`. A port below 1024
 * needs root or the NET_BIND_SERVICE capability (or a lower `net.ipv4.ip_unprivileged_port_start`), so the fix is the
 * container's user, capabilities or security context, not a path a runbook follows: no packet has moved yet. A first
 * sentence naming a covered path or a broken connection (DNS, a NodePort, a timeout) keeps the report answered.
 * Declined only while no runbook states this refusal (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The refusal as servers print it: nginx's (and OpenResty's, Envoy's) `bind() to <address>:<port> failed (13:
 * Permission denied)`, Go's `listen tcp <address>:<port>: bind: permission denied`.
 */
const BIND_REFUSED =
  /\bbind\(\)\s+to\s+[[\]\w.:]*:\d+\s+failed\s+\(13:\s*permission\s+denied\)|\blisten\s+(?:tcp|udp)[46]?\s+[[\]\w.]*:\d+:\s*bind:\s*permission\s+denied/i;

/**
 * The subject when a report quotes a server refused its listening port ("K8S 使用 helm 部署 apisix 启用 hostNetwork
 * 参数，无法配置80和443端口 ... nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)") and its first sentence
 * names no covered path or broken connection; else null.
 */
export function uncoveredPrivilegedPort(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!BIND_REFUSED.test(text) || namesCoveredPathOrBreak(headline)) return null;
  return explained
    ? null
    : "a server refused the privilege to listen on its port (the container's user or capabilities)";
}

/** Whether a runbook states a server refused its listening port. */
export function privilegedPortExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, BIND_REFUSED);
}
