/**
 * Whether a report quotes the API server failing to reach an extension it calls — an admission or conversion webhook
 * (`failed calling webhook "webhook.cert-manager.io": ... dial tcp 10.96.12.7:443: connect: connection refused`) or an
 * aggregated API (`v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.97.1.2:443/...:
 * Client.Timeout exceeded`, `FailedDiscoveryCheck`) — at the network. The caller is the API server on a
 * control-plane node, reaching the extension's pod through its Service's endpoints: a check run inside a pod does not
 * test that hop. A call that failed above the network (a certificate the API server rejects, an error the webhook
 * returned) is not read. Pure.
 */

/**
 * The API server's own words that it failed to call a webhook or an aggregated API ("Internal error occurred: failed
 * calling webhook", "failed calling admission webhook", "conversion webhook for X failed", FailedDiscoveryCheck), and
 * Chinese reports' own (调用 webhook 失败, webhook 调用超时).
 */
export const EXTENSION_CALL_FAILED =
  /\bfailed\s+(?:calling|to\s+call)\s+(?:admission\s+)?webhook\b|\bconversion\s+webhook\s+for\s+\S+[^\n]{0,60}?\bfailed\b|\bFailedDiscoveryCheck\b|\bfailing\s+or\s+missing\s+response\s+from\b|(?:调用|調用)\s*(?:准入\s*|準入\s*)?webhook\s*(?:失败|失敗|超时|超時|报错|報錯)|webhook\s*(?:调用|調用)\s*(?:失败|失敗|超时|超時|报错|報錯)/i;

/**
 * A call that failed at the network, as Go's HTTP client and the API server print it ("context deadline exceeded",
 * "i/o timeout", "connect: connection refused", "no route to host", "Client.Timeout exceeded while awaiting headers",
 * "no endpoints available for service", "connect: network unreachable", an older client's "Unable to connect") or
 * in Chinese (超时, 连接被拒绝). The `?timeout=10s` of a webhook's URL is a setting, not a failure, and is not read.
 */
const NETWORK_FAILURE =
  /\bcontext\s+deadline\s+exceeded\b|\bi\/o\s+timeout\b|\bconnection\s+refused\b|\bno\s+route\s+to\s+host\b|\bClient\.Timeout\s+exceeded\b|\b(?:connection|operation|request)\s+timed\s+out\b|\b(?:network|host)\s+(?:is\s+)?unreachable\b|\bunable\s+to\s+connect\b|\bno\s+endpoints\s+available\b|超时|超時|连接被拒绝|連線被拒|拒绝连接/i;

/**
 * A call that failed above the network: a certificate the API server rejects, an HTTP error the webhook itself
 * returned, a denial, or a malformed response ("x509: certificate signed by unknown authority", "Service
 * Unavailable", "the server responded with the status code 500", "admission webhook ... denied the request",
 * "0-length response", 证书).
 */
const ABOVE_NETWORK =
  /\bx509\b|\bcertificate\b|\btls:\s|\bService\s+Unavailable\b|\bInternal\s+Server\s+Error\b|\bstatus\s+code:?\s*[45]\d\d\b|\bdenied\s+the\s+request\b|\b0-length\s+response\b|\bunexpected\s+(?:response|content)\b|证书|證書/i;

/** True when the report's failed call failed at the network and nothing shows it failing above it. */
export function failsAtNetwork(text: string): boolean {
  return NETWORK_FAILURE.test(text) && !ABOVE_NETWORK.test(text);
}

/** True when the report quotes the API server failing to reach a webhook or an aggregated API at the network. */
export function extensionCallFails(text: string): boolean {
  return EXTENSION_CALL_FAILED.test(text) && failsAtNetwork(text);
}
