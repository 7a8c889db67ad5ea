/**
 * A report about a webhook the API server fails to call above the network: an admission webhook whose certificate
 * the API server rejects (`failed calling webhook "admission-webhook.openebs.io": ... x509: certificate has expired`),
 * one that answers with an error of its own (`Service Unavailable`, a 500) or denies the request, or a CRD's
 * conversion webhook returning a bad response (`conversion webhook for authorino.kuadrant.io/v1beta1 ... failed:
 * 0-length response`). The certificate, the webhook's own logic and config belong to the extension that registered it
 * (cert-manager, a service mesh's injector, an operator), not to a path the runbooks follow.
 * A call that fails AT the network (`context deadline exceeded`, `i/o timeout`, `connection refused`, `no route to
 * host`, 超时; read by retrieve/webhook-call.ts) is a control-plane node reaching the webhook's pod through its
 * Service's endpoints: answered (node-to-pod/host-to-pod-generic.md). A first sentence naming a covered path (DNS, an MTU mismatch, a NodePort, a
 * network policy, pods that cannot reach each other) keeps the report answered too. Pure.
 */
import { EXTENSION_CALL_FAILED, failsAtNetwork } from '../retrieve/webhook-call.js';
import { COVERED_PATH } from './covered-paths.js';
import { readReport } from './uncovered-subjects.js';

/** The webhook named by the first sentence (the subject), in any words. */
const WEBHOOK = /webhook/i;

/**
 * The subject when a report's first sentence is about a webhook and the report quotes the API server failing to call
 * it above the network ("Unable to list AuthConfigs due to conversion webhook error ... 0-length response", "the
 * webhook certificate expired ... failed calling webhook ... x509"); else null. A call that only timed out or was
 * refused ("failed calling webhook "webhook.cert-manager.io": ... context deadline exceeded") is answered, and so is
 * "Pods cannot reach CoreDNS; the webhook also fails: failed calling webhook ...", which names a DNS path.
 */
export function uncoveredWebhookCall(question: string): string | null {
  const { text, headline } = readReport(question);
  if (!EXTENSION_CALL_FAILED.test(text) || !WEBHOOK.test(headline) || COVERED_PATH.test(headline))
    return null;
  if (failsAtNetwork(text)) return null;
  return "the API server calling an extension's admission or conversion webhook";
}
