/**
 * Whether the namespaces a question names belong to different ends of the failing path, so that no one of them is
 * `<namespace>`. "My frontend pod in namespace web cannot reach the postgres service in namespace db" and "the app in
 * namespace shop fails to connect to redis-master.cache.svc.cluster.local" name the client's namespace and the
 * Service's: a check of the backends (`kubectl get pods -n <namespace> --show-labels`) or of the pod that listens
 * (`kubectl exec -n <namespace> <pod> -- ss -lntu`) needs the Service's, a lookup from the client needs the client's,
 * and the runbook's command does not say which. Filling the first one written puts the client's namespace into checks
 * of the Service, so `<namespace>` stays open instead. A Service's own checks still take its written namespace (see
 * `serviceCheckNamespace` in `placeholders.ts`).
 *
 * Pure: text in, data out.
 */

/** `<service>.<namespace>.svc[.cluster.local]` anywhere in the text (a URL, a log line, a lookup). */
const SERVICE_DNS_NAME = /(?<![\w.-])([a-z][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)\.svc(?![\w-])/gi;

/**
 * Services every cluster has, whose DNS names a report writes as a standard lookup or an API call
 * (`nslookup kubernetes.default.svc.cluster.local`, `kube-dns.kube-system.svc`): their namespaces are not the
 * report's objects' namespaces.
 */
const CLUSTER_SERVICES = new Set(['kubernetes.default', 'kube-dns.kube-system', 'coredns.kube-system']);

/**
 * The namespaces of the Services the text writes by DNS name (`redis.cache.svc.cluster.local` gives `cache`). A
 * Service written in two namespaces (`kafka.default.svc` beside `kafka.egeria.svc`: "the chart builds the wrong
 * names") is one Service the report contrasts namespaces for, not an end of the path: its namespaces are left out.
 */
export function serviceDnsNamespaces(text: string): string[] {
  const byService = new Map<string, Set<string>>();
  for (const match of text.matchAll(SERVICE_DNS_NAME)) {
    const service = (match[1] ?? '').toLowerCase();
    const namespace = (match[2] ?? '').toLowerCase();
    if (CLUSTER_SERVICES.has(`${service}.${namespace}`)) continue;
    byService.set(service, (byService.get(service) ?? new Set()).add(namespace));
  }
  const out: string[] = [];
  for (const namespaces of byService.values()) {
    if (namespaces.size !== 1) continue;
    for (const namespace of namespaces) if (!out.includes(namespace)) out.push(namespace);
  }
  return out;
}

/**
 * A value written only after a label key (`env=prod 命名空间中的 Pod`, `team=web namespace`): the namespace's label,
 * which the namespace reader takes for its name; it names no second namespace.
 */
function labelValueOnly(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = [...text.matchAll(new RegExp(`(?<![\\w.-])${escaped}(?![\\w-])`, 'gi'))];
  return (
    at.length > 0 &&
    at.every((match) => {
      const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
      return /[\w./-]=$/.test(before) && !/namespace=$/i.test(before);
    })
  );
}

/**
 * Whether `<namespace>` should stay open: the question names no pod (a named pod's namespace goes with it) and names
 * two or more namespaces, counting the namespaces of the Services it writes by DNS name.
 */
export function splitNamespaces(text: string, namespaces: readonly string[], podNamed: boolean): boolean {
  if (podNamed || namespaces.length === 0) return false;
  const all = new Set(
    namespaces
      .filter((namespace) => !labelValueOnly(text, namespace))
      .map((namespace) => namespace.toLowerCase()),
  );
  for (const namespace of serviceDnsNamespaces(text)) all.add(namespace);
  return all.size >= 2;
}
