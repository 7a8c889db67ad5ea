/**
 * A Service's ClusterIP is virtual: kube-proxy's (or the CNI's) rules rewrite packets sent to it, and no interface of
 * any node or pod owns it, so nothing answers ARP for it. A check that sends ARP requests to the target (`arping -c 3
 * -I <iface> <target-ip>`, the MetalLB L2 check of a LoadBalancer address) asks for an address on the wire; filled
 * with a ClusterIP (`proxy-public LoadBalancer 100.70.36.147 <pending>`, the only address a report with no external IP
 * yet gives) it would always fail and say nothing of the report. Such a check keeps `<target-ip>` open. Pure.
 */

/**
 * What precedes an address written as a ClusterIP: a Service row's TYPE cell (`proxy-public   LoadBalancer
 * 100.70.36.147   <pending>`, where the EXTERNAL-IP cell follows it), or a ClusterIP field or word (`clusterIP:
 * 10.96.234.18`, `ClusterIP=10.0.0.5`, `cluster IP 10.96.0.10`, `集群 IP 10.96.0.10`). A load balancer's address is
 * written otherwise (`EXTERNAL-IP`, `LoadBalancer Ingress:`, `VIP（2.2.222.250）`).
 */
const CLUSTER_IP_BEFORE =
  /(?:(?<![\w-])(?:ClusterIP|NodePort|LoadBalancer)\s+|cluster[\s_-]?ips?\s*[:=]?\s*|集群\s*ip\s*[:：]?\s*)$/i;

/** The address right after `before` is written as a Service's ClusterIP. */
export function clusterIpBefore(before: string): boolean {
  return CLUSTER_IP_BEFORE.test(before);
}

/** `arping`, as a command word (not inside a longer word). */
const ARP_PROBE = /(?<![\w-])arping(?![\w-])/;

/** The command asks for the target's link-layer address: its target is an address on the wire. */
export function asksArpForTarget(commandText: string): boolean {
  return ARP_PROBE.test(commandText);
}
