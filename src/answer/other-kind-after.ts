/**
 * A name right after a namespace word that is followed by the word of another object (`argocd namespace:
 * argocd-repo-server pod keeps failing its liveness probe`). Pure.
 *
 * The reporter writes where the object lives, then the object's name and its kind: the name belongs to that pod or
 * Service, and filling it as `-n argocd-repo-server` points every command at a namespace that does not exist. A name
 * after the kind word too (`namespace kube-system pod coredns-5d78c9869d-8x7xq`) keeps the first name the namespace.
 */
const OTHER_KIND_NEXT =
  /^\s+(?:pod|service|svc|deployment|daemonset|statefulset|container|replicaset)(?:'s)?(?![\w/-])(?!\s*[:=：])(?!\s+[a-z0-9]+(?:[-.][a-z0-9]+)+(?![\w-]))/i;

/** Whether the text right after a name (`rest`) makes that name another kind's object (see above). */
export function namesAnotherKind(rest: string): boolean {
  return OTHER_KIND_NEXT.test(rest);
}
