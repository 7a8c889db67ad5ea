/**
 * A report about a webhook the API server fails to call: an admission webhook (`failed calling webhook
 * "webhook.cert-manager.io"`, `failed calling admission webhook "sidecar-injector.istio.io"`) or a CRD's conversion
 * webhook (`conversion webhook for authorino.kuadrant.io/v1beta1 ... failed`). The call, its certificate, its
 * timeout and failure policy and the webhook's own pod belong to the extension that registered it (cert-manager, a
 * service mesh's injector, an operator), not to a path the runbooks follow. A first sentence naming such a path
 * (DNS, an MTU mismatch, a NodePort, a network policy, pods that cannot reach each other) keeps the report answered.
 * Declined only while no runbook is about webhook calls (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { COVERED_PATH } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

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
 * The subject when a report's first sentence is about a webhook and the report quotes the API server failing to call
 * it ("Documenting "context deadline exceeded" errors relating to the webhook ... failed calling webhook
 * "webhook.cert-manager.io"", "Sidecar Injector Service Unavailable ... failed calling admission webhook"); else null.
 * "Pods cannot reach CoreDNS; the webhook also fails: failed calling webhook ..." names a DNS path and is answered.
 */
export function uncoveredWebhookCall(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!WEBHOOK_CALL_FAILED.test(text) || !WEBHOOK.test(headline) || COVERED_PATH.test(headline)) return null;
  return explained ? null : "the API server calling an extension's admission or conversion webhook";
}

/** A runbook about webhook calls (its title, triggers, headings or symptoms name the API server's failed call). */
const WEBHOOK_RUNBOOK = /webhook/i;

/** Whether a runbook is about the API server calling webhooks. */
export function webhookCallExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, WEBHOOK_RUNBOOK);
}
