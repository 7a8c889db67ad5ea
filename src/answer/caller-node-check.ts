/**
 * Checks for a report whose failing caller is the API server on a control-plane node reaching an extension's pod —
 * an admission or conversion webhook, an aggregated API (retrieve/webhook-call.ts). A probe of the pod's IP run on
 * the node (`curl -sv -m 3 http://<pod-ip>:<port>/`) repeats the API server's own call; the same probe run inside a
 * pod (`kubectl exec -n <namespace> <pod> -- curl ...`) tests another client's path, one the report often says works
 * ("Tried curl from other pod ... the request goes through"). Pure.
 */
import { runsInPod } from './in-pod-check.js';

/** A connection probe: curl, wget, nc, telnet. */
const PROBE = /(?<![\w-])(?:curl|wget|nc|ncat|telnet)(?![\w-])/i;

/** The probe is of a pod's own IP. */
const POD_IP = /<pod-ip>/i;

/** How a check stands for a caller on the node: `node` probes the pod from the node, `pod` from inside a pod. */
export type CallerCheck = 'node' | 'pod' | null;

export function callerCheckOf(command: string): CallerCheck {
  if (!PROBE.test(command)) return null;
  if (runsInPod(command)) return 'pod';
  return POD_IP.test(command) ? 'node' : null;
}
