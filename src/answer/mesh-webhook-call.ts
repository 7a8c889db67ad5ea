/**
 * A service mesh named only as the owner of a webhook the API server failed to reach at the network: "Automatic
 * sidecar injection failing ... failed calling admission webhook "sidecar-injector.istio.io": Post
 * https://istio-sidecar-injector.istio-system.svc:443/inject: ... (Client.Timeout exceeded while awaiting headers)",
 * "linkerd-proxy-injector webhook: context deadline exceeded". The caller is the API server on a control-plane node,
 * the callee the mesh's injector pod behind its Service: a node reaching a pod, which the runbooks follow whatever
 * the pod runs (retrieve/webhook-call.ts). The mesh's own datapath (its sidecars proxying traffic, its routing
 * rules) stays uncovered; so does a call that failed above the network (a certificate, an error the webhook
 * returned), which admission-webhook.ts declines. Pure.
 */
import { extensionCallFails } from '../retrieve/webhook-call.js';

/** Whether the report's failure is the API server's call to a webhook failing at the network. */
export function meshOnlyOwnsFailedCall(question: string): boolean {
  return extensionCallFails(question.normalize('NFKC'));
}
