/**
 * Roles in a check the runbooks run inside `<pod>` (`kubectl exec -n <namespace> <pod> -- nslookup ...`): that pod is
 * the client whose path is tested, which the cluster's add-ons never are. Pure helpers for `fillTemplate`.
 */

/**
 * The cluster DNS server's own pod (`coredns`, `coredns-5c98db65d4-qx4mq`, `kube-dns-2425271678-cqm2n`,
 * `nodelocaldns-8xk2p`): it answers the lookup a DNS check makes, it does not make it.
 */
const DNS_SERVER_POD = /^(?:coredns|kube-dns|nodelocaldns|node-local-dns)(?:-[a-z0-9]+)*$/i;

export function dnsServerPod(name: string): boolean {
  return DNS_SERVER_POD.test(name);
}

/** The command runs in a pod: `kubectl exec ... <pod> -- ...`, `oc exec`. */
const EXEC = /(?<![\w-])(?:kubectl|oc)\s+(?:\S+\s+)*?exec(?![\w-])/i;

export function runsInPod(command: string): boolean {
  return EXEC.test(command);
}

/** What the command runs in the pod is a name lookup or a read of its resolver setup. */
const LOOKUP = /(?<![\w-])(?:nslookup|dig|host|drill|getent\s+hosts)(?![\w-])|\/etc\/resolv\.conf/i;

/**
 * A lookup run in the DNS server's own pod (`kubectl exec -n kube-system coredns -- nslookup kubernetes.default`)
 * tests no client's path to it, and CoreDNS's image has no shell to run one: such a pod leaves `<pod>` open.
 */
export function lookupInDnsServer(command: string, pod: string | undefined): boolean {
  return pod !== undefined && dnsServerPod(pod) && runsInPod(command) && LOOKUP.test(command);
}

/**
 * The namespaces the cluster's own add-ons run in. Beside a `<pod>` the report does not name, such a namespace was
 * read from a command on an add-on (`kubectl -n kube-system get svc kube-dns`), not from the pod a check runs in.
 */
const SYSTEM_NAMESPACE =
  /^(?:kube-system|kube-flannel|calico-system|tigera-operator|metallb-system|cilium|ingress-nginx|istio-system|kube-public)$/i;

export function systemNamespace(namespace: string | undefined): boolean {
  return namespace !== undefined && SYSTEM_NAMESPACE.test(namespace);
}
