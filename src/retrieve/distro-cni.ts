/**
 * A distribution that ships a CNI by default names that CNI when the report names no other: K3s, k3d (K3s in
 * Docker) and Talos run Flannel (VXLAN) unless told otherwise, and RKE2 runs Canal, whose datapath is Flannel's
 * flannel.1/8472. "RKE2 3 nodes, pods on different nodes cannot talk" is a Flannel report as surely as one saying
 * "flannel"; a reporter seldom names the CNI they never chose. A report that names a CNI, or says the default one
 * is switched off (`--flannel-backend=none`, `--no-flannel`, `cni: none`), keeps what it says. Pure.
 */
const DISTRO_DEFAULT: readonly { pattern: RegExp; cni: string }[] = [
  { pattern: /(?<![a-z0-9])(?:k3s|k3d|rke2|talos)(?![a-z])/i, cni: 'flannel' },
];

/** The default CNI switched off or replaced by the reporter's own. */
const DEFAULT_OFF =
  /flannel[-_]backend\s*[=:]\s*["']?none|--no-flannel|\bcni\s*[=:]\s*["']?(?:none|multus)|(?:disable|without)\s+(?:the\s+)?(?:default\s+)?(?:cni|flannel)|禁用\s*flannel|不用\s*flannel/i;

/**
 * The CNI a report's distribution implies, or null when the report names a CNI (`namedCnis`), names no
 * distribution with a default, or turns the default off.
 */
export function distroDefaultCni(text: string, namedCnis: readonly string[]): string | null {
  if (namedCnis.length > 0 || DEFAULT_OFF.test(text)) return null;
  return DISTRO_DEFAULT.find(({ pattern }) => pattern.test(text))?.cni ?? null;
}
