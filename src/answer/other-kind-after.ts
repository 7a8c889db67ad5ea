/**
 * A name right after a namespace word that is not the namespace's own name. Pure.
 *
 * - The word of another object follows it (`argocd namespace: argocd-repo-server pod keeps failing its liveness
 *   probe`): the reporter writes where the object lives, then the object's name and its kind. A name after the kind
 *   word too (`namespace kube-system pod coredns-5d78c9869d-8x7xq`) keeps the first name the namespace.
 * - The word before the namespace word starts it (`argocd namespace: argocd-repo-server, argocd-redis`, `cert-manager
 *   namespace: cert-manager-webhook`): that word is the namespace, and what follows the colon lists what runs in it,
 *   named after it as add-ons name their workloads.
 *
 * Either way the name belongs to a pod or a workload: filling it as `-n argocd-repo-server` points every command at a
 * namespace that does not exist.
 */
const OTHER_KIND_NEXT =
  /^\s+(?:pod|service|svc|deployment|daemonset|statefulset|container|replicaset)(?:'s)?(?![\w/-])(?!\s*[:=：])(?!\s+[a-z0-9]+(?:[-.][a-z0-9]+)+(?![\w-]))/i;

/** Whether the text right after a name (`rest`) makes that name another kind's object (see above). */
export function namesAnotherKind(rest: string): boolean {
  return OTHER_KIND_NEXT.test(rest);
}

/** `argocd namespace:` at the end of the text before the name: group 1 is the word before the namespace word. */
const NAMESPACE_LABEL_BEFORE = /(?<![\w.-])([a-z0-9][a-z0-9-]*)\s+(?:namespace|ns)\s*[:：]\s*$/i;

/**
 * Whether `value`, written right after `before` (`... argocd namespace: `), is a workload named after the namespace
 * the word before the namespace word gives (see above).
 */
export function workloadOfNamespaceBefore(before: string, value: string): boolean {
  const label = NAMESPACE_LABEL_BEFORE.exec(before);
  if (!label) return false;
  const namespace = (label[1] ?? '').toLowerCase();
  return value.toLowerCase().startsWith(`${namespace}-`);
}
