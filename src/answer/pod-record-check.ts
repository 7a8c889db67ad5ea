/**
 * The checks of one pod's own DNS record, for a report naming such a name (`zk-1.zk-headless.default.svc…`;
 * `pod-dns-name.ts`). That record exists only while the Service is headless and the pod's endpoint carries
 * its hostname, so its checks test the report's path: a lookup of one pod's name (`nslookup <pod>.<service-name>…`)
 * and the endpoints' hostnames (`kubectl get endpointslices … | grep -E 'addresses|hostname|ready'`); a lookup of the
 * Service name only shows the records that do exist. Pure.
 */

/** A lookup (`nslookup`, `dig`, `host`) whose name starts with one pod's label (`<pod>.` or `web-0.`). */
const LOOKS_UP_POD_NAME =
  /\b(?:nslookup|dig|host)\s+(?:(?:[+@-]\S+|[A-Z]{1,5})\s+)*(?:<pod(?:-name)?>|[a-z][a-z0-9-]*-\d+)\.[<a-z]/u;

/** A listing of endpoints or EndpointSlices that reads their `hostname` field. */
const READS_ENDPOINT_HOSTNAME = /\bget\s+(?:endpointslices?|endpoints|ep)\b[^\n]*\bhostname\b/u;

/** The check tests one pod's own DNS record: it looks up a pod's name, or reads the endpoints' hostnames. */
export function checksPodRecord(command: string): boolean {
  const first = command.split('\n')[0] ?? '';
  return looksUpPodName(first) || READS_ENDPOINT_HOSTNAME.test(first);
}

/**
 * The check looks up one pod's own name (`nslookup <pod>.<service-name>…`, `dig web-0.nginx…`): for a report naming
 * such a name it asks DNS for the very record the report's peers failed to find.
 */
export function looksUpPodName(command: string): boolean {
  return LOOKS_UP_POD_NAME.test(command.split('\n')[0] ?? '');
}
