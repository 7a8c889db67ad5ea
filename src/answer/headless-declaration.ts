/**
 * A headless Service has no virtual address: `kubectl get svc` prints `None` in its CLUSTER-IP cell
 * (`event-store-svc   ClusterIP   None   <none>   27017/TCP`), its spec says `clusterIP: None`. The word "ClusterIP"
 * written so is that row's TYPE cell or that spec's field, not the report speaking of a Service's virtual IP: an
 * address it dials by the Service's name (`connect ECONNREFUSED 10.1.87.44:27017`) is one of the pods behind it, no
 * ClusterIP to fill. Pure.
 */

const HEADLESS =
  /(?<![\w-])cluster\s*-?\s*ip(?:\s*[:=：]\s*["']?|\s+|\s*(?:为|是|设为|设置为|設為|設置為)\s*)["']?None(?![\w-])/gi;

/** The text with every headless declaration (`ClusterIP   None`, `clusterIP: None`, `clusterIP 为 None`) blanked. */
export function withoutHeadlessDeclarations(text: string): string {
  return text.replace(HEADLESS, (match) => ' '.repeat(match.length));
}
