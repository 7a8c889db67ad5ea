/**
 * A report saying a clustered application's member cannot join or form its cluster, that also shows the in-cluster
 * names the members find one another by: "After the reboot of VM with statefulset, cassandra is not able to join the
 * cluster ... Handshaking version with cassandra-0.cassandra.default.svc.cluster.local ... Unable to gossip with any
 * seeds", "Could not auto-cluster with node ... rabbit@rabbitmq-cluster-1.rabbitmq-cluster.development.svc.cluster.local",
 * "Failed to use consul as autocluster provider ... clusterIP: None". The failure is told in the application's words,
 * but what fails is a path the runbooks cover: one pod reaching another by its own DNS record behind a headless
 * Service. The evidence must be in the report: a member's pod DNS name (`<set>-<n>.<service>.<ns>.svc`) or a headless
 * Service (`clusterIP: None`), or two members of one StatefulSet by their ordinal names (`mongo-0`, `mongo-1`:
 * stable per-pod identities are what a headless Service gives); a report saying only that members cannot find one
 * another, or a node that cannot join the Kubernetes cluster itself (kubeadm, the control plane), is not this. Pure.
 */
import { podDnsNames } from './pod-dns-name.js';
import { withinSentence } from './sentence-gap.js';

/** A failure word before the member's act: cannot, unable to, failed to, not able to, never. */
const FAILS = String.raw`(?:can(?:'|\s*no)?t|cannot|could\s*n[o']t|unable\s+to|not\s+able\s+to|fail(?:s|ed|ing)?\s+to|never)`;

/** The member's act: join or form its cluster, cluster with a peer, gossip with seeds, discover or find its peers. */
const ACT = [
  String.raw`join\b${withinSentence(20)}(?<![.\w-])(?:clusters?\b|ring\b|quorum\b|peers?\b|members?\b)`,
  String.raw`form\b${withinSentence(20)}(?<![.\w-])(?:clusters?\b|quorum\b)`,
  String.raw`gossip\b`,
  'auto-?cluster',
  String.raw`cluster\s+with\b`,
  String.raw`(?:discover|find|see|reach|contact)\b${withinSentence(20)}(?<![.\w-])(?:masters?\b|leaders?\b|seeds?\b|peers?\b|members?\b|each\s+other|one\s+another|other\s+(?:nodes|members|peers|instances|replicas|brokers)\b)`,
].join('|');

const MEMBER_FAILS = new RegExp(
  [
    String.raw`\b${FAILS}\s+(?:[\w-]+\s+){0,3}?(?:${ACT})`,
    // Chinese: cannot join or form the cluster, members cannot find one another.
    '(?:无法|不能|無法)\\s*(?:加入|组成|组建|形成|組成|組建)\\s*集群|集群\\s*(?:无法|不能|無法)\\s*(?:组成|组建|形成|組成|組建)',
    '(?:成员|成員|节点|節點)\\s*(?:之间)?\\s*互相\\s*(?:找不到|发现不了|无法发现|發現不了|连不上|連不上)',
  ].join('|'),
  'iu',
);

/** A headless Service in a pasted manifest or listing. */
const HEADLESS = /\bclusterIP:\s*["']?None\b/i;

/** A StatefulSet member's ordinal name: `mongo-1`, `my-es-test-elasticsearch-master-0` (base, then the ordinal). */
const ORDINAL_NAME = /(?<![\w.-])([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-(\d{1,2})(?![\w.-]*\.svc)(?![\w-])/giu;

/** A base naming a machine, not a workload: `node-1`, `k8s-node-2`, `worker-2`, `master-1`. */
const MACHINE_BASE = /^(?:(?:k8s|kube|k3s)-)?(?:node|worker|host|server|vm|master|agent|controller)$/u;

/** Two members of one StatefulSet named by their ordinals (the same base, two ordinals). */
function namesOrdinalMembers(text: string): boolean {
  const ordinals = new Map<string, Set<string>>();
  for (const [, base = '', ordinal = ''] of text.matchAll(ORDINAL_NAME)) {
    const name = base.toLowerCase();
    if (MACHINE_BASE.test(name)) continue;
    const seen = ordinals.get(name) ?? new Set<string>();
    seen.add(ordinal);
    ordinals.set(name, seen);
    if (seen.size >= 2) return true;
  }
  return false;
}

/** The Kubernetes cluster's own set-up: a node joining it, its control plane. */
const CLUSTER_SETUP = /\bkubeadm\b|control[\s-]?plane|\bkubelet\b|kube-apiserver/i;

/**
 * Whether the report says an application's member cannot join or form its cluster and shows a member's pod DNS name,
 * a headless Service or two members' ordinal names.
 */
export function statesMemberJoinFailure(question: string): boolean {
  const text = question.normalize('NFKC');
  if (!MEMBER_FAILS.test(text) || CLUSTER_SETUP.test(text)) return false;
  return podDnsNames(text).length > 0 || HEADLESS.test(text) || namesOrdinalMembers(text);
}
