/**
 * Fills command placeholders (`<pod>`, `<namespace>`, `<target-ip>`, ...) from what the question names.
 * Pure: text in, data out.
 *
 * Extraction is deliberately conservative: a wrong fill is worse than a visible `<placeholder>`, so a name fills
 * only when the question presents it as an object (`pod/nginx`, `-n prod`, a quoted name, `pod named X`,
 * `名为 X 的 pod`, an object-shaped name next to the object word, a Latin name in Chinese prose) or when its
 * shape is unambiguous (Kubernetes-generated pod names, `node-03`/`worker2`-style node names). IPs fill the
 * placeholder of their role (pod, node, service, DNS server; source, destination). Every value is restricted to the
 * characters of an IPv4 address, a port number or a DNS-1123 name, so a filled command never gains shell
 * metacharacters from the question.
 */

import { rememberRecent } from '../core/recent.js';
import {
  IPV4,
  NAME,
  NAME_END,
  NODE_ROW,
  POD_ROW,
  rowStart,
  SERVICE_ROW,
  SHORT_NODE_ROW,
  SHORT_POD_ROW,
} from '../retrieve/listing-rows.js';
import {
  answeredAfter,
  backendPortsOf,
  dnsForwardTarget,
  dnsQueryServer,
  dnsRoleBefore,
  failsRightAfter,
  healthCheckPortsOf,
  loopbackProbePort,
  namespaceOfService,
  ownAddress,
  saysReached,
  socketPairSource,
  triedHostAddress,
} from './address-roles.js';
import { apiClientPrompt } from './admin-prompt.js';
import { appMemberNode } from './app-member-node.js';
import { withoutChartNotes } from './chart-notes.js';
import { listedWithNetworks } from './cidr-list.js';
import { addOnCommandNamespace } from './component-namespace.js';
import { deletedPod } from './deleted-pod.js';
import {
  addOnNamespace,
  ansibleHost,
  apiServerSetting,
  arpAsker,
  arpSought,
  attachmentNetwork,
  ciliumProxyAddress,
  codeSpanCommand,
  componentListings,
  componentName,
  conntrackReplySource,
  containerSpec,
  controlPlaneVip,
  countBefore,
  describedEndpoint,
  distributionAddOn,
  dnsQueryClient,
  dnsQueryQuotes,
  ephemeralPeer,
  healthyComponentPod,
  inNodePortRange,
  inPodListing,
  insidePod,
  interfaceAddress,
  interfaceFlag,
  ipvsRealServer,
  isFieldWord,
  isLoopback,
  namedByOtherKindBefore,
  namespaceAfterPod,
  natRewrite,
  nodeAddressLabel,
  nodePortsOf,
  ovsPortNumber,
  ovsPortWithoutDevice,
  partOfHostName,
  podGateway,
  podRoute,
  podWithoutNamespaceFlag,
  promptOnlyHost,
  quotedForOther,
  SERVICE_NODE_PORT,
  SERVICE_TYPE_NODEPORT,
  serviceOfFailingPort,
  siteHost,
  speaksOfNodePort,
  staticPodNode,
  versionBefore,
  withoutControlPlaneVip,
  writtenAsVariable,
} from './fill-roles.js';
import { forwardedLocalPorts } from './forwarded-port.js';
import { forwardedToSandbox, hashAndSuffixOnly, runtimeId, SAFE } from './generated-names.js';
import { quotedGroupName, quotedStateWord } from './group-names.js';
import { withoutHeadlessDeclarations } from './headless-declaration.js';
import { supposedName } from './hypothetical-name.js';
import { lookupInDnsServer, runsInPod, systemNamespace } from './in-pod-check.js';
import { installCommandNamespace } from './install-namespace.js';
import { allocationEntries } from './ipam-allocations.js';
import { ipvsTable, ipvsVirtualServer } from './ipvs-table.js';
import { misspeltKindWord } from './kind-typo.js';
import { kubectlDefaultServer } from './kubectl-default-server.js';
import { kubectlProxyPort } from './kubectl-proxy-port.js';
import { statusSyncPod } from './kubelet-status-sync.js';
import { columnHeaderEnd } from './listing-header.js';
import { logLocation } from './log-location.js';
import { reachedOnNodePort } from './node-port-address.js';
import { notStarted } from './not-started-pod.js';
import { numberedSiblings } from './numbered-siblings.js';
import { namesAnotherKind, workloadOfNamespaceBefore } from './other-kind-after.js';
import { logOwnEnd } from './own-end.js';
import { packageVersion } from './package-version.js';
import { writtenAsPodAddress } from './pod-address.js';
import { callsFromPod, listensInPod, type PodRole, podRole } from './pod-role.js';
import { podsPlacedAt } from './pods-node.js';
import { proseOnlyPodName } from './prose-pod-name.js';
import { proxiedServices } from './proxied-service.js';
import { quoteEndsLine } from './quote-line-end.js';
import { applicationPodInPlay, onlyPrefixOf, quotedAddOnPod } from './quoted-add-on-pod.js';
import { releasePrefixed } from './release-prefixed.js';
import { requestLogClient } from './request-log.js';
import { serviceNameOnly } from './service-not-pod.js';
import { splitNamespaces } from './split-namespaces.js';
import { statefulPodDnsName } from './stateful-pod-dns.js';
import { tableCellsSpaced } from './table-cells.js';
import { podBesideDialledName } from './target-backend.js';
import { typedCommandWorks } from './typed-works.js';
import { unameHostsLast } from './uname-host.js';
import { podsOfOtherWorkloads, workloadName } from './unroled-pod.js';
import { asksArpForTarget, clusterIpBefore } from './virtual-target.js';
import { workingWithListed } from './working-list.js';
import { workloadNamedAsPod, writtenPodsOf } from './workload-as-pod.js';

export type IpRole = 'pod' | 'node' | 'service' | 'dns';
export type IpDirection = 'source' | 'destination' | 'location';

export interface IpMention {
  ip: string;
  port: number | null;
  role: IpRole | null;
  direction: IpDirection | null;
  /**
   * The question says the path to this address works (`ping 10.33.188.142 (a node) works but ...`, `ping 8.8.8.8:
   * 64 bytes from 8.8.8.8`): it is the comparison, not the address that fails.
   */
  works?: boolean;
  /** An ARP request asks for this address (`who-has 169.254.1.1`). */
  arpSought?: boolean;
  /** Written as a Service's ClusterIP: its listing cell or a `ClusterIP:` field (see `virtual-target.ts`). */
  clusterIp?: boolean;
  /**
   * A DNS server the cluster forwards to, named as such (`upstream DNS server is 8.8.8.8`, `forward . 8.8.8.8`): it
   * fills `<dns-ip>`, and the target only where the question tries it.
   */
  upstream?: boolean;
  /** The server argument of `nslookup NAME ADDRESS` or `dig @ADDRESS`: it fills `<dns-ip>` where no other does. */
  dnsQueried?: boolean;
  /** Offset in the question. */
  index: number;
}

export interface Entities {
  ips: IpMention[];
  cidrs: string[];
  /** Ports in order of preference: explicitly named ones (`:6443`, `port 6443`, `6443端口`) before bare ones. */
  ports: number[];
  /** Of `ports`, those the question writes as a Service's NodePort (see `nodePortsOf`). */
  nodePorts?: number[];
  /** Of `ports`, those the question writes as a Service's own port or a backend's (see `backendPortsOf`). */
  backendPorts?: number[];
  /** Of `ports`, those the question writes as a health check's (see `healthCheckPortsOf`). */
  healthCheckPorts?: number[];
  /**
   * Ports of a component's own probe read on its loopback (see `loopbackProbePort`), and kubectl's fallback server
   * port (see `kubectlDefaultServer`): none is the target's port to check.
   */
  probePorts?: number[];
  /** The namespace the question gives the first Service itself (see `namespaceOfService`). */
  serviceNamespace?: { namespace: string; fromDns: boolean };
  pods: string[];
  /** The addresses the question writes as the first pod's own (see `pod-address.ts`). */
  podAddresses?: string[];
  /** The first pod's row shows its containers never started: no check runs inside it (see `not-started-pod.ts`). */
  podNotStarted?: boolean;
  /** The end of the failing path the report gives the first pod: the caller or the called (see `pod-role.ts`). */
  podRole?: PodRole;
  /** The report gives the first pod no role and names pods of other workloads too (see `unroled-pod.ts`). */
  podRoleOpen?: boolean;
  namespaces: string[];
  /**
   * The question names namespaces of different ends (a client's and a Service's) and no pod: `namespaces` is then
   * empty and only a check of the Service takes its written namespace (see `split-namespaces.ts`).
   */
  namespacesSplit?: boolean;
  nodes: string[];
  services: string[];
  ifaces: string[];
}

export interface Fill {
  placeholder: string;
  value: string;
}

export interface FilledCommand {
  command: string;
  fills: Fill[];
}

/**
 * The values to fill, keyed by lower-cased placeholder (`<pod>`), and beside them what the question says of one of
 * them that no placeholder carries.
 */
export interface FillValues extends ReadonlyMap<string, string> {
  /** The port to fill (`<port>`), when the question writes it as a Service's NodePort (see `nodePortElsewhere`). */
  readonly nodePort?: string;
  /** The port to fill, when the question writes it as a Service's or a pod's port (see `backendPortOnNode`). */
  readonly backendPort?: string;
  /** The port to fill, when the question writes it as a health check's (see `healthzOfOtherPort`). */
  readonly healthCheckPort?: string;
  /** The Service's own namespace, when the question gives one other than `<namespace>`'s (see `serviceCheckNamespace`). */
  readonly serviceNamespace?: string | null;
  /** The target address is a Service's ClusterIP, which no ARP request is answered for (see `virtual-target.ts`). */
  readonly targetIsClusterIp?: boolean;
  /** The target address is `<pod>`'s own: the pod is the destination (see `pod-address.ts`). */
  readonly podIsTarget?: boolean;
  /** `<pod>`'s containers never started: a check run inside it cannot run (see `not-started-pod.ts`). */
  readonly podNotStarted?: boolean;
  /** The end of the failing path `<pod>` is: a check of the other end leaves it open (see `pod-role.ts`). */
  readonly podRole?: PodRole;
  /** `<pod>` has no role among pods of other workloads: a check of either end leaves it open (see `unroled-pod.ts`). */
  readonly podRoleOpen?: boolean;
}

/** The values `placeholderValues` builds: a placeholder map with its named fields. */
export class PlaceholderValues extends Map<string, string> implements FillValues {
  nodePort?: string;
  backendPort?: string;
  healthCheckPort?: string;
  serviceNamespace?: string | null;
  targetIsClusterIp?: boolean;
  podIsTarget?: boolean;
  podNotStarted?: boolean;
  podRole?: PodRole;
  podRoleOpen?: boolean;
}

// --- lexical building blocks -------------------------------------------------------------------------------

/** An IPv4 address, optionally with `/prefix` (a CIDR) or `:port`; not part of a longer dotted number. */
const IP_PATTERN = new RegExp(
  `(?<![\\d.])(${IPV4})(?:/(\\d{1,2})(?!\\d)|:(\\d{1,5})(?!\\d))?(?!\\.?\\d)`,
  'g',
);

/** Characters that may not directly precede a name. */
const NAME_EDGE = '[a-z0-9_.\\-/]';

const ALL_SAFE = new RegExp(`^${SAFE}+$`);
/** `<deployment>-<pod-template-hash>-<suffix>` and `<daemonset|job>-<suffix>`. */
const GENERATED_POD = new RegExp(
  `(?<!${NAME_EDGE})([a-z][a-z0-9]*(?:-[a-z0-9]+)*?-(?:${SAFE}{6,10}-${SAFE}{5}|${SAFE}{5}))${NAME_END}`,
  'g',
);
/**
 * `node-03`, `node1`, `worker2`, `k8s-node1`, `master-01`, `kind-worker2`, `kind-control-plane`. A bare
 * `control-plane` is the role ("1 control-plane and 2 workers"), so it needs a cluster prefix or a number.
 */
const NODE_SHAPE = new RegExp(
  `(?<!${NAME_EDGE})((?:[a-z0-9]+-)*(?:node|worker|master|minion|compute|infra)-?\\d{1,4}[a-z0-9]*|(?:[a-z0-9]+-)+control-plane\\d*|control-plane\\d+)${NAME_END}`,
  'gi',
);

/** Words that follow `pod`/`node`/`service`/`namespace` in prose without being a name. */
const NOT_NAMES = new Set(
  `a an the to of on in at is are was be been can cannot cant could not no and or but with without from for by via into
  inside outside between across over under this that these those it its my our your their which what where how why when
  ip ips ipv4 ipv6 cidr cidrs subnet subnets network networks networking namespace namespaces name names port ports join
  mtu dns level status state logs log spec template selector selectors affinity label labels annotation annotations
  traffic packet packets route routes routing gateway interface interfaces address addresses mac local remote type
  account accounts mesh monitor endpoint endpoints endpointslice endpointslices discovery proxy policy policies
  isolation object objects resource resources list lists count restart restarts ready running pending failed
  crashloopbackoff evicted terminating unreachable notready down up error errors issue issues problem problems side level mode to-pod to-node
  get describe exec logs curl wget ping nslookup dig telnet nc ncat tcpdump traceroute ss netstat iptables ipvsadm
  conntrack kubectl ovs-vsctl ovs-ofctl ovn-trace ethtool ip-addr arp host hosts node nodes pod pods service services svc
  route sed awk grep cat head tail echo sort nft ipset ebtables arping tracepath mtr sysctl lsof brctl journalctl
  crictl docker nsenter ovs-appctl ovs-dpctl ovn-nbctl ovn-sbctl calicoctl cilium hubble
  cluster clusterip nodeport loadbalancer headless external internal default-route security group groups
  k8s k3s http https tcp udp icmp sctp ipip vxlan geneve bgp l2 l3 l4 l7 v1 v2 http2 h2 ok yes
  id ids uid uuid calico flannel canal weave antrea kubelet containerd dockerd felix bird confd typha
  ipvs firewalld ufw selinux apparmor systemd networkmanager nftables ebpf bpf xdp swap kernel dhcp nat snat dnat
  masquerade control-plane data-plane master-node worker-node switch still always just also again now even already
  sometimes successful successfully connection connections refused reset timeout timed
  hang hangs hung hanging fail fails failing work works worked working succeeds succeeded stalls stalled stuck
  freezes froze frozen errored times returns returned shows showed gives gave prints printed says said broken fine
  empty nothing netns normal regular ordinary plain usual`.split(/\s+/),
);

/**
 * A setting's value, not an object's name: YAML's and flags' booleans and empty values (`nodeSelector worker: "true"`,
 * `--node-label worker=true`, `POD-SELECTOR <none>`). Kubernetes allows these as names, but a report writes them
 * where a field or label takes a value, so the word after `worker`/`node` there is no node.
 */
const SETTING_VALUE = /^(?:true|false|null|nil|none|undefined|on|off|enabled|disabled)$/;
/** Shapes that are technology names rather than object names (`k8s`, `ipv6`, `http2`, `l7`). */
const TECH_WORD = /^(?:k8s|k3s|ipv[46]|http[23]?|h[23]|l[2-7]|v\d+|x86|arm64|amd64|s3|ec2|i\/o)$/;
/** "the 5th node", "2nd pod": a position, not a name. */
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
/**
 * A release, not an object: `v3.0.3`, `1.20.5`, `ubuntu18.04`, `v0.13.1-rc2` ("calico/node v3.0.3",
 * "6 nodes ubuntu18.04"). Kubernetes names with dots put letters after them (`node1.example.com`).
 */
const VERSION = /^[a-z]*-?v?\d+(?:\.\d+)+(?:[-+][a-z0-9.]*)?$/;
/**
 * A count of machines or replicas written as one word, not a name: "3 master 1worker节点", `2nodes`, `3replicas`.
 */
const COUNT_WORD = /^\d+(?:nodes?|workers?|masters?|minions?|hosts?|pods?|replicas?|vms?|cpus?|cores?)$/;
/** A count written with its magnitude (`3k节点`, `从4w扩容到6w`: thousands, 万): no name either. */
const MAGNITUDE_COUNT = /^\d+(?:k|w)$/;
/**
 * A file, not an object: `节点 resolv.conf` ("the node's resolv.conf"), `config.yaml`, `10-calico.conflist`. Reports
 * name the files they edit right after the object they belong to; no pod, node or Service is named so.
 */
const FILE_NAME = /\.(?:conf|conflist|ya?ml|json|toml|ini|cfg|env|sh|py|log|txt|service|pem|crt)$/;
/**
 * A name with a masked part, written for any object of its kind: `calico-node-xxxxx`, `kube-proxy-xxxxx`,
 * `coredns-xxxx-xxx` ("kubectl describe pod calico-node-xxxxx -n kube-system").
 */
const MASKED_NAME = /(?:^|-)(?:x{3,}|\*+)(?=-|$)/;
/** A Kubernetes UID (`d932ca48-8b58-11e8-a796-7625bd182864`, kubelet's `pod_workers.go` logs): an id, not a name. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An address with masked parts, not a name: `104.x.x.52` ("HOST 104.x.x.52"), `x.y.z.54`, `10.xx.0.4`. */
const MASKED_ADDRESS = /^(?:\d{1,3}|[a-z]{1,3}|\*)(?:\.(?:\d{1,3}|[a-z]{1,3}|\*)){3}$/;
/**
 * kubectl's AGE cell (`70m`, `6d13h`, `4m52s`), which a pasted listing puts right before the next header's `NAMESPACE`
 * or `NODE` (`... Running 0 70m` / `NAMESPACE NAME TYPE ...`): a duration, no object's name.
 */
const AGE_CELL = /^(?:\d+[dhms])+$/;

function isName(value: string): boolean {
  return (
    value.length >= 2 &&
    value.length <= 253 &&
    value === value.toLowerCase() &&
    /[a-z]/.test(value) &&
    !NOT_NAMES.has(value) &&
    !TECH_WORD.test(value) &&
    !SETTING_VALUE.test(value) &&
    !ORDINAL.test(value) &&
    !COUNT_WORD.test(value) &&
    !MAGNITUDE_COUNT.test(value) &&
    !FILE_NAME.test(value) &&
    !MASKED_NAME.test(value) &&
    !VERSION.test(value) &&
    !(MASKED_ADDRESS.test(value) && /\d/.test(value)) &&
    !/^\d+(?:\.\d+)*$/.test(value) &&
    !/\.\./.test(value) &&
    !UUID.test(value) &&
    !AGE_CELL.test(value) &&
    !isFieldWord(value)
  );
}

interface Match {
  value: string;
  index: number;
}

/**
 * A name cut short by an ellipsis (`kubectl logs pod/web-serve.. dial tcp ...`, `pod nginx-6d4cf…`): the report elided
 * the rest, so no object bears that name. `value` is the name as matched, with any dots after it, at `index`.
 */
function elided(text: string, value: string, index: number): boolean {
  return /\.{2}$/.test(value) || /^(?:\.{2}|…)/.test(text.slice(index + value.length));
}

function collect(
  text: string,
  pattern: RegExp,
  group = 1,
  accept: (value: string) => boolean = isName,
): Match[] {
  const found: Match[] = [];
  for (const match of matchAll(text, pattern)) {
    const value = match[group];
    if (value === undefined) continue;
    // Trailing dots belong to the sentence, not the name (`... pod nginx.`); an ellipsis cuts it short.
    if (elided(text, value, (match.index ?? 0) + match[0].indexOf(value))) continue;
    const trimmed = value.replace(/\.+$/, '');
    if (accept(trimmed)) found.push({ value: trimmed, index: (match.index ?? 0) + match[0].indexOf(value) });
  }
  return found;
}

/**
 * Object words, Latin and Chinese. A value fills `<pod>`, `<node-name>`, `<service-name>` or `<namespace>` only
 * when the question presents it as such an object (see `objectNames`): English prose puts verbs, adverbs and
 * pronouns after "pod", "node" or "service" ("the service works", "the node itself"), so a plain word there is
 * never taken; Chinese prose does not put Latin words there, so after `服务`/`节点`/`命名空间` (or before a
 * Chinese word) it is a name.
 */
type ObjectKind = 'pod' | 'node' | 'service' | 'namespace';
const LATIN_WORDS: Record<ObjectKind, string> = {
  pod: 'pods?',
  node: 'nodes?|hosts?|workers?',
  service: 'services?|svc',
  namespace: 'namespaces?|ns',
};
const CJK_WORDS: Record<ObjectKind, string> = {
  pod: '容器组|容器|pod\\s*名称|pod\\s*名稱|pod\\s*名',
  node: '节点|節點|宿主机|宿主機|主机|主機|物理机|物理機',
  service: '服务名称|服务名|服務名稱|服務名|服务|服務',
  namespace: '命名空间|命名空間|名称空间|名稱空間|名字空间',
};
const KINDS: ObjectKind[] = ['pod', 'node', 'service', 'namespace'];
const OPEN_QUOTE = '[`\'"“‘「『]';
const CLOSE_QUOTE = '[`\'"”’」』]';
const NAMED = '(?:named|called)';
const NAMED_CJK = '(?:名为|名為|名叫|叫做|名字是|名字叫|名称为|名稱為|名称是|名稱是|叫)';

/** The patterns of one object kind; group 1 is the name. */
interface KindPatterns {
  /** `pod/nginx`, `svc/api`: the kind is explicit. */
  slash: RegExp;
  /** The object word then a quoted or code-formatted name, or the name then the word. */
  quotedAfter: RegExp;
  quotedBefore: RegExp;
  /** `pod named X`, `名为 X 的 pod`, `pod 名为 X`. */
  named: RegExp;
  namedCjkBefore: RegExp;
  /** The object word then any name: its shape (digits, hyphens) or a Chinese context decides. */
  after: RegExp;
  /** A name right before the object word (`node-05 节点`, `nginx-0 pod`). */
  before: RegExp;
}

function kindPatterns(kind: ObjectKind): KindPatterns {
  // `calico/node`, `kube-ovn/pod`: the word ends an image or path name, it is no object word.
  // `zen.ping.unicast.hosts=es-discovery`: a dotted configuration key ends in the word, it is no object word either.
  // `node-ip`, `pod-cidr`, `host-network`, `service-name`: the word starts a compound that names a field or a setting,
  // no object ("ping6 node-ip do not work" names no node ping6).
  // `token?account=ci&service=harbor-registry`: a URL's query parameter is the application's own vocabulary, no object.
  const latin = `(?<![a-z0-9_.?&-]|[a-z0-9]/)(?:${LATIN_WORDS[kind]})(?![a-z0-9_]|-[a-z])`;
  const any = `(?:${latin}|${CJK_WORDS[kind]})`;
  const slashWords = {
    pod: 'pods?|po',
    node: 'nodes?|no',
    service: 'services?|svc',
    namespace: 'namespaces?|ns',
  }[kind];
  return {
    slash: new RegExp(`(?<![a-z0-9_/-])(?:${slashWords})/(${NAME})${NAME_END}`, 'gi'),
    quotedAfter: new RegExp(`${any}\\s*[:：]?\\s*${OPEN_QUOTE}(${NAME})${CLOSE_QUOTE}`, 'gi'),
    quotedBefore: new RegExp(`${OPEN_QUOTE}(${NAME})${CLOSE_QUOTE}\\s*(?:的\\s*)?${any}`, 'gi'),
    named: new RegExp(
      `${any}\\s*(?:${NAMED}|${NAMED_CJK})\\s*[:：]?\\s*${OPEN_QUOTE}?(${NAME})${NAME_END}`,
      'gi',
    ),
    namedCjkBefore: new RegExp(
      `${NAMED_CJK}\\s*${OPEN_QUOTE}?(${NAME})${CLOSE_QUOTE}?\\s*(?:的\\s*)?${any}`,
      'gi',
    ),
    after: new RegExp(`(${any})(?:\\s+|\\s*[:：=]\\s*)(${NAME})${NAME_END}`, 'gi'),
    before: new RegExp(`(?<!${NAME_EDGE})(${NAME})\\s*(的\\s*)?(${any})`, 'gi'),
  };
}

const PATTERNS = Object.fromEntries(KINDS.map((kind) => [kind, kindPatterns(kind)])) as Record<
  ObjectKind,
  KindPatterns
>;
const HAN = /\p{Script=Han}/u;

/**
 * Hyphenated words that name components, tools and topologies rather than objects the user owns
 * (`kube-proxy pod`, `cross-node pod`, `calico-node 节点`).
 */
const COMPONENT =
  /^(?:kube-|calico-|cilium-|ovn-|ovs-|ovnkube|flannel|antrea|weave|multus|coredns|core-dns|node-exporter|node-local|nodelocal|metrics-server|ingress-nginx|cross-|same-|inter-|intra-|host-|ip-in-ip|ipip|non-|multi-|dual-|in-|out-|pre-|re-|self-|well-|long-|short-|east-|north-|e2e|x509|tls-|anti-|auto-|semi-|counter-|co-|per-)|-to-/;

/**
 * A hyphenated phrase rather than a name: English joined by a conjunction or preposition (`snat-and-eip`,
 * `end-to-end`, `out-of-band`, `state-of-the-art`). Object names are nouns joined by hyphens.
 */
const PHRASE = /(?:^|-)(?:and|or|of|the|to|vs|versus)(?:-|$)/;

/** The value of a quoted `host:` field (see `siteHost`), `before` being the text up to the value. */
function quotedSiteHost(before: string, value: string): boolean {
  const field = /(?<![a-z])(hosts?)(\s*[:=：]\s*)["'`“‘]$/i.exec(before);
  return field !== null && siteHost(field[1] ?? '', field[2] ?? '', value, '');
}

/** A name whose shape says it is an object name: a digit, or a hyphen in a word that is not a component or a phrase. */
function hasObjectShape(value: string): boolean {
  if (!isName(value)) return false;
  if (/\d/.test(value)) return !TECH_WORD.test(value) && /[a-z]/.test(value);
  return value.includes('-') && !COMPONENT.test(value) && !PHRASE.test(value);
}

/** The first character after `index` that is not a space. */
function nextVisible(text: string, index: number): string {
  return text.slice(index).trimStart().charAt(0);
}

/**
 * What follows a name when the question says that object works ("service/kubernetes works fine", "node-02 上正常"):
 * it is the comparison, not the broken object, so it fills nothing. Up to the clause's end, with no failure word.
 * A list before the verb shares it ("node1, node2 is right", "node1 和 node2 上都正常"; see `working-list.ts`).
 */
const WORKS_NEXT =
  /^[^\s,.;，。；]*\s*(?:\S+\s+){0,2}?(?:works?|worked|working|is fine|are fine|is ok|is okay|(?:is |are )?(?:reachable|pingable)|(?:is |are )(?:right|correct)$|(?:can|could) (?:talk|communicate)|(?:go|goes|went|come|comes|came) up|起来了|起來了|上?[都也均]?正常|[都也均]?没问题|[都也均]?沒問題|是通的|[都也均]?能通|[都也均]?可以通)(?![a-z])/iu;
const CLAUSE_END = /[,.;，。；!?！？]|\s(?:but|while|whereas)\s|但/u;
const FAILS_NEAR =
  /不|没|無|无|失败|超时|(?<![a-z])(?:not?|never|fail\w*|can't|cannot|\w+n't|only)(?![a-z])/iu;

/**
 * What precedes a name or an address the question says things work on, from or at ("kubectl get nodes works on node-2
 * but pods on node-3", "curl works from 10.0.0.5", "while the pod itself answers on 10.244.1.9:8080"; "在 node-2 上正常"
 * is read after the name): the comparison, not the object or address that fails.
 */
const WORKS_ON_BEFORE =
  /(?<!(?:not|n't|never|longer)\s)(?<![a-z])(?:works?|worked|working|is fine|are fine|succeeds?|resolves?|answers|responds|replies|(?:is |are )?reachable)\s+(?:fine\s+|ok\s+|well\s+)?(?:on|at|from|via)\s+(?:the\s+)?(?:nodes?\s+|hosts?\s+|pods?\s+)?(?:(?:in|of)\s+(?:the\s+)?namespace\s+)?(?:ip\s+)?$/i;

function saysItWorks(text: string, match: Match): boolean {
  if (WORKS_ON_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index))) return true;
  const after = text.slice(match.index);
  const end = after.slice(match.value.length).search(CLAUSE_END);
  const clause = end === -1 ? after : after.slice(0, match.value.length + end);
  return WORKS_NEXT.test(clause) && !FAILS_NEAR.test(clause.slice(match.value.length));
}

/** Names the question presents as objects of each kind (see the rules at `LATIN_WORDS`), but not working ones. */
function objectNames(text: string): Record<ObjectKind, Match[]> {
  const found = presentedNames(text);
  for (const kind of KINDS) {
    const working = workingWithListed(text, found[kind], (match) => saysItWorks(text, match));
    found[kind] = found[kind].filter(
      (match) =>
        !working.has(match) && !elided(text, match.value, match.index) && !supposedName(text, match.index),
    );
  }
  return found;
}

/**
 * "a pod/container with IP 10.1.75.2", "node/host", "pods/vms", minikube's "The service/ingress wordpress requires
 * privileged ports": a slash between two kind words is "or", not kubectl's `pod/nginx` — the word after it is no
 * object's name.
 */
const KIND_WORD_AFTER_SLASH =
  /^(?:containers?|pods?|nodes?|hosts?|services?|svcs?|vms?|machines?|servers?|namespaces?|deployments?|workloads?|apps?|applications?|clusters?|instances?|ingress(?:es)?|routes?|gateways?|endpoints?|daemonsets?|statefulsets?|jobs?)$/i;

function presentedNames(text: string): Record<ObjectKind, Match[]> {
  const out: Record<ObjectKind, Match[]> = { pod: [], node: [], service: [], namespace: [] };
  for (const kind of KINDS) {
    const patterns = PATTERNS[kind];
    out[kind].push(
      ...collect(text, patterns.slash).filter(
        (match) => !KIND_WORD_AFTER_SLASH.test(match.value) && !misspeltKindWord(match.value),
      ),
    );
    for (const pattern of [patterns.quotedAfter, patterns.named, patterns.namedCjkBefore]) {
      out[kind].push(...collect(text, pattern));
    }
    // nginx's error log `, host: "shop.example.com"`, a quoted `Host: "..."` header: a site's name, no node.
    if (kind === 'node')
      out.node = out.node.filter(
        (match) => !quotedSiteHost(text.slice(Math.max(0, match.index - 12), match.index), match.value),
      );
    // `node "k8s-node3" pod cidr not assigned`: the node's name, before the pod CIDR field. `"toolbox" pods`: a group.
    out[kind].push(
      ...collect(text, patterns.quotedBefore).filter(
        (match) =>
          !quotedForOther(text, match.index, match.value) &&
          !namedByOtherKindBefore(text.slice(Math.max(0, match.index - 25), match.index), kind) &&
          !quotedGroupName(text, match.index, match.value) &&
          !quotedStateWord(match.value) &&
          !quoteEndsLine(text, match.index, match.value),
      ),
    );
    for (const match of text.matchAll(patterns.after)) {
      const word = match[1] ?? '';
      const value = (match[2] ?? '').replace(/\.+$/, '');
      const index = (match.index ?? 0) + match[0].lastIndexOf(match[2] ?? '');
      // A plain word is a name in Chinese prose: after a Chinese object word (`命名空间 shop`) or followed by
      // Chinese (`svc payment 调不通`, `ns prod 里`).
      const chinese = HAN.test(word) || HAN.test(nextVisible(text, index + value.length));
      const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index ?? 0);
      // `in namespace web`, `in ns payments`: the English pattern that names a namespace. A field (`describe`'s
      // `Namespace: kube-system`, YAML's `, namespace: prod`, `metadata.namespace=prod`) gives the namespace whatever its
      // shape; prose's "the default namespace: both DNS and ..." is no field (a word before it, not punctuation).
      const separator = match[0].slice(word.length, match[0].lastIndexOf(match[2] ?? ''));
      // "Below is resolv.conf inside pods\n\n7f57996d88-m6lzn:/app#": the object word ends its paragraph, and what starts
      // the next one (a prompt, a command's output) is not presented as that object. A line wrapped inside a sentence
      // ("I have a pod\nweb-0 that ...") still presents it.
      if (/\n[^\S\n]*\n/.test(separator)) continue;
      // `IP  NODE  NOMINATED NODE` then `web-0  1/1  Running ...`: a listing's header, the row's pod on the next line.
      if (columnHeaderEnd(word, separator)) continue;
      // A field follows punctuation or another field (`POD name:traefik-56b8c5fb5c-262tp namespace: kube-system`).
      const previous = text.slice(Math.max(0, (match.index ?? 0) - 120), match.index ?? 0).trimEnd();
      const field =
        FIELD_SEPARATOR.test(separator) &&
        (/^[A-Z]/.test(word) || !/[\p{L}\p{N}]$/u.test(previous) || /(?:^|\s)[\w.-]+[:=]\S+$/.test(previous));
      // "PODs in the namespace stuck in ContainerCreating": after "the" the namespace is already known and a plain
      // word is what it does; only "in namespace X" names it (an object-shaped name still does either way).
      const inNamespace =
        kind === 'namespace' && (/(?:^|\s)in\s+$/i.test(before) || (!HAN.test(word) && field));
      // `kubectl describe pod box -n default`, `kubectl get svc nginx`: in a kubectl command the name after the kind
      // is that object, whatever its shape (not when output follows on the line: `kubectl get pods default busybox`).
      const inCommand =
        /^\s+$/.test(separator) &&
        KUBECTL_KIND_BEFORE.test(text.slice(Math.max(0, (match.index ?? 0) - 80), match.index ?? 0)) &&
        COMMAND_ARG_END.test(text.slice(index + value.length));
      // "In the pod: apt-get install net-tools gives ...", "On the k3os node: kubectl get service": a colon after "in/on
      // the <object>" introduces what was run or seen there, not the object's name.
      if (
        /^\s*[:：]\s*$/.test(separator) &&
        PLACE_BEFORE_COLON.test(text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0))
      )
        continue;
      // "3 node microk8s cluster", "三节点 microk8s 集群": a count, the word after it is the cluster's kind.
      if (!inCommand && countBefore(text.slice(Math.max(0, (match.index ?? 0) - 16), match.index ?? 0), word))
        continue;
      // `Host: my-app.example.com`, `Could not resolve host: registry-1.docker.io`: a site's name, no node.
      if (kind === 'node' && siteHost(word, separator, value, before)) continue;
      // "节点 kube-proxy 日志报错": the component that runs there, no node or pod of that name.
      if (chinese && (kind === 'node' || kind === 'pod') && componentName(value, COMPONENT)) continue;
      if (addOnWorkloadAsPod(kind, value)) continue;
      // `argocd namespace: argocd-repo-server pod keeps failing`: the name is the pod's, its namespace the word before.
      // `argocd namespace: argocd-repo-server, argocd-redis`: the word before names the namespace, these its workloads.
      if (
        kind === 'namespace' &&
        !chinese &&
        (namesAnotherKind(text.slice(index + value.length)) ||
          workloadOfNamespaceBefore(text.slice(Math.max(0, index - 80), index), value))
      )
        continue;
      // `kubectl describe pod calico-node`, `kubectl get po coredns`: kubectl matches the word as a prefix of its pods'
      // names, so a component's workload name there is the whole DaemonSet or Deployment, no one pod to exec into.
      if (inCommand && kind === 'pod' && COMPONENT.test(value) && !isGeneratedPodName(value)) continue;
      if (
        hasObjectShape(value) ||
        ((chinese || inNamespace || inCommand) && isName(value) && !PHRASE.test(value))
      )
        out[kind].push({ value, index });
    }
    for (const match of text.matchAll(patterns.before)) {
      const value = (match[1] ?? '').replace(/\.+$/, '');
      const word = match[3] ?? '';
      // "microk8s pods", "node-05 pods": a word before a plural says which group, it names no one object.
      if (PLURAL_WORD.test(word)) continue;
      // `kubectl port-forward svc/grafana`, `describe pod/web-0`: the name follows the slash, the word before is the verb.
      if (text.charAt((match.index ?? 0) + match[0].length) === '/') continue;
      // `name:traefik-56b8c5fb5c-262tp namespace: kube-system`: the word is a field's key, the name before it is the
      // previous field's value.
      if (FIELD_VALUE_NEXT.test(text.slice((match.index ?? 0) + match[0].length))) continue;
      // `nginx-service 的主机`, `web-1 的 pod`: 的 makes the name the owner (the host of nginx-service), not the
      // object; `prod 的命名空间` still names the namespace.
      if (match[2] !== undefined && kind !== 'namespace') continue;
      // `volume config-volume pod coredns-...`, `namespace my-app pod web-0`: the kind word before the name says whose
      // name it is (see `namedByOtherKindBefore`).
      if (namedByOtherKindBefore(text.slice(Math.max(0, (match.index ?? 0) - 24), match.index ?? 0), kind))
        continue;
      // `prod 命名空间` names a namespace; before other words only an object-shaped name does (`kube-ovn 节点` is no node).
      if (addOnWorkloadAsPod(kind, value)) continue;
      const ok = kind === 'namespace' && HAN.test(word) ? isName(value) : hasObjectShape(value);
      if (ok) out[kind].push({ value, index: match.index ?? 0 });
    }
  }
  return out;
}

const PLURAL_WORD = /^(?:pods|nodes|hosts|workers|services|namespaces)$/i;
/** "in the", "on the k3os", "inside a": the object word that follows is a place, as in "In the pod: apt-get ...". */
const PLACE_BEFORE_COLON =
  /(?:^|[\s.,;:!?。，；：])(?:in|inside|on|within|from)\s+(?:the|a|an|my|this|that|each|every|one)\s+(?:[\w-]+\s+)?$/i;
/** A kubectl command up to the kind of the object it names (`kubectl -n prod describe `). */
const KUBECTL_KIND_BEFORE =
  /(?:^|[\s`'"(|;$])(?:kubectl|oc)\s+(?:(?:-n|--namespace|--context)(?:\s+|=)\S+\s+)*(?:get|describe|delete|edit|expose|label|annotate|patch)\s+(?:-\S+\s+)*$/i;
/** What may follow a command's argument: the command's end, another flag, or the prose about it. */
const COMMAND_ARG_END =
  /^(?:\s*$|\s*[;,:|)`'"。，；：]|\s+-{1,2}[a-z]|\s+(?:and|but|shows?|gives?|returns?|says|prints?|outputs?)(?![a-z]))/i;
/** A field separator right after a field name: `Namespace: kube-system`, `namespace=prod`. */
const FIELD_SEPARATOR = /^\s*[:=]\s*$/;
/** What follows an object word used as a field's key: a separator, then its value. */
const FIELD_VALUE_NEXT = /^[:=]\s*[a-z0-9]/i;

/** Interface names ("the pod eth0 has mtu 1500", "node cni0") are never pods, nodes, services or namespaces. */
const IFACE_LIKE =
  /^(?:eth|ens|enp|eno|enx|bond|team|wlan|veth|br-|genev_sys|vxlan|flannel\.|cali[0-9a-f]{8,}$|cilium_|tunl|docker\d|cni\d|ovn0$|lo$|net\d+$)/;

/** `prod/nginx-7d9f8b6c5-x2x9q`: namespace/pod, when the right side is a pod (generated name or after `pod`). */
const NS_SLASH_POD = new RegExp(`(?<!${NAME_EDGE})(${NAME})/(${NAME})${NAME_END}`, 'gi');
/** `-n prod`, `--namespace prod`, `--namespace=prod`. */
/**
 * Where `kubectl describe` and kubelet name a node and a pod: an event's source `kubelet, k8s-node131` (the node the
 * kubelet runs on), a pod's `Node: kc0/192.168.11.110`, and kubelet's `coredns-78fcdf6894-4kv6n_kube-system(<uid>)`
 * (pod, namespace and UID).
 */
const KUBELET_EVENT_NODE = new RegExp(`(?<![\\w-])kubelet,\\s+(${NAME})${NAME_END}`, 'gi');
const DESCRIBE_NODE = new RegExp(`(?<![\\w-])node[:：]\\s*(${NAME})/${IPV4}(?![\\d.])`, 'gi');
/** `uname -a`'s `Linux wd-test-m1 4.13.9-coreos`: the host's name before its kernel release. */
const UNAME_HOST = new RegExp(`(?<![\\w-])Linux\\s+(${NAME})\\s+\\d+\\.\\d+\\.\\d+-`, 'g');
const KUBELET_POD = new RegExp(
  `(?<!${NAME_EDGE})([a-z0-9][a-z0-9.-]*)_([a-z0-9][a-z0-9-]*)\\([0-9a-f]{8}-[0-9a-f]{4}-`,
  'gi',
);
const NAMESPACE_FLAG = new RegExp(`(?<![\\w-])(?:-n|--namespace)(?:\\s+|=)(${NAME})${NAME_END}`, 'gi');
/** `<service>.<namespace>.svc`, optionally with the cluster domain: a Service's DNS name. */
const SERVICE_DNS = /^([a-z][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)\.svc(?:\.[a-z0-9.-]+)?$/;
const WELL_KNOWN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
/**
 * `default/kubernetes` (kube-proxy's `"default/kubernetes:https cluster IP"` comment, klog's `service="default/kubernetes"`)
 * is the API server's own Service, in every cluster's dumps: its `default` is no namespace of the pod or Service the
 * report is about (a failing calico-node pod lives in kube-system), and `kubectl exec -n default <pod>` would be wrong.
 */
function isApiServerService(ns: string, name: string): boolean {
  return ns.toLowerCase() === 'default' && name.toLowerCase() === 'kubernetes';
}
/** Resource kinds and their short names, as `kubectl get all` writes them before a slash (`po/nginx`, `svc/api`). */
const KIND_PREFIX =
  /^(?:po|pods?|svc|services?|deploy|deployments?(?:\.apps)?|ds|daemonsets?(?:\.apps)?|rs|replicasets?(?:\.apps)?|sts|statefulsets?(?:\.apps)?|rc|jobs?(?:\.batch)?|cronjobs?|no|nodes?|ns|namespaces?|ep|endpoints|cm|configmaps?|secrets?|ing|ingress(?:es)?|pvc?|hpa|sa|serviceaccounts?|networkpolic(?:y|ies)|netpol)$/;
/**
 * `:https"`, `:dns` before the end of a comment: the port name ending kube-proxy's quoted `namespace/service:port` (a
 * log field, an iptables comment), or what kube-proxy writes after it in the comment ("default/kubernetes:https cluster
 * IP", "ns/web:http -> 10.233.65.35:8080"). An image's `:v3.6.5` or `:latest` tag is not quoted that way.
 */
const SERVICE_PORT_NAME =
  /^:[a-z][a-z0-9-]*(?:\s*\*\/|["']|\s+(?:cluster IP|external IP|loadbalancer IP|nodePort|health check node port|has no local endpoints|->)(?![a-z]))/i;
/**
 * `wbitt/network-multitool:latest`, `calico/node:v3.26.1`, `library/busybox:1.36`, `nginx@sha256:...`: an image's tag
 * or digest right after `repo/name`, so the pair is an image reference (a registry path and a name), no namespace and
 * pod. A bare number after the colon (`prod/web:8080`) is a port and stays a pod's.
 */
const IMAGE_TAG_AFTER = /^(?::(?:latest|stable|v\d[\w.+-]*|\d+\.\d+[\w.+-]*)|@sha256:)(?![\w/])/i;
/** The image word or flag right before `repo/name`: `--image=nicolaka/netshoot`, `image: bitnami/redis`, `镜像 x/y`. */
const IMAGE_WORD_BEFORE =
  /(?:(?<![a-z])image[s]?\s*[:=]?\s*|--image[=\s]\s*|docker\s+pull\s+|镜像\s*[:：]?\s*)$/i;
/**
 * A kind word right before `namespace/name`: the name is that kind's, not a pod's. Logs write the kind as a field or
 * quote the name (`no endpoints available for service "default/nginx"`, klog's `service="default/kubernetes"`,
 * a controller's work-queue `key="default/nginx"`, whose kind the log does not say).
 */
const OTHER_KIND_BEFORE =
  /(?:^|[^a-z-])(?:lease|leases|configmaps?|cm|secrets?|services?|svc|deployments?|daemonsets?|statefulsets?|endpoints|endpointslices?|ingress|networkpolicy|netpol|serviceaccount|job|key|(?:default-)?backend(?:-service)?|net-attach-def|network-?attachment-?definitions?)(?:\s+|\s*[:=]\s*)?(?:(?<=\s)|["'“])$/i;
/**
 * Tools whose `-n` is not a namespace (numeric output, a count, a network namespace, no newline): `arp -n`,
 * `route -n`, `iptables -L -n`, `ip -n ns1`, `ping -n`, `head -n 20`. Their `-n` names nothing to fill.
 */
const OTHER_N_TOOL =
  /(?:^|[\s`'"(|;$])(?:arp|route|netstat|ss|iptables(?:-save|-legacy|-nft)?|ip6tables(?:-save)?|nft|tcpdump|ipvsadm|ip|sed|head|tail|echo|sort|uniq|conntrack|nc|ncat|ping|arping|traceroute|tracepath|mtr|dig|nslookup|host|sysctl|lsof|ethtool|bridge|brctl|ipset|ebtables|journalctl|grep|xargs|nsenter|crictl|docker|curl|wget)(?=\s)[^,.;!?，。；`|]*$/i;
/** A kubectl-like command: its `-n` is the namespace. */
const NAMESPACED_TOOL =
  /(?:^|[\s`'"(|;$])(?:kubectl|oc|helm|k|calicoctl|cilium|hubble|kubens|kubectl-ko)(?=\s)[^,.;!?，。；`|]*$/i;

/** A kubectl-like tool anywhere in a quoted command (`sudo kubectl get pods -l app=web.v2 -n shop`). */
const NAMESPACED_TOOL_WORD =
  /(?:^|[\s$#|;(])(?:kubectl|oc|helm|k|calicoctl|cilium|hubble|kubens|kubectl-ko|istioctl|linkerd)(?=\s)/i;

/** `kubectl exec`, `logs`, `attach` and `port-forward`: their first argument is a pod (`pod/x` too, not `deploy/x`). */
/** Chinese prose runs a command on from its punctuation (`验证 dns 解析。kubectl exec busybox -- nslookup`, `：kubectl`). */
const KUBECTL_POD_COMMAND =
  /(?:^|[\s`'"(|;$:：；，。、])(?:kubectl|oc)\s+(?:exec|logs|attach|port-forward)\s+/gi;
/** Flags of those commands that take a value as the next word; a selector means no one pod is named. */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-c',
  '--container',
  '--tail',
  '--since',
  '--context',
  '-l',
  '--selector',
]);
const POD_ARG = new RegExp(`^(?:(?:pods?|po)/)?(${NAME})$`, 'i');

/**
 * Whether a plain word after `kubectl exec` / `logs` is the pod argument of a typed command, not the prose around
 * the command's name ("kubectl exec works but curl times out", "kubectl logs fails with timeout"): the command goes
 * on with a flag, `--` or a tool run in the pod, or ends with its line.
 */
function typedAsCommand(token: string, rest: string): boolean {
  if (/[,.;:!?]\s*$/.test(token)) return false;
  return rest === '' || token.includes('\n') || /^-/.test(rest) || IN_POD_TOOL.test(rest);
}

/** Tools run inside a pod right after its name in old `kubectl exec pod cmd` syntax. */
const IN_POD_TOOL =
  /^(?:nslookup|dig|curl|wget|ping|cat|sh|bash|ash|ip|nc|telnet|traceroute|env|ls|ps|netstat|ss|host)\b/;

/** The pods kubectl commands in the question act on: `kubectl exec -it box -- nslookup`, `kubectl logs -f -n ns x`. */
function kubectlPodArgs(text: string): Match[] {
  const found: Match[] = [];
  const working: Match[] = [];
  for (const command of matchAll(text, KUBECTL_POD_COMMAND)) {
    const start = (command.index ?? 0) + command[0].length;
    let offset = start;
    for (const token of text.slice(start, start + 160).split(/(?<=\s)(?=\S)/)) {
      const word = token.trim();
      const at = offset;
      offset += token.length;
      if (word === '--' || word === '' || /^[;|&]/.test(word)) break;
      if (VALUE_FLAGS.has(word.toLowerCase())) {
        if (/^(?:-l|--selector)$/i.test(word)) break;
        continue;
      }
      if (word.startsWith('-')) continue;
      // The word after a value flag is that flag's value.
      const previous = text.slice(start, at).trim().split(/\s+/).at(-1) ?? '';
      if (VALUE_FLAGS.has(previous.toLowerCase())) continue;
      // `kubectl logs pod/web-serve..`: a name cut short names no pod.
      if (/\.{2}|…/.test(word)) break;
      const pod = POD_ARG.exec(word.replace(/[,.;:]+$/, ''))?.[1];
      // `kubectl logs coredns`: a component's name typed for its pods names no one pod.
      const named =
        pod !== undefined &&
        isName(pod) &&
        (!COMPONENT.test(pod) || isGeneratedPodName(pod)) &&
        (!/^[a-z]+$/i.test(pod) || typedAsCommand(token, text.slice(offset)));
      if (named)
        (typedCommandWorks(text.slice(offset)) ? working : found).push({
          value: pod,
          index: at + word.indexOf(pod),
        });
      break;
    }
  }
  // `kubectl exec -ti busybox1 -- nslookup kubernetes.default works fine; kubectl exec -ti busybox2 ...`: beside another
  // pod's command, the one that works is the comparison (see `typed-works.ts`); alone, it is the pod the report is in.
  const others = found.filter((match) => !working.some((works) => works.value === match.value));
  return others.length > 0 ? others : [...found, ...working].sort((a, b) => a.index - b.index);
}

/** `-n X` / `--namespace X` of a kubectl-like command or of no command at all, not of `arp -n`. */
function namespaceFlags(text: string): Match[] {
  return collect(text, NAMESPACE_FLAG).filter((match) => {
    if (readsConfigOnly(text, match.index)) return false;
    if (installCommandNamespace(text, match.index)) return false;
    // A quoted command's `-n` is its tool's: `netctl net create -n data` names a network, not a namespace.
    const quoted = codeSpanCommand(text, match.index);
    if (quoted !== undefined && !NAMESPACED_TOOL_WORD.test(quoted)) return false;
    const flag = text.lastIndexOf('-n', match.index);
    if (flag === -1 || text.startsWith('--namespace', flag - 1)) return true;
    const before = text.slice(Math.max(0, flag - 80), flag);
    const other = OTHER_N_TOOL.exec(before);
    if (!other) return true;
    // The nearest command decides: `kubectl exec ... -- ip -n` is ip's, `ip a; kubectl -n` is kubectl's.
    const namespaced = NAMESPACED_TOOL.exec(before);
    return namespaced !== null && namespaced.index > other.index;
  });
}

/** A kubectl command that reads or edits a ConfigMap (`kubectl -n kube-system get cm kube-flannel-cfg -o yaml`). */
const CONFIGMAP_COMMAND = /(?<![\w-])(?:get|describe|edit|patch)\s+(?:cm|configmaps?)(?:\/|\s)/i;
/** A command that runs in or reads a pod, Service or workload: its namespace is theirs. */
const WORKLOAD_COMMAND =
  /(?<![\w-])(?:exec|logs|attach|port-forward|pods?|po|svc|services?|deploy(?:ments?)?|ds|daemonsets?|sts|statefulsets?|endpoints|ep)(?![\w-])/i;

/**
 * The `-n` of a command that only reads a ConfigMap (`kubectl -n kube-system get cm kube-flannel-cfg -o yaml | grep
 * Network`): the namespace the configuration is kept in, which a report pastes to show its settings, not the namespace
 * of the pod or Service the report is about (a K3s node's flannel has no pod there; `kubectl exec -n kube-system <pod>`
 * for an application pod would be wrong).
 */
function readsConfigOnly(text: string, index: number): boolean {
  const start = Math.max(text.lastIndexOf('kubectl', index), 0);
  const rest = text.slice(index);
  const end = rest.search(/[;|，。；\n]|\s(?:and|then|再查|然后)\s/);
  const command = text.slice(start, end === -1 ? text.length : index + end);
  return CONFIGMAP_COMMAND.test(command) && !WORKLOAD_COMMAND.test(command);
}

const IFACE_AFTER =
  /(?:(?<![a-z0-9_-])(?:interface|iface|nic|dev|-i)\s+|(?:物理网卡|物理網卡|网卡|網卡|网口|網口|接口)\s*[:：]?\s*)([a-z][a-z0-9_.-]{0,14})(?![a-z0-9_.-])/gi;
/** A route line up to its device: `10.244.1.0/24 via 10.244.1.0 dev `, `10.233.95.56 0.0.0.0 ... dev `. */
const ROUTE_DEV_BEFORE = /\d+\.\d+\.\d+\.\d+(?:\/\d{1,2})?\s+(?:via\s+\S+\s+)?dev\s+$/i;
const PHYSICAL_NIC = /^(?:eth|ens|enp|eno|enx|em|bond|team|wlan)\d/;
/**
 * A tunnel's own device (`tunl0`, `flannel.1`, `vxlan.calico`, `cilium_vxlan`, `genev_sys_6081`, `wireguard.cali`) or
 * kube-proxy's dummy `kube-ipvs0`: the runbooks' `<iface>` captures the encapsulated packets where they leave the host
 * (`tcpdump -i <iface> 'ip proto 4'`, `udp port 8472`, a NodePort's `tcp port <port>`), which the tunnel device never
 * carries. A report that captured on `tunl0` names its own try, not the interface the command wants: the placeholder
 * stays for the reader to fill with the NIC.
 */
const TUNNEL_DEVICE =
  /^(?:tunl\d|flannel[.\d]|flannel-wg|vxlan[._]calico|vxlan_sys_|genev_sys_|cilium_(?:vxlan|geneve|wg)|wireguard\.|kube-ipvs\d)/i;
const IFACE_SHAPE =
  /(?<![a-z0-9_.-])((?:ens|enp|eno|enx|bond|eth)[0-9][a-z0-9_.]*|(?:ens|enp|eno)[a-z0-9]*\d[a-z0-9_.]*)(?![a-z0-9_.-])/gi;

// --- listings ------------------------------------------------------------------------------------------------

/** One row of a pasted `kubectl get pods`, `get nodes` or `get svc` listing, as offsets in the question. */
interface ListingRow {
  kind: 'pod' | 'node' | 'service';
  start: number;
  end: number;
  /**
   * Not ready or a status other than Running/Completed (a pod), NotReady or cordoned (a node), an EXTERNAL-IP still
   * `<pending>` (a Service).
   */
  failing: boolean;
  name: string;
  /** The NAMESPACE column of `kubectl get pods -A` before the row's name. */
  namespace?: string;
  /** Where a Service row's CLUSTER-IP cell is. */
  clusterIpAt?: number;
  /** A pod row's NODE cell (`-o wide`, or a retyped row's `on k8s-master`) and where it is. */
  node?: Match;
  /** A pod row whose STATUS shows its containers never started (see `not-started-pod.ts`). */
  notStarted?: boolean;
}

/**
 * A pod row retyped into prose with the node it runs on (`coredns-757f4547d9-g6hd8 0/1 ContainerCreating on
 * k8s-master`, `kube-flannel-ds-8qlg9 0/1 Init:0/1 on k8s-master`): NAME, READY, STATUS, then `on` and the NODE cell.
 */
const RETYPED_POD_ROW_ON_NODE = new RegExp(
  `(?<![\\w./-])(?<name>[a-z0-9]+(?:[.-][a-z0-9]+)*-[a-z0-9]+)\\s+(?<ready>\\d+)/(?<total>\\d+)\\s+(?<status>[A-Z][A-Za-z]+(?::\\d+/\\d+)?)(?:\\s+\\d+)?\\s+on\\s+(?<node>${NAME})${NAME_END}`,
  'g',
);

/**
 * A `kubectl get pods -o wide` row retyped as NAME, IP and NODE (`default curl-6bf6db5c4f-kgh8c 172.16.1.15
 * dmzy-node-01;`): no status, so not failing; the row ends at a `;`, `,`, a sentence's end or the text's, or where
 * the report elides the rows between (`… `, `...`) or closes its brackets around them.
 */
const RETYPED_POD_ROW_WIDE = new RegExp(
  `(?<![\\w./-])(?<name>[a-z0-9]+(?:[.-][a-z0-9]+)*-[a-z0-9]+)\\s+${IPV4}\\s+(?<node>${NAME})(?=\\s*[;,；，。…)）]|\\s*\\.\\.\\.|\\.(?:\\s|$)|\\s*$)`,
  'gu',
);

/**
 * A `kubectl get pods -o wide` row retyped without its RESTARTS cell (`cilium-2s2h4 1/1 Running 5d10h 10.100.0.1
 * master1`): NAME, READY, STATUS, AGE, IP and NODE.
 */
const RETYPED_POD_ROW_AGED = new RegExp(
  `(?<![\\w./-])(?<name>[a-z0-9]+(?:[.-][a-z0-9]+)*-[a-z0-9]+)\\s+(?<ready>\\d+)/(?<total>\\d+)\\s+(?<status>[A-Z][A-Za-z]+(?::\\d+/\\d+)?)\\s+\\d+[smhdy]\\w*\\s+${IPV4}\\s+(?!\\d)(?<node>${NAME})${NAME_END}`,
  'g',
);

/** The NODE cell of a row match, where the pattern has one (`<none>` and addresses are no node). */
function nodeCell(match: RegExpMatchArray): Match | undefined {
  const node = match.groups?.node;
  if (node === undefined || !isName(node)) return undefined;
  const at = (match.index ?? 0) + match[0].lastIndexOf(node);
  return { value: node.toLowerCase(), index: at };
}

/** The TYPE and CLUSTER-IP cells of a Service row. */
const SERVICE_ROW_CLUSTER_IP = new RegExp(`(?:ClusterIP|NodePort|LoadBalancer)\\s+(${IPV4})`);
/** The NAMESPACE cell right before a row (`...; kube-system coredns-...`, `-o wide: default nginx-...`). */
const ROW_NAMESPACE_BEFORE = /(?:^|[;:\n])\s*([a-z0-9][a-z0-9-]*)\s+$/;

/**
 * A pod row not ready or in a status other than Running; a finished pod (a Job's, a helm install's: `0/1 Completed`)
 * is not ready by design, not failing.
 */
function podRowFailing(ready: string, total: string, status: string): boolean {
  const done = /^(?:Completed|Succeeded)$/i.test(status);
  return !done && (Number(ready) < Number(total) || !/^Running$/i.test(status));
}

const GET_NODES = /(?<![\w-])get\s+(?:nodes?|no)(?![\w-])(?:\s+-o\s*wide)?/gi;
const NEXT_COMMAND = /(?<![\w-])(?:kubectl|k)\s+(?:get|describe|logs|exec|top)\s|\[[^\]\n]*@[^\]\n]*\][#$]/i;

/** The stretches of text right after a `kubectl get nodes` command, up to the next command: where its rows are. */
function nodeListings(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of matchAll(text, GET_NODES)) {
    const from = (match.index ?? 0) + match[0].length;
    const next = NEXT_COMMAND.exec(text.slice(from));
    spans.push([from, next ? from + next.index : text.length]);
  }
  return spans;
}

/** Every row of the `kubectl get` listings the question pastes. */
function pastedRows(text: string): ListingRow[] {
  const rows: ListingRow[] = [];
  for (const match of matchAll(text, POD_ROW)) {
    // The row's own cells: its NAMESPACE cell is read apart (`ROW_NAMESPACE_BEFORE`).
    const start = rowStart(match);
    const { name = '', ready = '0', total = '0', status = '' } = match.groups ?? {};
    const failing = podRowFailing(ready, total, status);
    const namespace = ROW_NAMESPACE_BEFORE.exec(text.slice(Math.max(0, start - 64), start))?.[1];
    const row: ListingRow = {
      kind: 'pod',
      start,
      end: (match.index ?? 0) + match[0].length,
      failing,
      name: name.toLowerCase(),
      notStarted: notStarted(status),
    };
    if (namespace !== undefined && isName(namespace) && namespace !== row.name) row.namespace = namespace;
    const node = nodeCell(match);
    if (node !== undefined) row.node = node;
    rows.push(row);
  }
  // Rows retyped with their node (see `RETYPED_POD_ROW_ON_NODE`, `RETYPED_POD_ROW_AGED`, `RETYPED_POD_ROW_WIDE`) list
  // pods as the full rows do.
  for (const pattern of [RETYPED_POD_ROW_ON_NODE, RETYPED_POD_ROW_AGED, RETYPED_POD_ROW_WIDE]) {
    for (const match of matchAll(text, pattern)) {
      const { name = '', ready, total, status } = match.groups ?? {};
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (!isName(name) || rows.some((row) => start < row.end && end > row.start)) continue;
      const failing = status !== undefined && podRowFailing(ready ?? '0', total ?? '0', status);
      const row: ListingRow = {
        kind: 'pod',
        start,
        end,
        failing,
        name,
        notStarted: notStarted(status ?? ''),
      };
      const node = nodeCell(match);
      if (node !== undefined) row.node = node;
      rows.push(row);
    }
  }
  // `pod/coredns-868d999555-jtv48 1/1 Running，pod/coredns-868d999555-kkjns 1/1 Running`: rows shortened to name,
  // ready and status (`kubectl get all` pasted into prose) list pods as the full rows do.
  for (const match of matchAll(text, SHORT_POD_ROW)) {
    const { name = '', ready = '0', total = '0', status = '' } = match.groups ?? {};
    const nameEnd = (match.index ?? 0) + match[0].search(/\s+\d+\/\d+\s/);
    const start = nameEnd - name.length;
    if (rows.some((row) => start < row.end && nameEnd > row.start)) continue;
    const failing = podRowFailing(ready, total, status);
    rows.push({
      kind: 'pod',
      start,
      end: (match.index ?? 0) + match[0].length,
      failing,
      name: name.toLowerCase(),
      notStarted: notStarted(status),
    });
  }
  for (const match of matchAll(text, NODE_ROW)) {
    const start = match.index ?? 0;
    const { name = '', status, cordoned } = match.groups ?? {};
    const failing = status === 'NotReady' || cordoned !== undefined;
    rows.push({ kind: 'node', start, end: start + match[0].length, failing, name });
  }
  // `k get nodes: node0001 Ready control-plane; node0003 NotReady control-plane; ...`: the listing retyped short, read
  // only right after its command, where `X Ready` is a row and not prose.
  for (const [from, to] of nodeListings(text)) {
    for (const match of matchAll(text.slice(from, to), SHORT_NODE_ROW)) {
      const start = from + (match.index ?? 0);
      const end = start + match[0].length;
      const { name = '', status, cordoned } = match.groups ?? {};
      if (!isName(name) || rows.some((row) => start < row.end && end > row.start)) continue;
      const failing = status === 'NotReady' || cordoned !== undefined;
      rows.push({ kind: 'node', start, end, failing, name: name.toLowerCase() });
    }
  }
  for (const match of matchAll(text, SERVICE_ROW)) {
    const { name = '', type, external } = match.groups ?? {};
    // A row the question writes without its TYPE cell is no `kubectl get svc` row it pastes.
    if (type === undefined) continue;
    const start = rowStart(match);
    const row: ListingRow = {
      kind: 'service',
      start,
      end: (match.index ?? 0) + match[0].length,
      failing: external === '<pending>',
      name,
    };
    const cell = SERVICE_ROW_CLUSTER_IP.exec(match[0]);
    if (cell) row.clusterIpAt = (match.index ?? 0) + cell.index + cell[0].length - (cell[1] ?? '').length;
    rows.push(row);
  }
  return rows;
}

/**
 * The rows of the listings the question pastes, of each kind it lists twice or more: a listing of several pods, nodes
 * or Services presents every one of them, so only the failing rows (and names the question also writes outside the
 * rows) single an object out. One row alone is the object the report shows.
 */
function listingRows(all: readonly ListingRow[]): ListingRow[] {
  const count = (kind: ListingRow['kind']) => all.filter((row) => row.kind === kind).length;
  return all.filter((row) => count(row.kind) >= 2);
}

/** The question with its listings' rows blanked out. */
function outsideRows(text: string, rows: readonly ListingRow[]): string {
  let out = text;
  for (const row of rows)
    out = out.slice(0, row.start) + ' '.repeat(row.end - row.start) + out.slice(row.end);
  return out;
}

function inListing(rows: readonly ListingRow[], index: number): boolean {
  return rows.some((row) => index >= row.start && index < row.end);
}

/** A name the question gives only inside rows that are not failing: one of many listed, no object singled out. */
function onlyListed(text: string, rows: readonly ListingRow[], value: string): boolean {
  if (rows.length === 0) return false;
  return wholeNameAt(text.toLowerCase(), value).every((at) =>
    rows.some((row) => !row.failing && at >= row.start && at < row.end),
  );
}

// --- ports ---------------------------------------------------------------------------------------------------

/** Ports that are meaningful on their own in a networking question ("pod 访问 node 的 6443 不通"). */
const WELL_KNOWN_PORTS = new Set([
  22, 53, 80, 179, 443, 2379, 2380, 4240, 4789, 5473, 6081, 6443, 6641, 6642, 7471, 8080, 8443, 8472, 9099,
  9153, 9100, 10248, 10249, 10250, 10256, 10257, 10259,
]);

/** Each with its hint (see `HINTS`): what the pattern cannot match without. */
const EXPLICIT_PORTS: Array<[pattern: RegExp, hint: RegExp]> = [
  [
    /(?<![a-z])(?:port|ports|dport|sport|--dport|--sport|targetport|nodeport|端口号?|端口號|埠號?|連接埠|连接埠)\s*[:：=]?\s*(\d{1,5})(?!\d|\.\d)/gi,
    /port|端口|埠/i,
  ],
  // Not `80:30161/TCP 30m`, the AGE column after a Service's ports.
  [/(?<![a-z])(?:tcp|udp|sctp)\s*[:/]?\s*(\d{1,5})(?![\w.])/gi, /tcp|udp|sctp/i],
  // Not `90 port [XXXXX] not exist`: a port named in brackets after the word is that port, the number before it none.
  [
    /(?<![\w.:])(\d{1,5})\s*(?:号端口|號端口|端口|埠|(?:tcp\s+|udp\s+)?port(?![a-z])(?!\s*\[))/gi,
    /端口|埠|port/i,
  ],
  // `：10-1-1-vm-backup` is a name that starts with digits and `T22:45:43Z` a time, not ports.
  [/(?<![\w.:\]])[:：](\d{2,5})(?![\w.-]|[:：]\d)/g, /[:：]\d/],
  [/(?<=(?<![\w.-])[a-z0-9.-]*[a-z][a-z0-9.-]*):(\d{2,5})(?![\w.-]|:\d)/gi, /:\d/],
];

/**
 * The units of a size, a duration or a count written after a number (`IP-in-IP封装：20字节开销`, `timeout: 30s`, `3
 * 台`, `512 mb`): the number is no port, whether a port word precedes it or not.
 */
const UNITS =
  '字节|字節|位元組|(?:bytes?|ms|s|secs?|seconds?|mins?|minutes?|m|[kmg]b|[kmg]bps|k)(?!\\w)|秒|毫秒|%|个|個|次|条|條|台';
/**
 * A bare number: only well-known ports and the NodePort range, and never a size, a count or a duration, nor syslog's
 * process id (`kubelet[31245]:`), nor the day of a syslog timestamp (`Sep 22 08:58:03`, `9月 22 08:58:03`): a number
 * right before a clock time is a date. Nor the port of nslookup's and dig's `Address: 10.152.183.10#53`, `SERVER:
 * 10.96.0.10#53(10.96.0.10)`: the resolver the tool asked, whose port is no port of the address the report tries.
 */
const BARE_NUMBER = new RegExp(
  `(?<![\\w.:/\\-_=]|[\\w-]\\[|\\d#)(\\d{2,5})(?![\\w.%:/]|\\s*(?:${UNITS})|\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d))`,
  'gi',
);
/**
 * Two port numbers joined as a range: `30000-32767`, `30000 - 32767`, `30000~32767`, `30000到32767`. A full stop may
 * end it: the API server's own rejection reads "The range of valid ports is 30000-32767."
 */
const PORT_RANGE = /(?<![\w.:/-])(\d{2,5})\s*(?:-|–|~|～|到|至)\s*(\d{2,5})(?![\w]|\.\d)/g;
const NOT_A_PORT_BEFORE =
  /(?:mtu|-s|size|ttl|len|length|超过|超過|priority|vni|id|seq|-c|-w|-m|mss|版本|version|v)\s*[:=]?\s*$/i;

function validPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

// --- IP roles and directions -----------------------------------------------------------------------------------

const ROLE_BEFORE: Array<[IpRole, RegExp]> = [
  // The variables kubelet injects for every Service (`KUBERNETES_SERVICE_HOST=10.96.0.1`, `REDIS_PORT=tcp://10.0.0.11:6379`,
  // `ZK_PORT_2181_TCP_ADDR=10.43.16.45`): a Service address, though `_HOST` ends the name.
  [
    'service',
    /_(?:SERVICE_HOST|PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_ADDR)?)?)\s*=\s*(?:(?:tcp|udp|sctp):\/\/)?$/i,
  ],
  // A field of JSON or YAML (`"podIP": "10.233.97.137"`, `node-ip: 192.168.1.2`, `--node-ip=`) names its role too.
  [
    'pod',
    /(?:(?<![a-z])pods?|容器组|容器|pod[-_\s]*ip|podip)\s*(?:ip|地址|的\s*ip|的地址)?["']?\s*[:：=]?\s*["']?(?:https?:\/\/)?$/i,
  ],
  // `/etc/hosts: 10.42.0.20 busybox` is a file, not the word "hosts".
  [
    'node',
    /(?:(?<![a-z/.])(?:nodes?|hosts?|workers?|masters?|minions?)(?:[-_]?\d+)?|节点|節點|宿主机|宿主機|主机|主機|物理机|物理機|node[-_\s]*ip|nodeip|host[-_]?ip)\s*(?:ip|地址|的\s*ip|的地址)?["']?\s*[:：=]?\s*["']?(?:https?:\/\/)?$/i,
  ],
  // `kubectl describe pod`'s `Node: kc0/192.168.11.110`: the node's name, then its address.
  ['node', /(?<![\w-])node[:：]\s*[a-z0-9][a-z0-9.-]*\/$/i],
  [
    'service',
    /(?:(?<![a-z])(?:services?|svc|vip)|服务|服務|cluster\s*-?\s*ip|clusterip|service\s*ip)\s*(?:ip|地址|的\s*ip|的地址)?\s*[:：=]?\s*(?:https?:\/\/)?$/i,
  ],
  [
    'dns',
    /(?:(?<![a-z])(?:nameserver|dns\s*server|dns|resolver)|解析服务器|解析服務器|dns\s*服务器|dns\s*服務器)\s*(?:ip|地址|的\s*ip|的地址)?\s*[:：=]?\s*$/i,
  ],
];
/** An iptables rule's comment as `iptables-save` prints it: `-m comment --comment "..."`. */
const IPTABLES_COMMENT = /--comment\s+(?:"[^"\n]*"|'[^'\n]*')/g;
/** `kubectl describe pod`'s `Node: kc0/` right before the node's address. */
const DESCRIBE_NODE_BEFORE = /(?<![\w-])node[:：]\s*[a-z0-9][a-z0-9.-]*\/$/i;
/**
 * The question is about a Service's virtual IP: its one address without a stated role is that IP. Not `kube-vip`, a
 * component's name.
 */
const ABOUT_SERVICE_IP =
  /cluster\s*-?\s*ip|service\s*ip|svc\s*ip|(?<![a-z-])vip(?![a-z-])|服务\s*ip|服務\s*ip/i;

/** `endpoint IP 10.244.3.7`, `endpoints的ip 10.222.0.120`: a backend's address, named so right before it. */
const ENDPOINT_ADDRESS_BEFORE = /(?<![a-z])endpoints?\s*(?:的\s*)?(?:ip|地址|address)\s*[:：=]?\s*$/i;
/** The NAME and TYPE cells of the API server's own Service row, right before its CLUSTER-IP cell. */
const API_SERVER_ROW_BEFORE = /(?<![\w./-])(?:default\s+)?(?:(?:svc|services?)\/)?kubernetes\s+ClusterIP\s+$/;
/** What comes right before a destination: an access verb, optionally followed by the object's kind. */
const DESTINATION_BEFORE =
  /(?:访问|訪問|到|去往|去|ping|curl|wget|telnet|nc|ncat|nc\s+-zv|连接|連接|连到|連到|连|連|->|→|=>|(?<![a-z])to|reach|reaching|dst|目标|目的|目標|dial\s+(?:tcp|udp)[46]?|dial|calling|call|connect(?:ing)?(?:\s+to)?|access(?:ing)?|hits?|调用|調用|请求|請求)\s*(?:-\S+\s+)*(?:the\s+)?(?:pods?|nodes?|hosts?|services?|svc|节点|節點|宿主机|宿主機|服务|服務|容器|cluster\s*ip|clusterip|(?:default\s+)?gateway|默认网关|網關|网关|upstream(?:\s+dns)?(?:\s+servers?)?|nameservers?|dns\s*servers?|api\s*-?\s*server|apiserver|(?:(?:keepalived|kube-vip|haproxy|apiserver|api\s*server|control[\s-]*plane)\s+)?vip|virtual\s+ip|load\s*-?balancer(?:\s+ip)?|external\s*-?\s*ip)?\s*(?:ip|地址)?\s*(?:[:：])?\s*(?:https?:\/\/)?$/i;
/**
 * What comes right before a source: a from-word, a stated source address, or a log's client field (nginx's `connect()
 * failed ... client: 46.101.51.208, server: ...`, a JSON access log's `"remoteIp":"10.244.2.1"` is who asked, the
 * upstream is what failed).
 */
const SOURCE_BEFORE =
  /(?:(?<![a-z])(?:client(?:[\s_-]*(?:ip|address|addr))?|remote[\s_-]*(?:ip|address|addr))["']?\s*[:：=]\s*["']?|(?:从|從|由|(?<![a-z])from|src|源|source)\s*(?:the\s+)?(?:pods?|nodes?|hosts?|节点|節點|宿主机|宿主機|容器)?\s*(?:ip|地址)?|(?:源\s*|source\s*)(?:ip|地址|address)\s*(?:是|为|為|(?:变成|變成|变为|變為|成)了?|(?<![a-z])(?:is|was|becomes?|became|shows?\s+as|appears?\s+as)(?![a-z]))\s*(?:still\s+|always\s+|仍然|还是|還是)?(?:the\s+)?(?:[a-z-]+\s+)?(?:ip|address)?)\s*[:：]?\s*$/i;
/** The IP is where something happens (`node 10.0.0.5 上的 pod`), or it acts on something after it (`A ping B`). */
const LOCATION_BEFORE =
  /(?:(?:(?<![a-z])via|下一跳|网关|網關|(?<![a-z])gw|gateway|nexthop|next\s*hop)\s*(?:是|为|為|:|=)?|(?:在|(?<![a-z])on)\s*(?:the\s+)?(?:节点|節點|宿主机|宿主機|主机|主機|(?:nodes?|hosts?)(?![a-z]))\s*(?:ip)?\s*[:：]?)\s*$/i;
/**
 * What follows an address whose path the question says works: `(a node) works but`, `: 64 bytes from`, `是通的`,
 * `is reachable`. Up to the clause's end, with no failure word.
 */
const WORKS_AFTER =
  /^(?::\d{1,5})?\s*(?:\([^)\n]{0,30}\)\s*)?(?:[:：]\s*)?(?:works?(?![a-z])|worked|is (?:fine|ok|okay|reachable)|(?:is |are )?(?:also )?(?:pingable|reachable)(?![a-z])|64 bytes from|\d+ bytes from|正常|是通的|能通|可以通|通的)/i;
/** The reply lines of a ping: `64 bytes from 10.0.0.5:` is where a reply came from, no address the report tries. */
const PING_REPLY_BEFORE = /bytes from\s*(?:[\w.-]+\s*\(\s*)?$/i;
/** The two ends of an address range (`10.0.1.1-10.0.1.254`, `192.168.20.201-203`, `10.96.129.223~225`). */
const RANGE_AFTER = /^\s*(?:-|–|~|～)\s*\d/;
const RANGE_BEFORE = /\d\s*(?:-|–|~|～)\s*$/;
/** Addresses that name no host: the wildcard a socket listens on (`udp 0.0.0.0:6081`) and the broadcast address. */
const NO_HOST = new Set(['0.0.0.0', '255.255.255.255']);
/** `host` in a capture filter: after tcpdump's options, a quote, or a filter's `and`/`src`/`dst`. */
const PCAP_HOST_BEFORE = /(?:tcpdump\s[^;|\n]*|['"]\s*|(?<![a-z])(?:and|or|not|src|dst)\s+)host\s+$/i;
/** A list of addresses (`minion: 10.99.1.1, 10.99.1.2`): the next one has the role of the one before it. */
const LIST_BEFORE = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}\s*(?:[,，、]|and|和|及)\s*$/i;

/** `ip addr`'s `inet 10.244.1.5/24`, `ifconfig`'s `inet addr:192.168.1.27`: an interface's own address. */
const INTERFACE_ADDRESS_BEFORE = /(?<![a-z])inet\s+(?:addr:\s*)?$/i;
const ROUTE_SRC_BEFORE = /(?<![\w-])dev\s+\S+(?:\s+[\w-]+)*?\s+src\s+$/i;
/**
 * An address and port right before a flow's arrow (CoreDNS's `Loop (127.0.0.1:34567 -> :53) detected`, `read udp
 * 10.244.0.72:58074->223.5.5.5:53`): where the flow comes from, whatever follows the arrow.
 */
const FLOW_ARROW_AFTER = /^[\d.]+:\d{1,5}\s*(?:->|→)/;
/** The end of `name (address) ->`, a flow's source written beside its name. */
const PARENTHESIZED_FLOW_SOURCE = /^(?::\d{1,5})?\)\s*(?:->|→)/;
const LOCATION_AFTER = /^\s*(?:上|里|裡|中|内|內|on\b)/i;
const SOURCE_AFTER =
  /^\s*(?:->|→|=>|访问|訪問|ping|curl|连|連|到|去|to\b|cannot|can't|can not|无法|無法|不能|reach)/i;

/**
 * What each pattern cannot match without (a keyword, a separator). Most questions name few of these things, and
 * looking for a hint is much cheaper than trying a pattern, with its look-behind and greedy name, at every
 * position. A hint has its pattern's case-sensitivity, so a text the pattern matches always has its hint.
 */
const HINTS = new Map<RegExp, RegExp>([
  [GENERATED_POD, /-/],
  [NODE_SHAPE, /node|worker|master|minion|compute|infra|control-plane/i],
  [NAMESPACE_FLAG, /-n|--namespace/i],
  [KUBELET_EVENT_NODE, /kubelet,/i],
  [DESCRIBE_NODE, /node[:：]/i],
  [KUBELET_POD, /_[a-z0-9-]+\(/i],
  [KUBECTL_POD_COMMAND, /kubectl|oc/i],
  [UNAME_HOST, /Linux/],
  [NS_SLASH_POD, /\//],
  [POD_ROW, /\d\/\d/],
  [IPTABLES_COMMENT, /--comment/],
  [NODE_ROW, /Ready/],
  [SERVICE_ROW, /ClusterIP|NodePort|LoadBalancer|ExternalName/],
  [IFACE_AFTER, /interface|iface|nic|dev|-i|网卡|網卡|网口|網口|接口/i],
  [IFACE_SHAPE, /ens|enp|eno|enx|bond|eth/i],
  // An IPv4 address has digits around its dots.
  [IP_PATTERN, /\d\.\d/],
  ...EXPLICIT_PORTS,
  [BARE_NUMBER, /\d/],
  [PORT_RANGE, /\d\s*(?:-|–|~|～|到|至)\s*\d/],
]);

/** Every match of `pattern` in `text`: none without the pattern's hint. */
function matchAll(text: string, pattern: RegExp): Iterable<RegExpMatchArray> {
  return HINTS.get(pattern)?.test(text) === false ? [] : text.matchAll(pattern);
}

/** An example in brackets after saying what a value should be: the clause up to `（比如 `, `(e.g. `. */
/** What the report expected where it saw another value: `instead of (the real client) IP`, `rather than`, `而不是`. */
const INSTEAD_OF_BEFORE =
  /(?:(?<![a-z])instead\s+of|(?<![a-z])rather\s+than|而不是|而非)\s*(?:(?:the|a|an|my|our|its|their|real|actual|original|expected|true|external|public|client(?:'s)?|source|src|node(?:'s)?|pod(?:'s)?|客户端|真实|真實|原始|源|的)\s*)*(?:ip|address|地址)?\s*[:：(（]?\s*$/i;
const EXPECTED_EXAMPLE_BEFORE =
  /(?:应该|應該|应当|應當|应是|應是|should|expected|expect|期望|预期|預期)[^。.;；!?！？\n]{0,40}[（(]\s*(?:比如|例如|譬如|如|e\.g\.?,?|for\s+example,?|for\s+instance,?|such\s+as|like)\s*[:：]?\s*$/i;

function ipMentions(
  question: string,
  rows: readonly ListingRow[] = [],
  cells: ReadonlyMap<number, IpRole> = new Map(),
): { ips: IpMention[]; cidrs: string[]; attachedPorts: Match[]; failingPorts: Set<number> } {
  const ips: IpMention[] = [];
  const cidrs: string[] = [];
  const attachedPorts: Match[] = [];
  const actsOn = new Set<number>();
  const repliedFrom = new Set<string>();
  const virtualServers: IpMention[] = [];
  const networks = new Set(
    [...matchAll(question, IP_PATTERN)].filter((m) => m[2] !== undefined).map((m) => m[1] ?? ''),
  );
  for (const match of matchAll(question, IP_PATTERN)) {
    const ip = match[1] ?? '';
    const index = match.index ?? 0;
    // The text right before the address, `width` characters of it: what each reading below looks back on.
    const preceding = (width: number) => question.slice(Math.max(0, index - width), index);
    if (versionBefore(preceding(12))) continue;
    // `site-packages/airflow-1.7.1.3-py2.7.egg/airflow/jobs.py`: a version inside a package's name.
    if (packageVersion(preceding(24), question.slice(index + match[0].length, index + match[0].length + 4)))
      continue;
    if (match[2] !== undefined) {
      // `0.0.0.0/0`, iptables' "any address" column, is no network the report is about.
      if (Number(match[2]) <= 32 && Number(match[2]) > 0) cidrs.push(`${ip}/${match[2]}`);
      continue;
    }
    const end = index + match[0].length;
    // `ping 10.96.240.115：64 bytes from ...`: a size right after the colon (see `UNITS`) is ping's reply, no port.
    const sized = UNIT_AFTER.test(question.slice(end, end + 8));
    const queried = match[3] !== undefined && dnsQueryClient(question.slice(end, end + 40));
    // `dial tcp 10.244.1.5:51234->10.96.0.1:443`: the local end of a socket pair, whose port is the client's own.
    const pairSource = socketPairSource(match[3] !== undefined, question.slice(end, end + 40));
    // `172.18.188.205 - - [02/Apr/2022:05:36:03 +0000] "GET / ...`: who asked, in an access log (see `request-log.ts`).
    const requester = requestLogClient(
      preceding(120),
      question.slice(index + ip.length, index + ip.length + 60),
    );
    // `local address: 10.244.1.9:53412`, Dubbo's `current host: 172.30.19.10`: the logging client's own end.
    const ownEnd = logOwnEnd(preceding(40));
    const port =
      match[3] !== undefined &&
      !pairSource &&
      !requester &&
      !ownEnd &&
      validPort(Number(match[3])) &&
      !sized &&
      !queried &&
      !ephemeralPeer(preceding(8), Number(match[3]))
        ? Number(match[3])
        : null;
    // A bare x.y.z.0 is a network written without its prefix ("actually init master with 10.96.0.0"): a range,
    // never the address of a pod, service or node. With a port, x.y.0.0 or the network of a CIDR the report writes
    // (`--cluster-cidr=172.20.0.0/16` ... `service: 172.20.0.0:32567/TCP`, a proxier's garbled log) is that range too;
    // its port is still the one the report names.
    if (port !== null && ip.endsWith('.0') && !NO_HOST.has(ip) && (ip.endsWith('.0.0') || networks.has(ip))) {
      attachedPorts.push({ value: String(port), index: index + ip.length + 1 });
      continue;
    }
    if (port === null && ip.endsWith('.0')) continue;
    // `应该被 SNAT 成节点 IP（比如 192.168.1.10）`, "should be the node IP (e.g. 192.168.1.10)": an illustration of
    // the value expected, not an address the report tries.
    if (EXPECTED_EXAMPLE_BEFORE.test(preceding(80))) continue;
    // "the source IP is 10.244.1.1 instead of the client's 203.0.113.5", "源 IP 变成了 10.244.0.1 而不是客户端 IP 1.2.3.4":
    // the value the report expected to see, no address it tries.
    if (INSTEAD_OF_BEFORE.test(preceding(48))) continue;
    // `NO_PROXY=10.0.0.0/8,192.168.1.10,172.16.0.0/12`: one value of a setting that lists networks (see `cidr-list.ts`).
    if (port === null && listedWithNetworks(question, index, end)) continue;
    if (port !== null) attachedPorts.push({ value: String(port), index: index + ip.length + 1 });
    const before = preceding(40);
    const after = question.slice(index + match[0].length, index + match[0].length + 20);
    const listed = inListing(rows, index);
    // A listing's cell has the role of its column, which a row of another kind writes differently (`kubernetes
    // ClusterIP 10.96.0.1` is the TYPE column before the CLUSTER-IP cell): none of them is the report's address.
    let role =
      listed || ownEnd ? null : (ROLE_BEFORE.find(([, pattern]) => pattern.test(before))?.[0] ?? null);
    // `Node: gke-awear-mini-default-pool-15a06374-ddf1/10.132.0.21`: cloud node names outgrow the 40 characters above.
    const describedNode =
      DESCRIBE_NODE_BEFORE.test(preceding(140)) ||
      nodeAddressLabel(question.slice(index + match[0].length, index + match[0].length + 40));
    // `-j DNAT --to-destination 10.244.1.5:80`, `tcp to:10.244.2.9:8080`: a pasted NAT rule's rewrite.
    const rewrite = natRewrite(preceding(200));
    if (describedNode && !listed) role = 'node';
    // `keepalived VIP 192.168.0.100`: the control plane's shared address, no Service's.
    if (role === 'service' && controlPlaneVip(preceding(80))) role = null;
    // `tcpdump -i eth0 'host 10.244.1.5'`: a capture filter's `host` is any address, not a node.
    if (role === 'node' && PCAP_HOST_BEFORE.test(before)) role = null;
    // `minion: 10.99.1.1, 10.99.1.2`: an address listed after another has that one's role.
    const previous = ips.at(-1);
    if (role === null && !listed && previous !== undefined && LIST_BEFORE.test(before)) role = previous.role;
    // The CLUSTER-IP cell of the one `kubectl get svc` row the report pastes is that Service's address, the `IP:` field
    // of a `kubectl describe pod|svc` dump that object's.
    const cell = cells.get(index);
    if (role === null && cell !== undefined) role = cell;
    // `kubectl get svc`'s `kubernetes ClusterIP 10.254.0.1`, the API server's row it always prints: where the API
    // server is, unless the report tries that address elsewhere too.
    const apiServerRow = API_SERVER_ROW_BEFORE.test(before) && !writtenElsewhere(question, ip, index);
    if (apiServerRow) role = null;
    // `forward . 8.8.8.8 8.8.4.4`, `upstream DNS server is 114.114.114.114`: a DNS server (see `address-roles.ts`).
    const forwarded = !listed && dnsForwardTarget(preceding(60));
    const upstream = role === null && !listed && (forwarded || dnsRoleBefore(before));
    if (upstream) role = 'dns';
    // `nslookup web.default 10.96.0.10`, `dig @10.96.0.10`: the resolver queried (see `dnsQueryServer`). Its role stays
    // open: a Service's ClusterIP queried so (`dig @10.100.0.10 ... via the service IP`) is still that Service's.
    const queriedServer = !listed && dnsQueryServer(preceding(100));
    // `My host IP is 192.168.1.5`, `node v2-master address 10.1.0.17`: where a machine is (see `ownAddress`).
    const own = !listed && ownAddress(preceding(100));
    if (own && (role === null || role === 'node')) role = 'node';
    // `<192.168.188.178> ESTABLISH SSH CONNECTION`, `fatal: [10.0.0.12]: FAILED!`: the machine a playbook task ran on.
    const inventoryHost = ansibleHost(before, after);
    if (inventoryHost && role === null) role = 'node';
    let direction: IpDirection | null = null;
    // `10.187.3.0/24 dev cni0 proto kernel scope link src 10.187.3.1`: a route's preferred source address, and
    // `inet 10.242.1.35` an interface's own: where the route or interface is, not where traffic goes or comes from.
    // `kubectl describe`'s `Node: kc0/192.168.11.110` and an IP cell of a listing of several pods or nodes
    // (`nginx-6d4cf56db6-2xk9v 1/1 Running 0 5m 10.244.1.5 node2`): where an object is, no address the report tries.
    // The wildcard `0.0.0.0:6081` a socket listens on, and the ends of a range (`pool 10.0.1.1-10.0.1.254`), name no
    // one host.
    const noHost =
      NO_HOST.has(ip) || (port === null && (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before)));
    if (noHost) role = null;
    // `k8sServiceHost=192.168.8.101`, `advertiseAddress 192.168.56.101`: where the API server is configured to be.
    // `conntrack -D ... -r 172.18.209.67`: the reply source of a flow, the backend that answered a Service's address.
    const configured = apiServerSetting(before) || conntrackReplySource(preceding(140));
    if (
      ROUTE_SRC_BEFORE.test(before) ||
      INTERFACE_ADDRESS_BEFORE.test(before) ||
      interfaceAddress(before) ||
      ciliumProxyAddress(before) ||
      rewrite ||
      apiServerRow ||
      describedNode ||
      (cell === 'pod' && role === 'pod') ||
      listed ||
      noHost ||
      configured ||
      forwarded ||
      queriedServer ||
      (own && role === 'node') ||
      inventoryHost ||
      // `-> 10.244.0.4:80 Masq 1 0 0`: one backend of an ipvsadm virtual server, no address the report tries.
      ipvsRealServer(before, after) ||
      // `Endpoints: 10.244.1.2:80,10.244.2.3:80` of `kubectl describe svc`: the Service's backends, likewise.
      describedEndpoint(preceding(120))
    )
      direction = 'location';
    else if (SOURCE_BEFORE.test(before) || arpAsker(before) || queried || pairSource || requester || ownEnd)
      direction = 'source';
    else if (
      DESTINATION_BEFORE.test(before) ||
      triedHostAddress(preceding(100)) ||
      failsRightAfter(question.slice(end, end + 40))
    )
      direction = 'destination';
    // `keepalived VIP 192.168.0.100`: the control plane's shared address, where the API server is, unless tried.
    else if (controlPlaneVip(preceding(80))) direction = 'location';
    else if (LOCATION_BEFORE.test(before) || LOCATION_AFTER.test(after)) direction = 'location';
    // `client2-59b578d4bb-s695h (10.244.3.165) -> cilium-test/echo-same-node (echo-same-node:8080)`: a flow printed as
    // `name (address) -> name`, as cilium's connectivity test and Hubble print it, starts at the address left of the arrow.
    else if (PARENTHESIZED_FLOW_SOURCE.test(after)) direction = 'source';
    else if (SOURCE_AFTER.test(after)) actsOn.add(ips.length);
    // `64 bytes from 10.0.0.5:` is where a reply came from: no address the report tries.
    // A host's name between (`bytes from kubernetes.default.svc.cluster.local (`) outgrows the 40 characters above.
    const replied = PING_REPLY_BEFORE.test(preceding(100));
    if (replied) {
      direction = 'location';
      repliedFrom.add(ip);
    }
    const mention: IpMention = { ip, port, role, direction, index };
    const rest = question.slice(end, end + 160);
    if (
      worksAfter(question, end) ||
      WORKS_ON_BEFORE.test(before) ||
      // Said reached only where the report writes it once: `ping 8.8.8.8 never succeeded ... the host can ping 8.8.8.8`
      // contrasts two sources of one failing address.
      ((saysReached(before, rest) || answeredAfter(rest)) && !writtenElsewhere(question, ip, index))
    )
      mention.works = true;
    if (arpSought(before)) mention.arpSought = true;
    if (clusterIpBefore(before)) mention.clusterIp = true;
    if (upstream) mention.upstream = true;
    if (queriedServer) mention.dnsQueried = true;
    if (
      direction === null &&
      ipvsVirtualServer(before, question.slice(index + ip.length, index + ip.length + 40))
    )
      virtualServers.push(mention);
    ips.push(mention);
  }
  // Two or more virtual servers of a pasted ipvsadm table are its rows, where Services are (see `ipvs-table.ts`).
  if (ipvsTable(virtualServers.map((mention) => mention.ip)))
    for (const mention of virtualServers) mention.direction = 'location';
  // `A 访问 B`: A is the source only when a B follows; `10.96.0.1 访问超时` names the destination.
  for (const i of actsOn) {
    const mention = ips[i];
    if (mention && (i < ips.length - 1 || FLOW_ARROW_AFTER.test(question.slice(mention.index))))
      mention.direction = 'source';
  }
  // The ports of the addresses the question tries and does not say work (`curl 192.168.0.76:25477（无法访问）`), before
  // an address said to work on another port (`curl node:30080 works, curl node:30081 times out`) is set aside.
  const failingPorts = new Set<number>();
  for (const ip of ips) {
    if (ip.port !== null && !ip.works && ip.direction !== 'location' && ip.direction !== 'source')
      failingPorts.add(ip.port);
  }
  // `64 bytes from kubernetes.default.svc.cluster.local (10.233.0.1)`: ping got replies from the address, so the path
  // to it works, the comparison beside another address the report pings (`PING (10.233.37.69) ... 100% packet loss`).
  if (ips.some((m) => !repliedFrom.has(m.ip) && m.direction !== 'location'))
    for (const mention of ips) if (repliedFrom.has(mention.ip)) mention.works = true;
  // An address the question says works, wherever else it is written, is no address the report fails on.
  const working = new Set(ips.filter((m) => m.works).map((m) => m.ip));
  for (const mention of ips) if (working.has(mention.ip)) mention.works = true;
  // A node's own address written again without a verb (`Node: node0.local.lan/10.254.0.1 ... IP: 10.254.0.1`, a
  // hostNetwork pod) is still where that node is.
  const nodeAddresses = new Set(
    ips.filter((m) => m.direction === 'location' && m.role === 'node').map((m) => m.ip),
  );
  for (const mention of ips) {
    if (mention.direction === null && nodeAddresses.has(mention.ip)) mention.direction = 'location';
    // A hostNetwork pod's `IP:` is its node's address: the node's, not a pod address to fill.
    if (mention.role === 'pod' && cells.get(mention.index) === 'pod' && nodeAddresses.has(mention.ip))
      mention.role = 'node';
  }
  // A Service's endpoint address (`被 dnat 为 endpoints 的 ip 10.222.0.120`) is a backend's, never the Service's own,
  // though the question is about reaching a ClusterIP.
  const unroled = ips.filter(
    (mention) =>
      mention.role === null &&
      // A resolver queried by address is placed so only to keep it off the target (see `dnsQueryServer`).
      (mention.direction !== 'location' || mention.dnsQueried === true) &&
      !ENDPOINT_ADDRESS_BEFORE.test(question.slice(Math.max(0, mention.index - 24), mention.index)),
  );
  // The same address written twice (`Service IP 超时（如 10.233.36.146:6379）... dial tcp 10.233.36.146:6379`) is one.
  if (
    new Set(unroled.map((mention) => mention.ip)).size === 1 &&
    !ips.some((m) => m.role === 'service') &&
    // Not the TYPE column of a `kubectl get svc` listing (`kubernetes ClusterIP 10.96.0.1`), nor a headless Service's
    // row or spec (`ClusterIP None`, `clusterIP: None`): that Service has no virtual IP (see `headless-declaration.ts`).
    ABOUT_SERVICE_IP.test(withoutHeadlessDeclarations(withoutControlPlaneVip(outsideRows(question, rows))))
  ) {
    for (const mention of unroled) mention.role = 'service';
  }
  return { ips, cidrs, attachedPorts, failingPorts };
}

/** Whether the clause after an address says the path to it works (see `WORKS_AFTER`). */
function worksAfter(text: string, end: number): boolean {
  const rest = text.slice(end, end + 80);
  const stop = rest.search(CLAUSE_END_AFTER_IP);
  const clause = stop === -1 ? rest : rest.slice(0, stop);
  return WORKS_AFTER.test(clause) && !FAILS_NEAR.test(clause);
}
/** A clause ends at a sentence mark or `but`; the `:` of `ping 8.8.8.8: 64 bytes` and an IP's dots do not end it. */
const CLAUSE_END_AFTER_IP = /[,;，。；!?！？]|\.\s|\s(?:but|while|whereas)\s|但/u;

/**
 * A source file and line in a log (`ovs.go:282]`, `subnet.go:603]`, `main.py:42`, Spark's `SparkPi.scala:38`), or a
 * manifest's, template's or playbook's as Helm, Ansible and linters print it (`templates/service.yaml:12`,
 * `master-setup.yml:32`): the number is a line, not a port.
 */
const SOURCE_LINE_BEFORE =
  /[\w-]\.(?:go|py|c|cc|cpp|h|hpp|rs|java|scala|groovy|kts|js|jsx|mjs|cjs|ts|tsx|rb|sh|pl|php|cs|kt|swift|lua|ex|exs|erl|hcl|ya?ml|json|j2|tpl|toml|ini|conflist)[:：]$/i;

/**
 * `kubeadm-config.v1beta3.yaml.j2:141: service-node-port-range`, `config.yaml:12:3`: a file's name, then a line
 * number and another colon, as compilers, linters and grep print them.
 */
const FILE_BEFORE = /[\w-]\.[a-z][a-z0-9]{1,5}[:：]$/;
function fileLine(text: string, match: Match): boolean {
  return (
    FILE_BEFORE.test(text.slice(Math.max(0, match.index - 24), match.index)) &&
    /^[:：]/.test(text.slice(match.index + match.value.length))
  );
}

/**
 * `postgres:15`, `node:18`, `openjdk:17`: an image's two-digit version tag after its name, not a port. Ports below 100
 * a report writes that way are the well-known ones (`nginx:80`, `dns:53`, `host:22`).
 */
function imageTag(text: string, match: Match): boolean {
  return (
    match.value.length === 2 &&
    !WELL_KNOWN_PORTS.has(Number(match.value)) &&
    /(?<![\w./-])[a-z][a-z0-9._/-]*:$/.test(text.slice(Math.max(0, match.index - 64), match.index))
  );
}

/** A size, a duration or a count right after the number (see `UNITS`). */
const UNIT_AFTER = new RegExp(`^\\s*(?:${UNITS})`, 'i');

/** A MAC address (`96:db:65:72:ba:46`): its pairs after colons are no ports. */
const MAC_ADDRESS = /(?<![0-9a-f:])[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}(?![0-9a-f:])/gi;

function portMentions(question: string, attached: Match[]): number[] {
  const explicit: Match[] = [...attached];
  const macs = /[0-9a-f]{2}[:-][0-9a-f]{2}[:-]/i.test(question)
    ? [...question.matchAll(MAC_ADDRESS)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length])
    : [];
  const inMac = (index: number) => macs.some(([start = 0, end = 0]) => index >= start && index < end);
  const queries = question.includes(' IN ') ? dnsQueryQuotes(question) : [];
  const inQuery = (match: Match) =>
    queries.some(([start = 0, end = 0]) => match.index >= start && match.index < end);
  for (const [pattern] of EXPLICIT_PORTS) {
    explicit.push(
      ...collect(question, pattern, 1, (value) => validPort(Number(value))).filter(
        (match) =>
          !inMac(match.index) &&
          !inQuery(match) &&
          !imageTag(question, match) &&
          !UNIT_AFTER.test(
            question.slice(match.index + match.value.length, match.index + match.value.length + 8),
          ) &&
          !SOURCE_LINE_BEFORE.test(question.slice(Math.max(0, match.index - 24), match.index)) &&
          !fileLine(question, match) &&
          !logLocation(
            question.slice(Math.max(0, match.index - 80), match.index),
            question.slice(match.index + match.value.length, match.index + match.value.length + 8),
          ) &&
          !ovsPortNumber(
            question.slice(Math.max(0, match.index - 16), match.index),
            question.slice(match.index + match.value.length, match.index + match.value.length + 40),
          ),
      ),
    );
  }
  // The NodePort of a PORT(S) cell is a port the report tries when it speaks of reaching a NodePort (`cannot access
  // the service from its NodePort`); beside a curl of the Service's address it is only the listing's.
  if (/\d:\d+\/(?:tcp|udp|sctp)/i.test(question) && speaksOfNodePort(question, SERVICE_TYPE_NODEPORT))
    explicit.push(...collect(question, SERVICE_NODE_PORT, 1, (value) => validPort(Number(value))));
  // A port inside an IP-with-port was already counted; `:6443` patterns never match inside dotted IPs.
  const bare = collect(question, BARE_NUMBER, 1, (value) => {
    const port = Number(value);
    return WELL_KNOWN_PORTS.has(port) || inNodePortRange(port);
  }).filter(
    (match) =>
      !inQuery(match) && !NOT_A_PORT_BEFORE.test(question.slice(Math.max(0, match.index - 12), match.index)),
  );
  // The bounds of a range (`nodeport 30000-32767`, `端口范围 30000 - 32767`) are no port anything listens on.
  const ranges = [...matchAll(question, PORT_RANGE)]
    .filter((m) => Number(m[1]) < Number(m[2]) && validPort(Number(m[2])))
    .map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const inRange = (match: Match) =>
    ranges.some(([start = 0, end = 0]) => match.index >= start && match.index < end);
  const ordered = [...explicit.sort((a, b) => a.index - b.index), ...bare.sort((a, b) => a.index - b.index)];
  // A component's own probe on its loopback (`Get http://localhost:9099/readiness`) names no port the report fails on.
  const ports = unique(ordered.filter((match) => !inRange(match)).map((match) => Number(match.value)));
  return /(?:127\.0\.0\.1|localhost|::1\]?):\d/i.test(question)
    ? ports.filter(
        (port) =>
          !loopbackProbePort(question, port) &&
          !kubectlDefaultServer(question, port) &&
          // `kubectl proxy`'s local port (see `kubectl-proxy-port.ts`).
          !kubectlProxyPort(question, port),
      )
    : ports;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function values(matches: Match[]): string[] {
  return unique(matches.sort((a, b) => a.index - b.index).map((match) => match.value));
}

/**
 * Everything the question names that a command placeholder could take. One answer asks for the same question's
 * entities several times (vagueness, placeholder values, abstention): a long question is read once. The result
 * is shared: callers do not change it.
 */
export const extractEntities: (question: string) => Entities = rememberRecent(readEntities);

/** Stands for an application pod the report says fails without naming it (see `quotedAddOnPod`). */
const FAILING_APPLICATION_POD = '(failing application pod)';

function readEntities(question: string): Entities {
  // A chart's NOTES (`Visit http://127.0.0.1:8080 to use your application`) are its instructions, not the report's.
  const text = withoutChartNotes(question.normalize('NFKC'));
  // A listing pasted as a Markdown table reads as kubectl printed it (see `table-cells.ts`).
  const pasted = pastedRows(tableCellsSpaced(text));
  const serviceRows = pasted.filter((row) => row.kind === 'service');
  const described = describedFields(text);
  // A finished pod's `describe` dump is read as a listing row that is not failing (see `describedFields`).
  // `cilium status --verbose`'s allocated addresses list every endpoint of the node (see `ipam-allocations.ts`).
  const allocations: ListingRow[] = allocationEntries(text).map((entry) => ({
    kind: 'pod',
    start: entry.start,
    end: entry.end,
    failing: false,
    name: entry.name,
  }));
  const rows = [...listingRows(pasted), ...described.finished, ...allocations];
  const cells = new Map<number, IpRole>(described.ips);
  const lone = serviceRows.length === 1 ? serviceRows[0] : undefined;
  const incidental = lone !== undefined && incidentalApiServerRow(text, lone) ? lone : undefined;
  const oneRow = incidental === undefined ? lone?.clusterIpAt : undefined;
  if (oneRow !== undefined) cells.set(oneRow, 'service');
  const { ips, cidrs, attachedPorts, failingPorts } = ipMentions(text, rows, cells);
  const listedOnly = (match: Match) => onlyListed(text, rows, match.value);

  // An iptables rule's `--comment "..."` is the bookkeeping of the tool that wrote the rule (Weave's "isolation for
  // namespace: nfs-storage"): the objects it names are not the report's. kube-proxy's `namespace/service:port` in
  // such comments is read apart (NS_SLASH_POD).
  const comments = [...matchAll(text, IPTABLES_COMMENT)].map((m) => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ]);
  const named = objectNames(withoutPromptDirs(text));
  for (const kind of KINDS) {
    named[kind] = named[kind].filter(
      (m) => !comments.some(([start = 0, end = 0]) => m.index >= start && m.index < end),
    );
  }
  // A look at a system component's pods (`kubectl get pods -n kube-system | grep flannel`) names where the component
  // runs and its pods, not the report's namespace or failing pod (see `componentListings`).
  const components = componentListings(text);
  const outsideComponents = (match: Match) =>
    !components.some(([start, end]) => match.index >= start && match.index < end);
  const typedPodNames = new Set(values(kubectlPodArgs(text)));
  const pods: Match[] = [
    ...named.pod.filter(
      (m) =>
        !containerSpec(text.slice(m.index + m.value.length, m.index + m.value.length + 24)) &&
        // "the nginx-deployment pod", "my-app pod" beside "deployment my-app": the workload's name, no pod's.
        !(workloadNamedAsPod(text, m.value) && !isGeneratedPodName(m.value)) &&
        // "cattle-cluster-agent pod CrashLoopBackOff" and nothing else: the pods' workload, no pod's own name.
        !(!isGeneratedPodName(m.value) && proseOnlyPodName(text, m.value, typedPodNames.has(m.value))),
    ),
    ...described.pods,
    ...collect(text, GENERATED_POD, 1, isGeneratedPodName),
  ].filter(outsideComponents);
  // A finished pod's namespace is that pod's, as its name and address are (see `describedFields`).
  const namespaces: Match[] = [...named.namespace, ...namespaceFlags(text).filter(outsideComponents)].filter(
    (match) => !inListing(described.finished, match.index),
  );
  for (const match of matchAll(text, KUBELET_POD)) {
    const [, pod = '', ns = ''] = match;
    if (!isName(pod) || !isName(ns)) continue;
    // kubelet's status manager names every pod it runs while the API server is out of reach (see its module).
    if (statusSyncPod(text.slice(Math.max(0, (match.index ?? 0) - 300), match.index))) continue;
    pods.push({ value: pod, index: match.index ?? 0 });
    namespaces.push({ value: ns, index: (match.index ?? 0) + pod.length + 1 });
  }
  for (const match of matchAll(text, NS_SLASH_POD)) {
    const ns = match[1] ?? '';
    const pod = (match[2] ?? '').replace(/\.+$/, '');
    const index = match.index ?? 0;
    if (elided(text, match[2] ?? '', index + ns.length + 1)) continue;
    if (inListing(allocations, index)) continue;
    const podIndex = index + ns.length + 1;
    const afterPodKeyword = /(?:(?<![a-z])pods?\s+|容器\s*)$/i.test(
      text.slice(Math.max(0, index - 8), index),
    );
    if (!isName(ns) || !isName(pod)) continue;
    if (statusSyncPod(text.slice(Math.max(0, index - 300), index))) continue;
    // `po/my-nginx-4293833666-1x4cv`, `svc/kube-dns` (kubectl get all): a kind, no namespace.
    if (KIND_PREFIX.test(ns)) continue;
    const rest = text.slice(podIndex + pod.length);
    // `pod wbitt/network-multitool:latest`, `--image=nicolaka/netshoot`: an image reference, no namespace or pod.
    if (IMAGE_TAG_AFTER.test(rest) || IMAGE_WORD_BEFORE.test(text.slice(Math.max(0, index - 20), index)))
      continue;
    // `kube-system/kube-dns:dns`, `tardis-ingress/tardis-kong-frontend:https`: kube-proxy's namespace/service:port.
    // `lease kube-system/k8s-ovs-worker`, `configmap kube-system/coredns`: another kind, not a pod.
    const servicePort = SERVICE_PORT_NAME.test(rest);
    // `k8s.v1.cni.cncf.io/networks: default/macvlan-conf`: a NetworkAttachmentDefinition.
    if (attachmentNetwork(text.slice(Math.max(0, index - 160), index))) continue;
    if (servicePort || OTHER_KIND_BEFORE.test(text.slice(Math.max(0, index - 20), index))) {
      if ((servicePort || WELL_KNOWN_NAMESPACES.has(ns)) && !isApiServerService(ns, pod))
        namespaces.push({ value: ns, index });
      continue;
    }
    // `pod kube-ovn-pinger-pnmrs/kube-system`: Kube-OVN's CNI logs write name/namespace, so a well-known namespace
    // on the right, with none on the left, is the namespace and the left the pod.
    if (WELL_KNOWN_NAMESPACES.has(pod) && !WELL_KNOWN_NAMESPACES.has(ns)) {
      namespaces.push({ value: pod, index: podIndex });
      if (isGeneratedPodName(ns) || afterPodKeyword) pods.push({ value: ns, index });
      continue;
    }
    if (isGeneratedPodName(pod) || afterPodKeyword || WELL_KNOWN_NAMESPACES.has(ns)) {
      namespaces.push({ value: ns, index });
      pods.push({ value: pod, index: podIndex });
    }
  }
  // `pod prod/nginx` put `prod` in pods via the keyword rule: it is the namespace there.
  // The pod a kubectl command runs in (`kubectl exec -it another-pod -- curl web-test:8000`) is often the client the
  // report tests from: a pod the report presents itself ("the web-test pod") comes first, the command's pod fills
  // `<pod>` when it is the only one.
  // A listing of several pods or nodes names each of them: only a failing row's or one the question writes
  // elsewhere too is the object of the report.
  const singled = pods.filter((match) => !listedOnly(match));
  if (singled.length === 0) singled.push(...kubectlPodArgs(text));
  const namespaceSet = new Set(namespaces.map((match) => match.value));
  const shapedNodes = collect(text, NODE_SHAPE, 1, (value) => isName(value)).map((match) => {
    // `etcd-master1`, `kube-apiserver-k8s-master-01`: a static pod, named after the node it runs on.
    const part = staticPodNode(match.value);
    return part ? { value: part.node, index: match.index + part.offset } : match;
  });
  // `集群节点：k8s-master01（10.0.0.11）、k8s-node01（10.0.0.21）、...`: the first of an inventory follows the object
  // word too, and is no more the report's node than the others. A name without a node's shape counts in the list when
  // it follows the object word (`3 nodes: k8s-master, k8s-node1, k8s-node2`, `节点 k8s-master、k8s-node1、k8s-node2`).
  const nodeMentions = [
    ...shapedNodes,
    ...named.node.filter((match) => !shapedNodes.some((shaped) => shaped.index === match.index)),
  ];
  // "two nodes ingress1 and ingress2": the first follows the object word, its numbered siblings are the same list.
  const mentionedAt = new Map(nodeMentions.map((match) => [match.index, match]));
  for (const sibling of nodeMentions.flatMap((match) => numberedSiblings(text, match)))
    if (!mentionedAt.has(sibling.index)) mentionedAt.set(sibling.index, sibling);
  const listMembers = [...mentionedAt.values()];
  const listedNot = new Set(withoutInventory(text, listMembers));
  const inventory = new Set(listMembers.filter((match) => !listedNot.has(match)).map((match) => match.index));
  const unlisted = withoutInventory(text, shapedNodes).filter((match) => !inventory.has(match.index));
  // The NODE cell of a failing pod row is where the failure is, whatever the node's name looks like (`0/1
  // ContainerCreating on k8s-master`); a healthy row's is one of the listing's cells (see `onlyListed`).
  const failingRowNodes = pasted.flatMap((row) => (row.failing && row.node !== undefined ? [row.node] : []));
  const nodes: Match[] = [
    ...failingRowNodes,
    ...named.node.filter((match) => !inventory.has(match.index)),
    ...unlisted,
    ...collect(text, KUBELET_EVENT_NODE),
    ...collect(text, DESCRIBE_NODE),
    ...collect(text, UNAME_HOST, 1, (value) => isName(value) && !/^(?:version|kernel|release)$/.test(value)),
  ];
  // A Service's name is one DNS label: `service nginx-svc.default.svc.cluster.local` names nginx-svc in default.
  // A Service reached through the API server's proxy is the one on the failing path (see `proxied-service.ts`).
  const proxied = proxiedServices(text);
  const services: Match[] = [
    ...proxied.map((service) => ({ value: service.name, index: service.index })),
    ...described.services,
  ];
  for (const match of named.service) {
    const dns = SERVICE_DNS.exec(match.value);
    if (!match.value.includes('.')) services.push(match);
    else if (dns) {
      services.push({ value: dns[1] ?? '', index: match.index });
      namespaces.push({ value: dns[2] ?? '', index: match.index + (dns[1] ?? '').length + 1 });
    }
  }
  // A `kubectl get svc` row names its Service: the one row the report pastes, or of several the one whose
  // EXTERNAL-IP is still `<pending>`.
  for (const row of serviceRows) {
    const name = row.name.toLowerCase();
    if (row === incidental) continue;
    if ((serviceRows.length === 1 || row.failing) && isName(name))
      services.push({ value: name, index: row.start });
  }
  const failingService = serviceOfFailingPort(text, services, failingPorts);
  const ifaceMatches = [
    // A tunnel or bridge a pasted route goes through (`10.244.1.0/24 via 10.244.1.0 dev flannel.1`, `dev cni0`,
    // `dev tunl0`) is no interface the report is about; its NICs (`dev eth0`) are.
    ...collect(text, IFACE_AFTER, 1, isIfaceName).filter(
      (match) =>
        (PHYSICAL_NIC.test(match.value) ||
          !ROUTE_DEV_BEFORE.test(text.slice(Math.max(0, match.index - 48), match.index))) &&
        // `kubectl exec -i web-0`, `ssh -i key1.pem`: only a capture or link tool's `-i` takes an interface.
        (!/(?<![\w-])-i\s+$/i.test(text.slice(Math.max(0, match.index - 8), match.index)) ||
          interfaceFlag(text.slice(Math.max(0, match.index - 160), match.index))),
    ),
    ...collect(text, IFACE_SHAPE, 1, isIfaceName),
  ];
  // An OVS tunnel or patch port (see `ovsPortWithoutDevice`) is no interface wherever the report writes its name.
  const ovsPorts = new Set(
    ifaceMatches
      .filter((match) => {
        const end = match.index + match.value.length;
        return ovsPortWithoutDevice(match.value, text.slice(end, end + 24));
      })
      .map((match) => match.value),
  );
  const ifaces = ifaceMatches.filter(
    (match) =>
      !ovsPorts.has(match.value) &&
      !insidePod(text, match.index, match.value) &&
      !inPodListing(text.slice(Math.max(0, match.index - 160), match.index)) &&
      // A host NIC's name (`ens192`, `bond0`) is no pod's, whatever route it is on.
      !(/^eth\d/.test(match.value) && podRoute(text.slice(Math.max(0, match.index - 100), match.index))),
  );
  // `<iface>` is where a host's traffic leaves (`tcpdump -i <iface> 'ip proto 4'`, `ethtool -k <iface>`): a NIC the
  // question names (`eth0`, `ens192`, `bond0.1101`) comes before the tunnels and bridges on the same route lines
  // (`dev tunl0`, `dev cni0`, `dev flannel.1`).
  const nicFirst = (name: string) => (PHYSICAL_NIC.test(name) ? 0 : 1);

  // A bare name the report gives a Service (`svc foo`, `service web-test`) is the Service's: "pod foo" beside it is
  // the Service's backends written short (a Deployment's pods carry a generated suffix), so `kubectl exec foo` would
  // find no pod. A generated name, or one the report runs kubectl exec or logs in, is a pod's.
  const typedPods = new Set(values(kubectlPodArgs(text)));
  const serviceNamed = new Set(values(named.service));
  const candidates = values(singled).filter(
    (name) =>
      (!namespaceSet.has(name) || isGeneratedPodName(name)) &&
      !IFACE_LIKE.test(name) &&
      !hashAndSuffixOnly(name) &&
      !runtimeId(name) &&
      !forwardedToSandbox(text, name) &&
      !serviceNameOnly(name, serviceNamed, typedPods, isGeneratedPodName(name)),
  );
  // "the redis-master pod" beside the row `redis-master-sgbch 1/1 Running`: the workload's name; the one pod of it the
  // question writes is the pod meant, and of several none is (see `writtenPodsOf`).
  for (const [i, name] of [...candidates.entries()].reverse()) {
    if (isGeneratedPodName(name)) continue;
    const own = writtenPodsOf(text, name);
    if (own.length === 1 && own[0] !== undefined) candidates.splice(i, 1, own[0]);
    else if (own.length > 1) candidates.splice(i, 1);
  }
  candidates.splice(0, candidates.length, ...unique(candidates));
  // "the nginx-ingress-controller pod ... my-nginx-ingress-controller-5b6c48c7dc-z5cvv": the workload's name
  // gives way to the pod's own generated name.
  const generated = candidates.filter(isGeneratedPodName);
  const ordered = namedOutsideFirst(
    text,
    rows,
    candidates.filter((name) => !generated.some((full) => full !== name && full.includes(name))),
  );
  // An add-on's pod the report shows running gives way to an application pod it names (see `healthyComponentPod`).
  const healthy = ordered.filter((name) => healthyComponentPod(text, name));
  // An add-on's pod the report only quotes (a command's pod, a pasted log's source) beside an application pod it says
  // fails or runs a check in fills nothing (see `quotedAddOnPod`); nor does one it shows running there ("calico-node-7xk2p, coredns-...
  // are Running, but my pod cannot resolve kubernetes.default"), named or not the failing pod is the application's.
  const applicationFails = applicationPodInPlay(text);
  const quoted = ordered.filter(
    (name) => quotedAddOnPod(text, name) || (applicationFails && healthy.includes(name)),
  );
  const kept = ordered.filter((name) => !quoted.includes(name));
  const podNames =
    healthy.length > 0 && healthy.length < ordered.length
      ? [...kept.filter((name) => !healthy.includes(name)), ...kept.filter((name) => healthy.includes(name))]
      : kept;
  // A pod the report deletes is gone: another pod it names is the one to check (see `deleted-pod.ts`).
  const deleted = podNames.filter((name) => deletedPod(text, name));
  if (deleted.length > 0 && deleted.length < podNames.length)
    podNames.splice(0, podNames.length, ...podNames.filter((name) => !deleted.includes(name)), ...deleted);
  // A node the question says things work on (`works on node-2`), wherever else it is written (`root@node-2`), is the
  // comparison.
  const workingNodes = new Set(
    nodes
      .filter((match) => WORKS_ON_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index)))
      .map((match) => match.value),
  );
  // A node the question says works at one place ("the pods in node-1 and node-2 are reachable from all 3 nodes, but
  // pods in node-3 are not") is the comparison wherever else it is written, when another node is left to fill.
  const saidToWork = new Set(
    [...workingWithListed(text, nodes, (match) => saysItWorks(text, match))].map((match) => match.value),
  );
  const otherNodes = nodes.some((match) => !saidToWork.has(match.value) && !workingNodes.has(match.value));
  // A node written only with the status `Ready` (`节点状态: k8s-master Ready, k8s-node1 Ready, k8s-node2 NotReady`,
  // `master1 Ready 和 node1 Ready，node1 上的 pod ...`) is a healthy node of a status list: the report's is one it
  // writes otherwise (see `readyOnly`).
  const ready = readyOnly(text, nodes);
  // A host written only in prompts before kubectl or helm, else only in a healthy listing's rows, is where the reporter
  // typed (see `admin-prompt.ts`): no node the report singles out.
  const typedOn = (match: Match) => typedOnOnly(text, rows, match.value);
  const nodeNames = values(nodes.filter((match) => !listedOnly(match) && !typedOn(match))).filter(
    (name) =>
      !podNames.includes(name) &&
      !ready.has(name) &&
      !quoted.includes(name) &&
      !IFACE_LIKE.test(name) &&
      !writtenAsVariable(text, name) &&
      !workingNodes.has(name) &&
      !(otherNodes && saidToWork.has(name)) &&
      // `service-1.mynamespace.svc.cluster.local` ("VirtualService ... hosts service-1...."): a Service's DNS name.
      !/\.svc(?:\.|$)/.test(name) &&
      // `cluster node: seata-server-0.seata-server-cluster:7091`: an application's member, a StatefulSet pod.
      !statefulPodDnsName(name) &&
      // A 32-64 hex ID (a Redis `CLUSTER NODES` row's node ID, a container's) names no machine (see `generated-names.ts`).
      !runtimeId(name) &&
      // `cannot gossip with node cassandra-1`, `data node es-data-0`: a data store's member, unless a node row or a
      // pod row's NODE cell shows it (see `app-member-node.ts`).
      !(
        appMemberNode(text, name) &&
        !pasted.some(
          (row) =>
            (row.kind === 'node' && row.name === name.toLowerCase()) ||
            row.node?.value.toLowerCase() === name.toLowerCase(),
        )
      ) &&
      !partOfHostName(text, name),
  );
  // A host written only in shell prompts is where the reporter typed: a node the question names otherwise comes first.
  const lowerText = text.toLowerCase();
  const prompted = nodeNames.filter((name) => promptOnlyHost(lowerText, name.toLowerCase()));
  if (prompted.length > 0 && prompted.length < nodeNames.length)
    nodeNames.splice(
      0,
      nodeNames.length,
      ...nodeNames.filter((name) => !prompted.includes(name)),
      ...prompted,
    );
  // A host written only in uname output is where the reporter ran uname: a node the report names otherwise comes first
  // (see `uname-host.ts`).
  nodeNames.splice(0, nodeNames.length, ...unameHostsLast(lowerText, nodeNames));
  // The node the report places its pods on comes before the others it introduces its cluster with (see `pods-node.ts`),
  // after a failing pod row's NODE cell, which shows where the failure is.
  const placed = nodeNames.filter((name) =>
    wholeNameAt(lowerText, name.toLowerCase()).some((at) => podsPlacedAt(lowerText, at, name.toLowerCase())),
  );
  if (failingRowNodes.length === 0 && placed.length > 0 && placed.length < nodeNames.length)
    nodeNames.splice(0, nodeNames.length, ...placed, ...nodeNames.filter((name) => !placed.includes(name)));
  // The pod's own namespace first: the NAMESPACE cell of its row (`kube-system coredns-... 0/1 CrashLoopBackOff`).
  // Else the namespace the report writes right after the pod (`pod web-0 in namespace shop`, see `namespaceAfterPod`).
  const afterPod = podNames[0] === undefined ? undefined : namespaceAfterPod(text, podNames[0]);
  const podNamespace =
    rows.find((row) => row.name === podNames[0])?.namespace ??
    (afterPod !== undefined && isName(afterPod) ? afterPod : undefined);
  // A pod run with no namespace flag (`kubectl exec -ti busybox1 -- nslookup ...`) is in the context's namespace: the
  // namespaces of other commands' `-n` and of Services' DNS names are theirs, so `<namespace>` stays open rather than
  // pairing that pod with kube-system. A namespace the question writes as such (`namespace prod`) still counts.
  const contextPod =
    podNamespace === undefined && podNames[0] !== undefined && podWithoutNamespaceFlag(text, podNames[0]);
  const written = new Set(values(named.namespace));
  // A namespace is one DNS label too.
  const namespaceNames = values(
    contextPod ? namespaces.filter((m) => written.has(m.value)) : namespaces,
  ).filter((name) => !name.includes('.') && name !== podNamespace);
  if (podNamespace !== undefined) namespaceNames.unshift(podNamespace);
  // A port forward's local end is the engineer's own machine's port (see `forwarded-port.ts`).
  const forwarded = /port-forward|Forwarding from/i.test(text)
    ? forwardedLocalPorts(text)
    : new Set<number>();
  const ports = portMentions(text, attachedPorts).filter((port) => !forwarded.has(port));
  for (const mention of ips) if (mention.port !== null && forwarded.has(mention.port)) mention.port = null;
  const nodePorts = nodePortsOf(text, ports);
  const serviceNames = failingPortFirst(
    // A name written only in the rows of a listing (a pod row's NODE cell before `SVC state:`) is no Service either,
    // unless its row carries the port that fails.
    values(services.filter((match) => match.value === failingService || !listedOnly(match))).filter(
      (name) =>
        !podNames.includes(name) &&
        !IFACE_LIKE.test(name) &&
        // A chart's short name beside the installed `<release>-<name>` (see `release-prefixed.ts`).
        !releasePrefixed(text, name),
    ),
    failingService,
  );
  // Where an add-on was installed is no namespace of the application objects named beside it (see `addOnNamespace`).
  // So is the `-n` of a command run on an add-on's own pod or DaemonSet (see `addOnCommandNamespace`).
  const namespaceList = namespaceNames.filter(
    (name) =>
      !addOnNamespace(text, name, [podNames[0], serviceNames[0]]) &&
      !onlyPrefixOf(text, name, quoted) &&
      !addOnCommandNamespace(text, name, [
        podNames[0],
        serviceNames[0],
        // The application pod the report says fails, unnamed: the quoted add-on pod's `-n` is not its namespace.
        quoted.length > 0 ? FAILING_APPLICATION_POD : undefined,
      ]),
  );
  // A client's namespace and a Service's, and no pod to tie one of them to: neither is `<namespace>`.
  const namespacesSplit = splitNamespaces(text, namespaceList, podNames[0] !== undefined);
  return {
    ips,
    cidrs: unique(cidrs),
    ports,
    nodePorts,
    backendPorts: backendPortsOf(text, ports, nodePorts),
    healthCheckPorts: healthCheckPortsOf(text, ports),
    probePorts: ips.flatMap((ip) =>
      ip.port !== null &&
      (loopbackProbePort(text, ip.port) ||
        kubectlDefaultServer(text, ip.port) ||
        kubectlProxyPort(text, ip.port))
        ? [ip.port]
        : [],
    ),
    serviceNamespace: serviceOwnNamespace(text, serviceNames[0]),
    pods: podNames,
    podAddresses:
      podNames[0] === undefined
        ? []
        : unique(
            ips
              .map((mention) => mention.ip)
              .filter((ip) =>
                writtenAsPodAddress(
                  text,
                  podNames[0] ?? '',
                  ip,
                  pasted.filter((row) => row.kind === 'pod'),
                ),
              ),
          ),
    // A pod the report gives no role, beside an error that dialled an end its name shares nothing with, is not that
    // end's backend (see `target-backend.ts`): like a caller, it takes no check of what the backend listens on.
    podRole:
      podRole(text, podNames[0]) ??
      (podBesideDialledName(text, podNames[0] ?? '') ? ('client' as const) : undefined),
    podRoleOpen: podRole(text, podNames[0]) === undefined && podsOfOtherWorkloads(podNames),
    // Every row of the pod shows it never started (a row written twice, once running, leaves it startable).
    podNotStarted:
      podNames[0] !== undefined &&
      pasted.some((row) => row.kind === 'pod' && row.name === podNames[0]) &&
      pasted.every((row) => row.kind !== 'pod' || row.name !== podNames[0] || row.notStarted === true),
    namespaces: namespacesSplit ? [] : namespaceList,
    namespacesSplit,
    nodes: nodeNames,
    services: serviceNames,
    ifaces: values(ifaces).sort((a, b) => nicFirst(a) - nicFirst(b)),
  };
}

/** The status a node listing prints for a healthy node, right after its name (`Ready`, not `NotReady` or cordoned). */
const READY_AFTER = /^\s+Ready(?![\w-]|,\s*SchedulingDisabled)/;

/**
 * The nodes written only as `name Ready`, when the report writes other nodes (with another status or in prose) or two
 * or more such nodes (a status list of healthy nodes names none the report is about).
 */
function readyOnly(text: string, nodes: readonly Match[]): Set<string> {
  const names = new Set(nodes.map((match) => match.value));
  const ready = new Set(
    [...names].filter((name) =>
      nodes
        .filter((match) => match.value === name)
        .every((match) =>
          READY_AFTER.test(text.slice(match.index + name.length, match.index + name.length + 40)),
        ),
    ),
  );
  return ready.size < names.size || ready.size >= 2 ? ready : new Set();
}

/**
 * `kubectl get svc` in the default namespace always prints the API server's own row (`default kubernetes ClusterIP
 * 10.254.0.1`): alone, it is the report's Service only when the report also tries that address outside the row
 * (`curl 192.168.0.1:443`).
 */
function incidentalApiServerRow(text: string, row: ListingRow): boolean {
  return (
    row.name.toLowerCase() === 'kubernetes' &&
    row.clusterIpAt !== undefined &&
    !writtenElsewhere(
      text,
      new RegExp(`^${IPV4}`).exec(text.slice(row.clusterIpAt))?.[0] ?? '',
      row.clusterIpAt,
    )
  );
}

/** Whether the address is written at another place than `index` too. */
function writtenElsewhere(text: string, ip: string, index: number): boolean {
  if (ip === '') return false;
  for (let at = text.indexOf(ip); at !== -1; at = text.indexOf(ip, at + 1)) {
    if (at === index || /[\d.]/.test(text[at - 1] ?? ' ')) continue;
    if (!/^(?:\d|\.\d)/.test(text.slice(at + ip.length, at + ip.length + 2))) return true;
  }
  return false;
}

/**
 * Of the pods a listing shows failing (`coredns-... 0/1 ContainerCreating; kube-flannel-ds-5w8v2 0/1
 * CrashLoopBackOff`), the report is about the one it also writes in its own words: by name (`kubectl logs
 * kube-flannel-ds-5w8v2`) or by its workload's (`pod kube-flannel-ds CrashLoopBackOff`). Those go first; the order
 * is otherwise kept.
 */
function namedOutsideFirst(text: string, rows: readonly ListingRow[], pods: string[]): string[] {
  const listed = new Set(rows.filter((row) => row.kind === 'pod').map((row) => row.name));
  if (pods.filter((pod) => listed.has(pod)).length < 2) return pods;
  const outside = outsideRows(text, rows).toLowerCase();
  const written = (pod: string) =>
    !listed.has(pod) ||
    [pod, workloadName(pod)].some((name) => name !== undefined && wholeNameAt(outside, name).length > 0);
  return [...pods.filter(written), ...pods.filter((pod) => !written(pod))];
}

/** Where `text` has `name` as a whole name, not inside a longer one (both lower case). */
function wholeNameAt(text: string, name: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1))
    if (!/[a-z0-9_-]/.test(text[at - 1] ?? ' ') && !/[a-z0-9_-]/.test(text[at + name.length] ?? ' '))
      found.push(at);
  return found;
}

/**
 * A name written in a shell prompt before an API client (see `apiClientPrompt`), and elsewhere only in the rows of a
 * listing that are not failing: the prompt names the machine the reporter typed on, the rows one of many objects.
 */
function typedOnOnly(text: string, rows: readonly ListingRow[], value: string): boolean {
  const lower = text.toLowerCase();
  const name = value.toLowerCase();
  const offsets = wholeNameAt(lower, name);
  const prompt = (at: number) => apiClientPrompt(lower, at, name);
  return (
    offsets.some(prompt) &&
    offsets.every((at) => prompt(at) || rows.some((row) => !row.failing && at >= row.start && at < row.end))
  );
}

/** Several named objects: the one written with the failing port goes first (see `serviceOfFailingPort`). */
function failingPortFirst(names: string[], failing: string | undefined): string[] {
  if (failing === undefined || names.length < 2 || !names.includes(failing)) return names;
  return [failing, ...names.filter((name) => name !== failing)];
}

/**
 * A shell prompt `[root@master01 service]#`: the word after the host is the working directory, which reads like an object
 * word or name ("master01 service", "vagrant"). It is blanked out (same length) before object words are read.
 */
const PROMPT_DIR = /\[[\w.-]+@[\w.-]+\s+([^\]\s]+)\]\s*[#$]/g;

function withoutPromptDirs(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(PROMPT_DIR, (prompt, dir: string) => {
    const at = prompt.lastIndexOf(dir);
    return prompt.slice(0, at) + ' '.repeat(dir.length) + prompt.slice(at + dir.length);
  });
}

/** `kubectl describe pod|svc`, and the dump that follows up to the next kubectl command. */
const DESCRIBE_KIND =
  /(?<![\w-])describe\s+(?:(?:-n|--namespace)(?:\s+|=)\S+\s+)?(pods?|po|services?|svc)(?![\w-])/gi;
const NEXT_KUBECTL = /(?<![\w-])kubectl\s/i;
const FINISHED_POD_STATUS = /(?<![\w-])Status:\s*(?:Succeeded|Completed)(?![\w-])/i;
/** The pod's name right after `kubectl describe pod`, or its `Name:` field. */
const DESCRIBE_ARG = new RegExp(`^\\s*(?:Name:\\s*)?(${NAME})${NAME_END}`, 'i');
const DESCRIBE_NAME = new RegExp(`(?<![\\w-])Name:\\s*(${NAME})${NAME_END}`, 'g');
const DESCRIBE_IP = new RegExp(`(?<![\\w-])IPs?:\\s*(?:IP:\\s*)?(${IPV4})(?![\\d.])`, 'g');

/**
 * The fields of the `kubectl describe pod|svc` dumps a report pastes: the dump's `Name:` is that pod or Service, its
 * `IP:` that pod's or Service's address (a pod's own address is where it is, no address the report tries). The first
 * `Name:` of each dump only: containers, volumes and owners have names too.
 */
function describedFields(text: string): {
  pods: Match[];
  services: Match[];
  ips: Array<[number, IpRole]>;
  finished: ListingRow[];
} {
  const out = {
    pods: [] as Match[],
    services: [] as Match[],
    ips: [] as Array<[number, IpRole]>,
    finished: [] as ListingRow[],
  };
  if (!/describe/i.test(text)) return out;
  for (const command of text.matchAll(DESCRIBE_KIND)) {
    const kind: IpRole = /^(?:pods?|po)$/i.test(command[1] ?? '') ? 'pod' : 'service';
    const start = (command.index ?? 0) + command[0].length;
    const rest = text.slice(start, start + 1500);
    const next = rest.search(NEXT_KUBECTL);
    const dump = next === -1 ? rest : rest.slice(0, next);
    // `Status: Succeeded` (a Job's pod, `Controlled By: Job/...`): finished by design, as a listing's `0/1 Completed`
    // row is. Its name, namespace and address are read as a listing row's that is not failing.
    if (kind === 'pod' && FINISHED_POD_STATUS.test(dump)) {
      const name = (DESCRIBE_ARG.exec(dump)?.[1] ?? '').toLowerCase();
      out.finished.push({
        kind: 'pod',
        start: command.index ?? 0,
        end: start + dump.length,
        failing: false,
        name,
      });
      continue;
    }
    const name = [...dump.matchAll(DESCRIBE_NAME)][0];
    const value = name?.[1]?.replace(/\.+$/, '');
    if (name && value && isName(value)) {
      const match = { value, index: start + (name.index ?? 0) + name[0].indexOf(value) };
      (kind === 'pod' ? out.pods : out.services).push(match);
    }
    for (const ip of dump.matchAll(DESCRIBE_IP)) {
      out.ips.push([start + (ip.index ?? 0) + ip[0].lastIndexOf(ip[1] ?? ''), kind]);
    }
  }
  return out;
}

/**
 * What may stand between two members of a list of names: `k8s-node-1 & k8s-node-2`, `worker01、worker02`, and each
 * member's address or role in brackets (`k8s-master01（10.0.0.11）、k8s-node01（10.0.0.21）`, `master1 (10.0.0.11),
 * worker1 (10.0.0.21)`).
 */
const LIST_GAP =
  /^\s*(?:[(（][^()（）\n]{1,40}[)）]|(?:[:：=]\s*)?\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?)?\s*(?:[,，、&/;；]|and|和|及|与|與|\.{3}|…)?\s*$/i;
/**
 * `nodes node001 172.16.126.208 ... node008 172.16.126.215`: an ellipsis elides members, so two ends are a list too.
 */
const ELLIPSIS_GAP = /\.{3}|…/;
/**
 * Two machines counted before they are listed (`两台主机 master-1（9.134.5.228）和 node-1（9.134.125.34）`, `two hosts
 * master-1 (9.134.5.228) and node-1 (...)`) are the cluster's inventory too, not the two ends of a path ("pods on
 * worker2 cannot reach pods on worker1").
 */
const COUNTED_PAIR_BEFORE =
  /(?:(?<![\w.])2|两|兩|二|(?<![a-z])two)\s*(?:台|个|個|部)?\s*(?:主机|主機|节点|節點|机器|機器|服务器|服務器|虚拟机|虛擬機|(?<![a-z])(?:hosts|nodes|machines|servers|vms))\s*[:：]?\s*$/i;

/**
 * What introduces a cluster's host inventory, with the entries before the first node-shaped one (`hosts master
 * 192.168.72.30, node1 ...`, `主机：master 192.168.72.30，node1 ...`): the object word, then `name address` entries.
 * Group 1 holds those earlier entries.
 */
const ADDRESSED_INVENTORY_BEFORE =
  /(?:(?<![a-z-])(?:hosts|nodes|machines|servers|vms|inventory)|主机|主機|节点|節點|机器|機器|服务器|服務器)\s*[:：]?\s*((?:[\w.-]+\s*[(（]?\s*\d{1,3}(?:\.\d{1,3}){3}\s*[)）]?\s*[,，、;；]\s*)*)$/i;
/** A member's own address right after its name: `node1 192.168.72.31`, `node1（10.0.0.21）`. */
const ADDRESS_AFTER = /^\s*[(（]?\s*\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)/;
/** Members of a listing are parted by punctuation; "node1 (10.0.0.1) and node2 (10.0.0.2)" may be a path's ends. */
const PUNCTUATION_GAP = /^\s*(?:[(（][^()（）\n]{1,40}[)）]|\d{1,3}(?:\.\d{1,3}){3})\s*[,，、;；]\s*$/;

/**
 * Hosts listed each with its address after an inventory word (`hosts master 192.168.72.30, node1 192.168.72.31`,
 * `节点：k8s-node1 10.0.0.21，k8s-node2 10.0.0.22`) are the cluster's inventory even when only one or two of them have a
 * node's shape: two or more entries in all, every one followed by its address and parted by punctuation.
 */
function addressedInventory(text: string, run: readonly Match[]): boolean {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return false;
  const before = ADDRESSED_INVENTORY_BEFORE.exec(text.slice(Math.max(0, first.index - 120), first.index));
  if (!before) return false;
  const earlier = (before[1] ?? '').match(/\d{1,3}(?:\.\d{1,3}){3}/g)?.length ?? 0;
  if (run.length + earlier < 2) return false;
  if (!ADDRESS_AFTER.test(text.slice(last.index + last.value.length))) return false;
  return run.every((match, i) => {
    const next = run[i + 1];
    return !next || PUNCTUATION_GAP.test(text.slice(match.index + match.value.length, next.index));
  });
}

/** A host written as a field of its address: `node1: 10.0.102.61/24`, `master：192.168.1.10`, `node2=10.0.0.2`. */
const ADDRESS_FIELD_AFTER = /^\s*[:：=]\s*\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?!\.?\d)/;

/**
 * Two or more hosts each written as a field of its address and parted by punctuation (`node1: 10.0.102.61/24, node2:
 * 10.0.102.62/24`, `master：192.168.1.10，node1：192.168.1.11`) describe the cluster's machines, the way an environment
 * section does, with or without an inventory word before them: they are no path's two ends ("pods on node1 cannot
 * reach node2"), which the report writes in prose.
 */
function addressFields(text: string, run: readonly Match[]): boolean {
  return (
    run.length >= 2 &&
    run.every((match) => ADDRESS_FIELD_AFTER.test(text.slice(match.index + match.value.length)))
  );
}

/**
 * Node-shaped names written as a list of three or more (`deploy k8s-node-1 & k8s-node-2 & k8s-node-3`, `name:
 * worker01、worker02、worker03`, or two around an ellipsis) are the cluster's inventory, none the node the report is
 * about; they are dropped.
 * Two are the two ends of a path (`pods on worker2 can't reach pods on worker1`), and a name written apart stays.
 */
function withoutInventory(text: string, matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.index - b.index);
  const listed = new Set<Match>();
  let run: Match[] = [];
  let elided = false;
  const close = () => {
    const counted =
      run.length === 2 &&
      COUNTED_PAIR_BEFORE.test(text.slice(Math.max(0, (run[0]?.index ?? 0) - 16), run[0]?.index ?? 0));
    if (
      run.length >= 3 ||
      (run.length === 2 && (elided || counted)) ||
      addressedInventory(text, run) ||
      addressFields(text, run)
    )
      for (const match of run) listed.add(match);
    run = [];
    elided = false;
  };
  for (const match of sorted) {
    const last = run.at(-1);
    const gap = last ? text.slice(last.index + last.value.length, match.index) : '';
    // The name after an ellipsis ends its list (`node001 ... node008, node002 上的 pod`).
    if (last && (elided || !LIST_GAP.test(gap))) close();
    else if (last && ELLIPSIS_GAP.test(gap)) elided = true;
    run.push(match);
  }
  close();
  return sorted.filter((match) => !listed.has(match));
}

/**
 * "pod rke2-canal", "rke2-canal pod logs show ...", "tke-auth-api 的 pod": a distribution's add-on written bare is its
 * workload, no pod (`distributionAddOn`); its pods' names carry a generated suffix.
 */
function addOnWorkloadAsPod(kind: ObjectKind, value: string): boolean {
  return kind === 'pod' && distributionAddOn(value) && !isGeneratedPodName(value);
}

function isGeneratedPodName(value: string): boolean {
  if (!isName(value)) return false;
  const parts = value.split('-');
  const suffix = parts.at(-1) ?? '';
  const hash = parts.length >= 3 ? (parts.at(-2) ?? '') : '';
  if (hash.length >= 6 && hash.length <= 10 && safe(hash) && suffix.length === 5 && safe(suffix)) {
    return /\d/.test(hash + suffix);
  }
  // A bare `<name>-xxxxx` is only trusted with a digit: `ovn-sbctl`, `ovs-dpctl` are tools, not pods.
  return suffix.length === 5 && safe(suffix) && /\d/.test(suffix) && parts.length >= 2;
}

/** Only characters of Kubernetes-generated suffixes. */
function safe(text: string): boolean {
  return ALL_SAFE.test(text);
}

/**
 * An interface's name: a digit, or a known prefix joined to more (`br-int`, `cilium_host`, `vxlan.calico`). The bare
 * word is prose: "the interface flannel uses", "dev cilium".
 */
function isIfaceName(value: string): boolean {
  return (
    /^[a-z][a-z0-9_.-]{0,14}$/.test(value) &&
    !NOT_NAMES.has(value) &&
    (/\d/.test(value) ||
      /^(?:br|bond|team|ovn|genev|vxlan|flannel|cali|cilium|tunl|docker|cni)[a-z]*[._-]./.test(value))
  );
}

// --- filling -------------------------------------------------------------------------------------------------------

/**
 * The placeholders taking an address, by what the address is: the one the report fails to reach, an address of each
 * role, the source. One table for filling them and for reading which address a check takes.
 */
export const ADDRESS_PLACEHOLDERS = {
  target: ['<target-ip>', '<target>', '<dst-ip>', '<destination-ip>'],
  pod: ['<pod-ip>'],
  node: ['<node-ip>', '<host-ip>'],
  service: ['<cluster-ip>', '<service-ip>', '<svc-ip>'],
  dns: ['<dns-ip>', '<dns-server>', '<nameserver>'],
  source: ['<src-ip>', '<source-ip>'],
} as const satisfies Record<IpRole | 'target' | 'source', readonly string[]>;

/** Which entity each placeholder takes. Placeholders not listed here are never filled. */
export function placeholderValues(entities: Entities): PlaceholderValues {
  const map = new PlaceholderValues();
  const set = (names: readonly string[], value: string | undefined) => {
    if (value === undefined) return;
    for (const name of names) map.set(name, value);
  };
  // An address the question says works is the comparison, not what fails: it fills nothing.
  const ips = entities.ips.filter((ip) => !ip.works);
  // Calico's pod gateway seen in a route or ARP table is no address the report tries; asked for by ARP or a ping, it
  // is (see `podGateway`).
  const tried = ips.filter(
    (ip) => !podGateway(ip.ip) || ip.arpSought === true || ip.direction === 'destination',
  );
  // Without an access verb, the target is the last of the one or two addresses the question is about ("A on node X,
  // B on node Y, not reachable"); of more (a `kubectl get -o wide` listing, BGP peers, a node list) none is the target
  // more than the others.
  // An address the question gives as where traffic comes from (`收到的源 IP 是 10.244.1.5`) is no target where it is
  // written again without a verb (`tcpdump -i eth0 'host 10.244.1.5'`).
  const sources = new Set(tried.filter((ip) => ip.direction === 'source').map((ip) => ip.ip));
  const undirectedIps = tried.filter((ip) => ip.direction === null && !sources.has(ip.ip));
  const undirected = new Set(undirectedIps.map((ip) => ip.ip));
  // Two nodes' addresses given as the cluster's inventory ("主节点IP:192.168.186.40,工作节点IP:192.168.186.41") name
  // the machines, not which one the report fails to reach.
  const inventory = undirected.size === 2 && undirectedIps.every((ip) => ip.role === 'node');
  // An upstream DNS server the question does not try (`upstream DNS server is 8.8.8.8`) fills `<dns-ip>`, not the
  // target: a check of the target there would probe the resolver the cluster forwards to, not the path the report says
  // fails.
  const resolver = (ip: IpMention | undefined) => ip?.upstream === true;
  const target =
    tried.find((ip) => ip.direction === 'destination') ??
    (undirected.size <= 2 && !inventory ? undirectedIps.filter((ip) => !resolver(ip)).at(-1) : undefined) ??
    (tried.length === 1 &&
    !resolver(tried[0]) &&
    tried[0]?.direction !== 'location' &&
    tried[0]?.direction !== 'source'
      ? tried[0]
      : undefined);
  const byRole = (role: IpRole): IpMention | undefined => {
    const withRole = ips.filter((ip) => ip.role === role);
    // Several addresses of one kind the question neither tries nor places anything on (`master 10.55.55.10, worker0
    // 10.55.55.11, worker1 10.55.55.12`) are an inventory: none is singled out.
    if (new Set(withRole.map((ip) => ip.ip)).size >= 2 && withRole.every((ip) => ip.direction === null))
      return undefined;
    // The source pod/node is the one commands run from; a destination of that kind is the fallback.
    return withRole.find((ip) => ip.direction !== 'destination') ?? withRole[0];
  };
  // A loopback address is the target's own host (`dial tcp 127.0.0.1:4245`): its port still counts below, but no
  // command run from another host or pod reaches it (see `isLoopback`).
  const reachable = (ip: string | undefined) => (ip === undefined || isLoopback(ip) ? undefined : ip);
  set(ADDRESS_PLACEHOLDERS.target, reachable(target?.ip));
  if (target !== undefined && ips.some((ip) => ip.ip === target.ip && ip.clusterIp === true))
    map.targetIsClusterIp = true;
  set(ADDRESS_PLACEHOLDERS.pod, reachable(byRole('pod')?.ip));
  set(ADDRESS_PLACEHOLDERS.node, inventory ? undefined : reachable(byRole('node')?.ip));
  // A "service IP" written with a NodePort is a node's address (see `reachedOnNodePort`): no ClusterIP to fill.
  const serviceIp = byRole('service')?.ip;
  const onNodePort = serviceIp !== undefined && reachedOnNodePort(serviceIp, ips, entities.nodePorts ?? []);
  set(ADDRESS_PLACEHOLDERS.service, onNodePort ? undefined : reachable(serviceIp));
  // A loopback nameserver (dnsmasq's `--server=/cluster.local/127.0.0.1#10053`, systemd-resolved's 127.0.0.53) is a
  // resolver's own local upstream, answering only on its host: no DNS server a check from a pod or node can query.
  set(ADDRESS_PLACEHOLDERS.dns, reachable((byRole('dns') ?? ips.find((ip) => ip.dnsQueried === true))?.ip));
  set(ADDRESS_PLACEHOLDERS.source, ips.find((ip) => ip.direction === 'source')?.ip);
  // A port written with another address is that address's (`docker -H tcp://127.0.0.1:4243` beside a ping of a pod).
  const foreign = new Set(ips.filter((ip) => ip.port !== null && ip.ip !== target?.ip).map((ip) => ip.port));
  // Of several ports none written with the target (a Service's `port 5432` beside its `nodePort 32415`, a proxy's
  // `listening on 8080` beside the NodePort it forwards to), none is more the one that fails than the others.
  const ports = entities.ports.filter((p) => !foreign.has(p));
  // A component's probe port on the loopback (see `loopbackProbePort`) is not the target's port to check.
  const targetPort = target?.port != null && entities.probePorts?.includes(target.port) ? null : target?.port;
  const port = targetPort ?? (entities.ports.length === 1 ? ports[0] : undefined);
  set(['<port>', '<target-port>'], port === undefined || port === null ? undefined : String(port));
  if (port !== undefined && port !== null && entities.nodePorts?.includes(port)) map.nodePort = String(port);
  if (port !== undefined && port !== null && entities.backendPorts?.includes(port))
    map.backendPort = String(port);
  if (port !== undefined && port !== null && entities.healthCheckPorts?.includes(port))
    map.healthCheckPort = String(port);
  set(['<pod>', '<pod-name>'], entities.pods[0]);
  if (target !== undefined && entities.podAddresses?.includes(target.ip) === true) map.podIsTarget = true;
  if (entities.podNotStarted === true) map.podNotStarted = true;
  if (entities.pods[0] !== undefined && entities.podRole !== undefined) map.podRole = entities.podRole;
  else if (entities.pods[0] !== undefined && entities.podRoleOpen === true) map.podRoleOpen = true;
  set(['<namespace>', '<ns>'], entities.namespaces[0]);
  set(['<node>', '<node-name>'], entities.nodes[0]);
  set(['<service-name>', '<service>', '<svc>', '<svc-name>'], entities.services[0]);
  // The Service's own namespace where the question gives another to `<namespace>`: written as a namespace, it fills a
  // check of the Service; read only from its DNS name, that check's `<namespace>` stays open (null).
  const own = entities.serviceNamespace;
  if (own !== undefined && entities.namespaces[0] !== undefined && own.namespace !== entities.namespaces[0])
    map.serviceNamespace = own.fromDns ? null : own.namespace;
  // Namespaces of both ends and no pod: only a check of the Service takes one, its own as written.
  if (own !== undefined && entities.namespacesSplit === true && !own.fromDns)
    map.serviceNamespace = own.namespace;
  set(
    ['<iface>', '<interface>', '<nic>'],
    entities.ifaces.find((name) => !TUNNEL_DEVICE.test(name)),
  );
  set(['<cidr>'], entities.cidrs[0]);
  return map;
}

const PLACEHOLDER = /<[a-z][a-z0-9_-]*>/gi;

/** A command split at its placeholders: `text[0] tokens[0] text[1] ... tokens[n-1] text[n]`. */
export interface CommandTemplate {
  text: string[];
  /** The placeholders as written (`<Pod>`), and lower-cased: the keys of the values map. */
  tokens: string[];
  keys: string[];
}

export function commandTemplate(command: string): CommandTemplate {
  const template: CommandTemplate = { text: [], tokens: [], keys: [] };
  let last = 0;
  for (const match of command.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    template.text.push(command.slice(last, index));
    template.tokens.push(match[0]);
    template.keys.push(match[0].toLowerCase());
    last = index + match[0].length;
  }
  template.text.push(command.slice(last));
  return template;
}

/** Replaces the placeholders it has values for; the others stay visible for the reader to fill. */
export function fillCommand(command: string, values: FillValues): FilledCommand {
  return fillTemplate(commandTemplate(command), values);
}

/** `fillCommand` on a command already split (commands are filled for every answer, split once). */
export function fillTemplate(template: CommandTemplate, values: FillValues): FilledCommand {
  const fills: Fill[] = [];
  const serviceOpen = opensServiceOnly(template, values);
  const portOpen =
    nodePortElsewhere(template, values) ||
    backendPortOnNode(template, values) ||
    healthzOfOtherPort(template, values);
  const serviceNamespace = serviceCheckNamespace(template, values);
  const commandText = template.text.join(' ');
  // An ARP probe of a ClusterIP is never answered (see `virtual-target.ts`): its target stays open.
  const targetOpen = values.targetIsClusterIp === true && asksArpForTarget(commandText);
  // A check run in the pod toward the target, when the target is that pod's own address, would run in the
  // destination (see `pod-address.ts`): its pod stays open.
  const takesPod = template.keys.some((key) => POD_KEYS.has(key));
  const pod = values.get('<pod>') ?? values.get('<pod-name>');
  const podOpen =
    takesPod &&
    ((values.podIsTarget === true && template.keys.some((key) => TARGET_KEYS.has(key) && values.has(key))) ||
      // A lookup run in the DNS server's own pod tests no client's path (see `in-pod-check.ts`).
      lookupInDnsServer(commandText, pod) ||
      // No check runs inside a pod whose containers never started (see `not-started-pod.ts`).
      (values.podNotStarted === true && runsInPod(commandText)) ||
      // A check of the other end than the one the report gives the pod (see `pod-role.ts`).
      (values.podRole === 'server' && callsFromPod(templateCommand(template))) ||
      (values.podRole === 'client' && listensInPod(templateCommand(template))) ||
      // A pod with no role among pods of other workloads: neither end's check takes it (see `unroled-pod.ts`).
      (values.podRoleOpen === true &&
        (callsFromPod(templateCommand(template)) || listensInPod(templateCommand(template)))));
  // A check run in a pod the report does not name keeps no add-ons' namespace: that `-n` came from a command on an
  // add-on, not from the pod the check runs in.
  const namespaceOpen =
    takesPod &&
    (podOpen || pod === undefined) &&
    runsInPod(commandText) &&
    systemNamespace(values.get('<namespace>') ?? values.get('<ns>'));
  let command = template.text[0] ?? '';
  for (const [i, token] of template.tokens.entries()) {
    const key = template.keys[i] ?? '';
    const open =
      (serviceOpen && NAMESPACE_KEYS.has(key)) ||
      (portOpen && PORT_KEYS.has(key)) ||
      (targetOpen && TARGET_KEYS.has(key)) ||
      (podOpen && POD_KEYS.has(key)) ||
      (namespaceOpen && NAMESPACE_KEYS.has(key));
    // A check of the Service takes the Service's own namespace, or leaves it open (null) where only its DNS name gave it.
    const value = open
      ? undefined
      : serviceNamespace !== undefined && NAMESPACE_KEYS.has(key)
        ? (serviceNamespace ?? undefined)
        : values.get(key);
    if (value === undefined) {
      command += token;
    } else {
      if (!fills.some((fill) => fill.placeholder === token)) fills.push({ placeholder: token, value });
      command += value;
    }
    command += template.text[i + 1] ?? '';
  }
  return { command, fills };
}

/** The command as the runbook writes it, its placeholders in place. */
function templateCommand(template: CommandTemplate): string {
  return template.text.map((text, i) => text + (template.tokens[i] ?? '')).join('');
}

const SERVICE_KEYS = new Set(['<service-name>', '<service>', '<svc>', '<svc-name>']);
const TARGET_KEYS = new Set<string>(ADDRESS_PLACEHOLDERS.target);
const PORT_KEYS = new Set(['<port>', '<target-port>']);
/** Placeholders whose address a NodePort is not opened on: a Service's ClusterIP, a pod's address. */
const NOT_NODE_ADDRESS_KEYS = new Set<string>([...ADDRESS_PLACEHOLDERS.service, ...ADDRESS_PLACEHOLDERS.pod]);

/**
 * A check that pairs the port with a Service's ClusterIP or a pod's address (`curl http://<cluster-ip>:<port>/`,
 * `ipvsadm -Ln -t <cluster-ip>:<port>`) or sets a `targetPort`, when the port to fill is the NodePort the question
 * reaches the Service on (`echo-b NodePort 10.106.116.86 8080:31313/TCP`): that port is open on the nodes only, so
 * `<port>` stays open there rather than naming a port the address never serves.
 */
function nodePortElsewhere(template: CommandTemplate, values: FillValues): boolean {
  const port = values.get('<port>') ?? values.get('<target-port>');
  if (port === undefined || values.nodePort !== port) return false;
  if (!template.keys.some((key) => PORT_KEYS.has(key))) return false;
  return (
    template.keys.some((key) => NOT_NODE_ADDRESS_KEYS.has(key)) || /targetPort/i.test(template.text.join(' '))
  );
}
const NAMESPACE_KEYS = new Set(['<namespace>', '<ns>']);
const NODE_ADDRESS_KEYS = new Set<string>(ADDRESS_PLACEHOLDERS.node);
const POD_KEYS = new Set(['<pod>', '<pod-name>']);

/**
 * A check of one Service and no pod (`kubectl get endpoints <service-name> -n <namespace>`) looks where the Service is:
 * when the question gives the Service a namespace of its own (`web-0 in dev cannot reach mysql.db.svc.cluster.local`,
 * `dev 下的 pod 访问 default 命名空间的服务 mysql`), that one, not the pod's.
 */
function serviceCheckNamespace(template: CommandTemplate, values: FillValues): string | null | undefined {
  if (values.serviceNamespace === undefined) return undefined;
  const service = template.keys.some((key) => SERVICE_KEYS.has(key) && values.has(key));
  return service && !template.keys.some((key) => POD_KEYS.has(key)) ? values.serviceNamespace : undefined;
}

/** The namespace the question gives the Service: in its DNS name, before it, or right after it (`svc api -n shop`). */
function serviceOwnNamespace(
  text: string,
  service: string | undefined,
): { namespace: string; fromDns: boolean } | undefined {
  if (service === undefined) return undefined;
  const after = namespaceAfterPod(text, service);
  const own =
    namespaceOfService(text, service) ??
    (after === undefined ? undefined : { namespace: after, fromDns: false });
  return own !== undefined && isName(own.namespace) ? own : undefined;
}

/**
 * The reverse of `nodePortElsewhere`: a check that pairs the port with a node's address (`nc -zv <node-ip> <port>`,
 * `kubectl ko diagnose IPPorts tcp-<node-ip>-<port>`) when the port to fill is the Service's own port or its pods'
 * (`my-app NodePort 10.96.1.2 8080:31313/TCP`, `targetPort: 8080`): a node opens the NodePort, not that port, so
 * `<port>` stays open there.
 */
function backendPortOnNode(template: CommandTemplate, values: FillValues): boolean {
  const port = values.get('<port>') ?? values.get('<target-port>');
  if (port === undefined || values.backendPort !== port) return false;
  return (
    template.keys.some((key) => PORT_KEYS.has(key)) && template.keys.some((key) => NODE_ADDRESS_KEYS.has(key))
  );
}

/**
 * A health check of `<port>` (`curl http://<node-ip>:<port>/healthz`, where the runbook asks for the Service's
 * healthCheckNodePort) when the port to fill is not one the question writes as a health check's (see
 * `healthCheckPortsOf`): the app's NodePort or port serves no `/healthz`, so `<port>` stays open there.
 */
function healthzOfOtherPort(template: CommandTemplate, values: FillValues): boolean {
  const port = values.get('<port>') ?? values.get('<target-port>');
  if (port === undefined || values.healthCheckPort === port) return false;
  return template.keys.some((key) => PORT_KEYS.has(key)) && HEALTHZ_PATH.test(template.text.join(' '));
}
const HEALTHZ_PATH = /\/(?:healthz|livez|readyz)(?![\w-])/;

/**
 * A check of one Service (`kubectl get svc <service-name> -n <namespace>`) whose name the question does not give:
 * the namespace it gives is then another object's (the failing pod's `kube-system/kube-flannel-ds-m8srl` beside
 * `dial tcp 10.68.0.1:443`, where the Service is `default/kubernetes`), so `<namespace>` stays open with the name.
 */
function opensServiceOnly(template: CommandTemplate, values: ReadonlyMap<string, string>): boolean {
  const services = template.keys.filter((key) => SERVICE_KEYS.has(key));
  return services.length > 0 && services.every((key) => !values.has(key));
}

/** Placeholder values for a conversation turn: this turn's names first, earlier turns fill what it does not name. */
export function conversationValues(question: string, history: readonly string[]): FillValues {
  const values = placeholderValues(extractEntities(question));
  for (let i = history.length - 1; i >= 0; i--) {
    const earlier = placeholderValues(extractEntities(history[i] ?? ''));
    for (const [placeholder, value] of earlier) {
      if (!values.has(placeholder)) values.set(placeholder, value);
    }
    values.nodePort ??= earlier.nodePort;
    values.backendPort ??= earlier.backendPort;
    values.healthCheckPort ??= earlier.healthCheckPort;
    values.serviceNamespace ??= earlier.serviceNamespace;
    // The pod an earlier turn showed never started, filled from that turn, still takes no check inside it.
    if (earlier.podNotStarted === true && values.get('<pod>') === earlier.get('<pod>'))
      values.podNotStarted = true;
    if (values.podRole === undefined && values.get('<pod>') === earlier.get('<pod>')) {
      values.podRole = earlier.podRole;
      // A role an earlier turn gave the pod settles it; else an earlier turn's doubt about it still holds.
      if (values.podRole !== undefined) values.podRoleOpen = undefined;
      else values.podRoleOpen ??= earlier.podRoleOpen;
    }
  }
  return values;
}

/** Convenience: extract from the question and fill one command. */
export function fillFromQuestion(command: string, question: string): FilledCommand {
  return fillCommand(command, placeholderValues(extractEntities(question)));
}
