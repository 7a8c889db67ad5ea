/**
 * Whether a check tests an add-on the report never names. Pure.
 *
 * A second runbook's check enters an answer on a matched row or on shared words, and many such checks act on one
 * add-on: the DNS add-on (`kubectl -n kube-system logs -l k8s-app=kube-dns`, `nslookup …`), a CNI's agent
 * (`calico-node`, `cilium-dbg`, `kubectl ko …`) or kube-proxy (`/proxyMode`). When the report says nothing of that
 * add-on ("Cannot access kube-api (with Service-IP) from a pod", "k8s 服务访问 … dashboard"), the check tests a
 * component the report gives no reason to suspect, on a cluster that may not even run it (a Cilium check on a
 * cluster of unknown CNI). commands.ts leaves such checks of the second and third runbooks out, and those of the top
 * runbook too when another runbook scored nearly as high (the top one may well be the wrong one). Otherwise the
 * answer's own runbook keeps its checks of its add-on: a report answered from the Kube-OVN runbook may name only
 * `br-int` or `ko trace`, and one answered from the DNS runbook only a crash-looping pod.
 *
 * A report can point at an add-on without naming it: one saying a Service answers on its ClusterIP but not on its name
 * ("The ClusterIP ... can normally connect. If the redis service name cannot connect", "用 IP 可以访问，用服务名访问不通";
 * `name-not-address.ts`) has ruled out everything but the lookup, so the DNS checks (the client pod's resolv.conf)
 * test what it suspects, even when a close runbook makes the top one uncertain.
 *
 * Flannel is not one of these add-ons: its checks read the node's own bridge and VXLAN device (`cni0`,
 * `flannel.1`), which a report about pods on another node tests without naming flannel (measured: the one such check
 * left out was a labelled one).
 */

import { statesNameNotAddress } from './name-not-address.js';

interface AddOn {
  /** What a check of this add-on acts on, in its command line. */
  check: RegExp;
  /** How a report names the add-on, its CNI or what it serves. */
  named: RegExp;
  /** The add-on is a CNI: a cluster runs one of them, and a runbook about no CNI holds checks of several. */
  cni?: true;
  /** A report pointing at the add-on without naming it. */
  suspected?: (report: string) => boolean;
}

const ADD_ONS: readonly AddOn[] = [
  {
    check: /kube-dns|coredns|nslookup|resolv\.conf|port\s+53\b|(?<![\w-])dig\s/i,
    named:
      /dns|resolv|nslookup|(?<![\w-])dig(?![\w-])|域名|解析|name\s*server|lookup|\.svc\b|cluster\.local/i,
    // "The ClusterIP connects, the service name does not": what is left is the lookup of the name.
    suspected: statesNameNotAddress,
  },
  {
    check: /calico|tunl0|(?<![\w-])bird(?![\w-])/i,
    named: /calico|canal|tunl0|bgp|bird|ipip|felix|globalnetworkpolicy/i,
    cni: true,
  },
  { check: /cilium|(?<![\w-])hubble\s/i, named: /cilium|hubble/i, cni: true },
  {
    // A jsonpath escapes the annotation's dots (`k8s\\.ovn\\.org`). `ovn-default` is Kube-OVN's default subnet.
    check: /kubectl\s+ko\s|kube-ovn|ovn0|ovn-default|ovnkube|k8s\\?\.ovn\\?\.org|169\.254\.169/i,
    named: /ovn|ovs|br-int|geneve|vpc|kubectl\s+ko\s/i,
    cni: true,
  },
  // Case kept: `KUBE-PROXY-FIREWALL` is an iptables chain any Service check may read, not kube-proxy's own state.
  { check: /kube-proxy|10249|10256|proxyMode/, named: /kube-?proxy|ipvs|iptables|proxy\s*mode/i },
];

/** The check acts on an add-on (DNS, Calico, Cilium, OVN, kube-proxy) and the report names none it acts on. */
export function checksUnnamedAddOn(command: string, report: string): boolean {
  const text = report.normalize('NFKC');
  const actsOn = ADD_ONS.filter((addOn) => addOn.check.test(command));
  // A check naming several add-ons at once (`grep -E 'calico|cilium|kube-ovn'`) finds out which one runs.
  if (actsOn.length !== 1) return false;
  return !actsOn.some((addOn) => addOn.named.test(text) || addOn.suspected?.(text));
}

/**
 * The check acts on one CNI (Calico, Cilium, OVN) that neither the report nor the runbook holding the check names: a
 * runbook about no particular CNI (NetworkPolicy, egress) keeps a section per CNI, and on a report of unknown CNI their
 * checks, ranked on shared words ("deny", "egress"), took the places of the runbook's own checks of every cluster
 * (`kubectl describe networkpolicy`, the listing of which CNI runs).
 */
export function checksUnnamedCni(command: string, report: string, runbook: string): boolean {
  const actsOn = ADD_ONS.filter((addOn) => addOn.check.test(command));
  if (actsOn.length !== 1 || !actsOn[0]?.cni) return false;
  const text = report.normalize('NFKC');
  return !actsOn.some((addOn) => addOn.named.test(text) || addOn.named.test(runbook));
}

/** A check of MetalLB, the bare-metal LoadBalancer add-on (its `metallb-system` pods, speaker logs, address pools). */
const METALLB_CHECK = /metallb/i;
/**
 * How a report names MetalLB or what it serves: a LoadBalancer Service, its external IP or VIP, the address pools and
 * L2 / BGP announcements, the ARP replies for the VIP.
 */
const LOAD_BALANCER_NAMED =
  /metallb|speaker|load\s*-?balancer|external[-\s]?ips?\b|\bvip\b|l2\s*advert|layer\s*-?2|\bl2\b|\bbgp\b|\barp|ipaddresspool|address\s*pool|负载均衡|外部\s*ip/i;

/**
 * The check acts on MetalLB and the report names neither it nor a LoadBalancer Service: a NodePort or ClusterIP
 * report ("NodePort only answers on the master node") runs no MetalLB for that path, and the runbook's MetalLB section
 * shares its Service words.
 */
export function checksUnnamedLoadBalancer(command: string, report: string): boolean {
  return METALLB_CHECK.test(command) && !LOAD_BALANCER_NAMED.test(report.normalize('NFKC'));
}
