/**
 * kube-proxy opens a Service's NodePort on every node's address, never on the Service's ClusterIP. An address written
 * with a port the question reads as a NodePort (`service IP 192.168.1.12:30449` beside `NodePort(30449)`) is therefore
 * a node's, however loosely the report names it: filled into `<cluster-ip>` it would point a check of the Service's
 * virtual address at a machine. Only an address written as a ClusterIP outright (`ClusterIP 10.96.5.5`, `cluster IP:
 * 10.96.5.5`) stays the Service's, the report then trying the NodePort on the wrong address. Pure.
 */

/** What this check needs of one mention of an address (see `IpMention` in `placeholders.ts`). */
export interface AddressPortMention {
  ip: string;
  port: number | null;
  clusterIp?: boolean;
}

/** Whether `ip` is written with one of the question's NodePorts and never as a ClusterIP. */
export function reachedOnNodePort(
  ip: string,
  mentions: readonly AddressPortMention[],
  nodePorts: readonly number[],
): boolean {
  const same = mentions.filter((mention) => mention.ip === ip);
  if (same.some((mention) => mention.clusterIp === true)) return false;
  return same.some((mention) => mention.port !== null && nodePorts.includes(mention.port));
}
