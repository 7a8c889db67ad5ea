/**
 * A pod the report deletes (`kubectl delete pod/rancher-6dc68bb996-95rbw -n cattle-system`, `kubectl delete pod web-0`,
 * "I deleted the pod nginx-7d9f8-x2x9q", `删除 pod coredns-5c98db65d4-abcde`) is gone once the step ran: its controller
 * starts another under a new name, so no check can exec into it or read its logs. When the report names another pod,
 * that one is the pod to check. Pure.
 */

/** Whether `name` stands right after a delete of pods, in a command or in prose. */
export function deletedPod(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const target = name.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(target, from);
    if (at === -1) return false;
    from = at + target.length;
    const before = lower.slice(Math.max(0, at - 60), at);
    // Only a whole name: `web-0` is not `web-0-backup`.
    if (/[a-z0-9-]/.test(lower.charAt(at + target.length))) continue;
    if (DELETE_BEFORE.test(before)) return true;
  }
}

/**
 * `kubectl delete pod X`, `kubectl delete pod/X`, `kubectl delete -n ns pod X`, `k delete po X`, "deleted (the) pod X",
 * "delete pod X", `删除(了) pod X`, `删掉 pod X`.
 */
const DELETE_BEFORE =
  /(?:(?<![\w-])(?:delete|deleted|deleting|删除了?|删掉了?)\s+(?:(?:-n|--namespace)[\s=]\S+\s+|--\S+\s+|the\s+)*(?:pods?|po)(?:\/|\s+(?:(?:-n|--namespace)[\s=]\S+\s+|--\S+\s+)*))$/i;
