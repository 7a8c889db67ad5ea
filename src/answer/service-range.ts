/**
 * Whether a bare address lies in a Service range that installers pick by default: kubeadm's `10.96.0.0/12` (the
 * runbooks' typical value, which also holds EKS's `10.100.0.0/16`), k3s's and RKE's `10.43.0.0/16`, MicroK8s's
 * `10.152.183.0/24`. An application that pastes `dial tcp 10.104.53.216:5432: connect: no route to host` dialled a
 * Service's ClusterIP (its client read it from the Service's environment variables or an operator's status) unless
 * the report gives the address another role; the pod ranges these installers pick (`10.244.0.0/16`, `10.42.0.0/16`,
 * `10.1.0.0/16`) and the usual node networks lie outside them. Pure.
 */

/** The default Service ranges: network address and prefix length. */
const DEFAULT_SERVICE_RANGES: ReadonlyArray<readonly [network: string, prefix: number]> = [
  ['10.96.0.0', 12],
  ['10.43.0.0', 16],
  ['10.152.183.0', 24],
];

/** An IPv4 address as an unsigned 32-bit number, or null when it is not one. */
function toNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Whether the address lies in one of the default Service ranges (not its network address itself). */
export function inDefaultServiceRange(address: string): boolean {
  const value = toNumber(address);
  if (value === null) return false;
  return DEFAULT_SERVICE_RANGES.some(([network, prefix]) => {
    const base = toNumber(network) ?? 0;
    const size = 2 ** (32 - prefix);
    return value > base && value < base + size;
  });
}
