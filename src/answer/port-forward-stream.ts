/**
 * `kubectl port-forward` failing inside its own stream: the tunnel kubectl opens through the API server to the pod's
 * kubelet (`portforward.go` errors: "error copying from remote stream to local connection", "error creating
 * forwarding stream ... Timeout occured", "lost connection to pod", "unable to do port forwarding: socat not found").
 * That tunnel, its SPDY/WebSocket streams and the node's helper binaries are the API server's and the kubelet's, as
 * `kubectl logs`/`exec` are (clarify.ts `uncoveredKubeletStream`), not a path a pod's traffic takes. Declined only
 * while no runbook states those errors (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** A headline about port-forwarding (kubectl's, by the errors the report quotes): port-forward, 端口转发. */
const PORT_FORWARD = /\bport[\s-]?forward(?:s|ed|ing)?\b|\bportforward\b|端口转发|端口轉發/i;

/**
 * kubectl's port-forward errors, as it prints them: its source file (`portforward.go:385]`), the stream copies and
 * stream creation failing, the lost pod connection, the kubelet's "unable to do port forwarding".
 */
const PORT_FORWARD_STREAM_ERROR =
  /\bportforward\.go:\d+|\berror\s+copying\s+from\s+(?:local\s+connection\s+to\s+remote\s+stream|remote\s+stream\s+to\s+local\s+connection)|\berror\s+creating\s+(?:error|forwarding)\s+stream\b|\blost\s+connection\s+to\s+pod\b|\bunable\s+to\s+do\s+port\s+forwarding\b|\ban\s+error\s+occurred\s+forwarding\s+\d+\s*->\s*\d+/i;

/**
 * The subject when a report is about `kubectl port-forward` breaking: its first sentence names port-forwarding and
 * the report quotes kubectl's port-forward errors ("kubectl port-forward broken pipe ... portforward.go:363] error
 * copying from remote stream to local connection"); else null. A report pasting "Forwarding from 127.0.0.1:8080"
 * to show the pod answers, while its Service does not, quotes no such error and is about the Service.
 */
export function uncoveredPortForward(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!PORT_FORWARD.test(headline) || !PORT_FORWARD_STREAM_ERROR.test(text)) return null;
  return explained ? null : 'kubectl port-forward';
}

/** Whether a runbook states kubectl's port-forward errors in its title, triggers, headings or troubleshooting symptoms. */
export function portForwardExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, PORT_FORWARD_STREAM_ERROR);
}
