/**
 * The shapes of names Kubernetes generates for pods. Pure: text in, data out.
 *
 * A ReplicaSet's pod is `<deployment>-<pod-template-hash>-<suffix>`, a DaemonSet's or Job's `<owner>-<suffix>`; hash and
 * suffix are drawn from the alphabet of `utilrand.SafeEncodeString` (no vowels, no 0/1/3).
 */

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
