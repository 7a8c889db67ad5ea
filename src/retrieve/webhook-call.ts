/**
 * Whether a report quotes the API server failing to reach an extension it calls — an admission or conversion webhook
 * (`failed calling webhook "webhook.cert-manager.io": ... dial tcp 10.96.12.7:443: connect: connection refused`) or an
 * aggregated API (`v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.97.1.2:443/...:
 * Client.Timeout exceeded`, `FailedDiscoveryCheck`) — at the network. The caller is the API server on a
 * control-plane node, reaching the extension's pod through its Service's endpoints: a check run inside a pod does not
 * test that hop. A call that failed above the network (a certificate the API server rejects, an error the webhook
 * returned) is not read. Pure.
 */

/** The API server's own words that it failed to call a webhook or an aggregated API, and Chinese reports' own. */
const EXTENSION_CALL_FAILED =
  /\bfailed\s+(?:calling|to\s+call)\s+(?:admission\s+)?webhook\b|\bconversion\s+webhook\s+for\s+\S+[^\n]{0,60}?\bfailed\b|\bFailedDiscoveryCheck\b|\bfailing\s+or\s+missing\s+response\s+from\b|(?:调用|調用)\s*(?:准入\s*|準入\s*)?webhook\s*(?:失败|失敗|超时|超時)|webhook\s*(?:调用|調用)\s*(?:失败|失敗|超时|超時)/i;

/** A call that failed at the network; the `?timeout=10s` of a webhook's URL is a setting, not a failure. */
const NETWORK_FAILURE =
  /\bcontext\s+deadline\s+exceeded\b|\bi\/o\s+timeout\b|\bconnection\s+refused\b|\bno\s+route\s+to\s+host\b|\bClient\.Timeout\s+exceeded\b|\b(?:connection|operation|request)\s+timed\s+out\b|\bnetwork\s+is\s+unreachable\b|\bno\s+endpoints\s+available\b|超时|超時|连接被拒绝|拒绝连接/i;

/** A call that failed above the network: a certificate, an HTTP error of the webhook's own, a denial. */
const ABOVE_NETWORK =
  /\bx509\b|\btls:\s|\bService\s+Unavailable\b|\bInternal\s+Server\s+Error\b|\bstatus\s+code:?\s*[45]\d\d\b|\bdenied\s+the\s+request\b|\b0-length\s+response\b|证书|證書/i;

/** True when the report quotes the API server failing to reach a webhook or an aggregated API at the network. */
export function extensionCallFails(text: string): boolean {
  return EXTENSION_CALL_FAILED.test(text) && NETWORK_FAILURE.test(text) && !ABOVE_NETWORK.test(text);
}
