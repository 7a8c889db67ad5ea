/**
 * The check looking up a Service's own name from a client pod (`kubectl exec … -- nslookup
 * <service-name>.<namespace>.svc.cluster.local`, `dig +search <service-name>`): for a report saying a name inside the
 * cluster fails to resolve (`cluster-name-unresolved.ts`), it asks the cluster's DNS for the very record the client
 * failed to find. The lookup of `kubernetes.default` only shows that DNS answers at all, and one of an outside name
 * tests the upstream forwarding. Pure.
 */

/** A lookup (`nslookup`, `dig`, `host`) whose name starts with a Service's name placeholder. */
const LOOKS_UP_SERVICE_NAME = /\b(?:nslookup|dig|host)\s+(?:(?:[+@-]\S+|[A-Z]{1,5})\s+)*<service(?:-name)?>/u;

/** The check looks up a Service's name (its first line; a pod's name or `kubernetes.default` is another record). */
export function looksUpServiceName(command: string): boolean {
  return LOOKS_UP_SERVICE_NAME.test(command.split('\n')[0] ?? '');
}
