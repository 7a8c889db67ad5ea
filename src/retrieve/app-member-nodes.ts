/**
 * An application's "nodes": the members of a MongoDB replica set, an Elasticsearch or Cassandra cluster, Kafka
 * brokers, ZooKeeper or Nacos peers. "mongo-0 is not reachable, I think the nodes cannot connect to each other" is
 * about pods of one StatefulSet, not about Kubernetes nodes, so the word "node" there must not lift the runbooks about
 * nodes (calico-node BGP sessions, node routes, gateways). A report reads so when it names members of one
 * application by ordinal (mongo-0, mongo-1; kafka-0.kafka-headless) or in member roles (primary and replica, leader
 * and follower), and says nothing that places the failure on Kubernetes nodes (a node name such as k8s-node01, a
 * node IP, kubelet, a NodePort, "on the same node", "the node", a BGP peering, kubectl get nodes). StatefulSet ordinals
 * have no leading zero, so host names such as uy08-07 are not members. Normalized (lower-case) text in.
 */

/** A StatefulSet-style member name: a lettered stem, `-`, an ordinal, then an end, a port, or a per-pod domain. */
const ORDINAL_NAME = /(?<![a-z0-9.-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(0|[1-9]\d?)(?=$|[^a-z0-9-])/gu;
/** A member name followed by its headless Service: kafka-0.kafka-headless. */
const PER_POD_DOMAIN = /(?<![a-z0-9.-])[a-z][a-z0-9-]*-(?:0|[1-9]\d?)\.[a-z][a-z0-9-]*/u;
/** Stems that name machines, not application members (node-1, worker-2, k8s-master-0). */
const MACHINE_STEM =
  /(?:node|worker|master|minion|host|vm|server|agent|machine|ip)$|(?:^|-)(?:k8s|kube|kubernetes|slave|minikube|kind|ubuntu|centos|debian)$/u;
/** Words that name an application member's role. */
const MEMBER_ROLE =
  /(?<![a-z-])(primary|secondary|replica|replicas|replica set|replicaset|leader|follower|members?|brokers?|peers?|quorum|master-eligible|shards?|standby|arbiter|seeds?)(?![a-z-])/gu;
/** Places the failure on Kubernetes nodes. */
const KUBERNETES_NODE =
  /kubectl (?:get|describe|top) (?:nodes?|no)(?![a-z])|(?<![a-z])(?:node ?ips?|nodeport|node port|kubelet|nodename|node name|nodeselector|cordon|drain|taint|worker nodes?|(?:same|different|other|another|each|every|one|single) (?:k8s |kubernetes )?nodes?)(?![a-z])|(?<![a-z])(?:on|from|to) (?:the |a |that |this )?nodes?(?![a-z])|[a-z0-9]-?node-?\d|(?<![a-z])nodes? ?\d|(?<![a-z])(?:its|their|the|this|that|my|our|which) (?:running |worker |master )?nodes?(?![a-z])|(?<![a-z])nodes?: |(?<![a-z])bgp(?![a-z])|节点上|宿主机/u;
/** The word the rule is about. */
const NODE_WORD = /(?<![a-z-])nodes?(?![a-z-])/u;

export function appMemberNodes(text: string): boolean {
  if (!NODE_WORD.test(text) || KUBERNETES_NODE.test(text)) return false;
  return namesMembersByOrdinal(text) || new Set([...text.matchAll(MEMBER_ROLE)].map((m) => m[1])).size >= 2;
}

export function namesMembersByOrdinal(text: string): boolean {
  if (PER_POD_DOMAIN.test(text) && !MACHINE_STEM.test(text.match(PER_POD_DOMAIN)?.[0].split(/-\d/)[0] ?? ''))
    return true;
  const ordinals = new Map<string, Set<string>>();
  for (const [, stem = '', ordinal = ''] of text.matchAll(ORDINAL_NAME)) {
    if (MACHINE_STEM.test(stem)) continue;
    ordinals.set(stem, (ordinals.get(stem) ?? new Set()).add(ordinal));
  }
  return [...ordinals.values()].some((set) => set.size >= 2);
}

/**
 * The query terms with the node words weighed down to `weight` when the report's nodes are an application's members.
 * `nodeTokens` are the tokens the word "node" yields (the word and its glossary group).
 */
export function withAppMemberNodes(
  terms: ReadonlyMap<string, number>,
  text: string,
  nodeTokens: readonly string[],
  weight: number,
): ReadonlyMap<string, number> {
  if (!appMemberNodes(text)) return terms;
  const out = new Map(terms);
  for (const token of nodeTokens) {
    const current = out.get(token);
    if (current !== undefined) out.set(token, Math.min(current, weight));
  }
  return out;
}
