/**
 * The API server's proxy to a Service: `/api/v1/namespaces/kube-system/services/https:kubernetes-dashboard:/proxy/`,
 * the legacy `/api/v1/proxy/namespaces/default/services/kibana:5601`. The report reaches that Service through the API
 * server, so the path names the Service on the failing path and its namespace, whatever other Services a pasted
 * listing shows. A plain API request (`GET /api/v1/namespaces/default/services/kubernetes`) reads the object, it
 * reaches no Service: not read, and neither is `kubectl cluster-info`'s list of the Services the API server proxies
 * (`KubeDNS is running at https://10.0.0.1:6443/api/v1/proxy/namespaces/kube-system/services/kube-dns`). Pure.
 */

const PROXY_PATH =
  /\/api\/v1\/(?:proxy\/namespaces\/([a-z0-9][a-z0-9-]{0,62})\/services\/(?:https?:)?([a-z][a-z0-9-]{0,62})(?![a-z0-9-])|namespaces\/([a-z0-9][a-z0-9-]{0,62})\/services\/(?:https?:)?([a-z][a-z0-9-]{0,62})(?::[a-z0-9-]*)?\/proxy(?![a-z0-9-]))/gi;

export interface ProxiedService {
  name: string;
  namespace: string;
  index: number;
}

/** `kubectl cluster-info`'s line right before a path: `<Name> is running at https://<api-server>`. */
const CLUSTER_INFO_BEFORE = /is running at\s+\S*$/i;

/** The Services the question reaches through the API server's proxy, in order. */
export function proxiedServices(text: string): ProxiedService[] {
  return [...text.matchAll(PROXY_PATH)]
    .filter(
      (match) => !CLUSTER_INFO_BEFORE.test(text.slice(Math.max(0, (match.index ?? 0) - 120), match.index)),
    )
    .map((match) => ({
      name: (match[2] ?? match[4] ?? '').toLowerCase(),
      namespace: (match[1] ?? match[3] ?? '').toLowerCase(),
      index: match.index ?? 0,
    }));
}
