/**
 * The shapes of names Kubernetes generates for pods. Pure: text in, data out.
 *
 * A ReplicaSet's pod is `<deployment>-<pod-template-hash>-<suffix>`, a DaemonSet's or Job's `<owner>-<suffix>`; hash and
 * suffix are drawn from the alphabet of `utilrand.SafeEncodeString` (no vowels, no 0/1/3).
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

/** One character of a generated hash or suffix. */
export const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

/**
 * Only a pod-template hash and a suffix, with the workload's name gone (`7f57996d88-m6lzn:/app#`, a prompt whose
 * deployment part was cut away or redacted): no pod is named that way, so kubectl finds none by it. The hash carries a
 * digit, as generated hashes do, so a word joined to a suffix (`backend-x2x9q`) is not read as one.
 */
const HASH_AND_SUFFIX_ONLY = new RegExp(`^(?=${SAFE}*\\d)${SAFE}{6,10}-${SAFE}{5}$`);

export function hashAndSuffixOnly(name: string): boolean {
  return HASH_AND_SUFFIX_ONLY.test(name);
}

/**
 * A container runtime's ID: 64 hex digits (`docker://4f2a…`, a pod sandbox's ID in the kubelet's "error forwarding
 * port 8080 to pod 300d744a…, uid"), or the 32 and more left of one. Kubernetes never names a pod that way, so kubectl
 * finds no pod by it.
 */
const RUNTIME_ID = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{32,64}$/;

export function runtimeId(name: string): boolean {
  return RUNTIME_ID.test(name);
}

/**
 * The kubelet's port-forward error names the pod's sandbox, not the pod: "error forwarding port 6000 to pod
 * 972bb776…, uid : …" — whatever is left of that ID after a cut or a redaction (`to pod 68af6`) is no pod's name either.
 */
export function forwardedToSandbox(text: string, name: string): boolean {
  return new RegExp(`forwarding port \\d+ to pod ${escapeRegExp(name)}(?![\\w-])`, 'i').test(text);
}
