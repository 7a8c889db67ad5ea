/**
 * A report about a webhook the API server fails to call above the network: an admission webhook whose certificate
 * the API server rejects (`failed calling webhook "admission-webhook.openebs.io": ... x509: certificate has expired`),
 * one that answers with an error of its own (`Service Unavailable`, a 500) or denies the request, or a CRD's
 * conversion webhook returning a bad response (`conversion webhook for authorino.kuadrant.io/v1beta1 ... failed:
 * 0-length response`). The certificate, the webhook's own logic and config belong to the extension that registered it
 * (cert-manager, a service mesh's injector, an operator), not to a path the runbooks follow.
 * A call that fails AT the network (`context deadline exceeded`, `i/o timeout`, `connection refused`, `no route to
 * host`, 超时) is a control-plane node reaching the webhook's pod through its Service's endpoints: answered
 * (node-to-pod/host-to-pod-generic.md). A first sentence naming a covered path (DNS, an MTU mismatch, a NodePort, a
 * network policy, pods that cannot reach each other) keeps the report answered too. Pure.
 */
import { COVERED_PATH } from './covered-paths.js';
import { readReport } from './uncovered-subjects.js';

/**
 * The API server's own words that a webhook call failed, as it prints them ("Internal error occurred: failed calling
 * webhook", "failed calling admission webhook", "conversion webhook for X failed"), and Chinese reports' own
 * (调用 webhook 失败, webhook 调用超时).
 */
const WEBHOOK_CALL_FAILED =
  /\bfailed\s+calling\s+(?:admission\s+)?webhook\b|\bconversion\s+webhook\s+for\s+\S+[^\n]{0,60}?\bfailed\b|(?:调用|調用)\s*(?:准入\s*|準入\s*)?webhook\s*(?:失败|失敗|超时|超時|报错|報錯)|webhook\s*(?:调用|調用)\s*(?:失败|失敗|超时|超時|报错|報錯)/i;
/** The webhook named by the first sentence (the subject), in any words. */
const WEBHOOK = /webhook/i;

/**
 * A call that failed at the network, as Go's HTTP client and the API server print it ("context deadline exceeded",
 * "i/o timeout", "connect: connection refused", "no route to host", "Client.Timeout exceeded while awaiting headers",
 * "dial tcp 10.0.0.5:443: connect: connection timed out") or in Chinese (超时, 连接被拒绝). The `?timeout=30s` in the
 * webhook's URL is a setting, not a failure, and is not read.
 */
const NETWORK_FAILURE =
  /\bcontext\s+deadline\s+exceeded\b|\bi\/o\s+timeout\b|\bconnection\s+refused\b|\bno\s+route\s+to\s+host\b|\bClient\.Timeout\s+exceeded\b|\b(?:connection|operation|request)\s+timed\s+out\b|\bnetwork\s+is\s+unreachable\b|超时|超時|连接被拒绝|連線被拒|拒绝连接/i;

/**
 * A call that failed above the network: a certificate the API server rejects, an HTTP error the webhook itself
 * returned, a denial, or a malformed response ("x509: certificate signed by unknown authority", "Service
 * Unavailable", "the server responded with the status code 500", "admission webhook ... denied the request",
 * "0-length response", 证书).
 */
const ABOVE_NETWORK =
  /\bx509\b|\bcertificate\b|\btls:\s|\bService\s+Unavailable\b|\bInternal\s+Server\s+Error\b|\bstatus\s+code:?\s*[45]\d\d\b|\bdenied\s+the\s+request\b|\b0-length\s+response\b|\bunexpected\s+(?:response|content)\b|证书|證書/i;

/**
 * The subject when a report's first sentence is about a webhook and the report quotes the API server failing to call
 * it above the network ("Unable to list AuthConfigs due to conversion webhook error ... 0-length response", "the
 * webhook certificate expired ... failed calling webhook ... x509"); else null. A call that only timed out or was
 * refused ("failed calling webhook "webhook.cert-manager.io": ... context deadline exceeded") is answered, and so is
 * "Pods cannot reach CoreDNS; the webhook also fails: failed calling webhook ...", which names a DNS path.
 */
export function uncoveredWebhookCall(question: string): string | null {
  const { text, headline } = readReport(question);
  if (!WEBHOOK_CALL_FAILED.test(text) || !WEBHOOK.test(headline) || COVERED_PATH.test(headline)) return null;
  if (NETWORK_FAILURE.test(text) && !ABOVE_NETWORK.test(text)) return null;
  return "the API server calling an extension's admission or conversion webhook";
}
