/**
 * A report saying that the members of a clustered application cannot find one another and so cannot form their
 * cluster: "The `master` nodes cannot form a cluster as they cannot see each other", "Fails to discover master and
 * form cluster", "masters can't be discovered", "master not discovered yet", "members can't find each other",
 * "Could not auto-cluster with node", "Failed to use consul as autocluster provider", "无法组成集群",
 * "成员互相找不到". Such members find each other by their pods' own DNS records behind a headless Service (a
 * StatefulSet's `es-master-0.es-master-headless`), which hold only ready pods unless the Service publishes
 * not-ready addresses: the headless Service's runbook answers it ("集群首次启动卡住，成员互相找不到"), told in the
 * application's words (Elasticsearch masters, RabbitMQ or Consul peers, ZooKeeper members) rather than the network's.
 * A node or control plane joining the Kubernetes cluster itself (kubeadm, etcd members of the control plane) is the
 * cluster's own set-up, not an application's members. Pure.
 */
import { withinSentence } from './sentence-gap.js';

/** A failure word before the members' act: cannot, unable to, failed to, never. */
const FAILS = String.raw`(?:can(?:'|\s*no)?t|cannot|could\s*n[o']t|unable\s+to|not\s+able\s+to|fail(?:s|ed|ing)?\s+to|never)`;
/** Each other, one another: the members themselves. */
const EACH_OTHER = String.raw`(?:each\s+other|one\s+another)`;
/** A master or leader the members elect or look for. */
const MASTER = String.raw`(?:masters?|leaders?)\b`;
/** The application's other members, in its own word for them ("other nodes", "other instances"). */
const OTHERS = String.raw`other\s+(?:nodes|members|peers|instances|replicas|brokers)\b`;
/** The members' act and what it fails on: form the cluster, discover or find the master, peers or each other. */
const ACT = [
  String.raw`form\b${withinSentence(20)}(?<![.\w-])(?:clusters?\b|quorum)`,
  String.raw`discover\b${withinSentence(20)}(?<![.\w-])(?:${MASTER}|${EACH_OTHER}|${OTHERS}|peers?\b|members?\b|seeds?\b)`,
  String.raw`find\b${withinSentence(20)}(?<![.\w-])(?:${MASTER}|${EACH_OTHER}|${OTHERS}|members?\b)`,
  String.raw`elect\b${withinSentence(20)}(?<![.\w-])${MASTER}`,
].join('|');

const MEMBERS_FAIL = new RegExp(
  [
    // "cannot form a cluster", "Fails to discover master", "Failed to use consul as autocluster provider".
    String.raw`\b${FAILS}\s+(?:\w+\s+){0,3}?(?:${ACT})`,
    String.raw`\b${FAILS}\s+(?:\w+\s+){0,3}?auto-?cluster`,
    // "masters can't be discovered", "master not discovered yet", "peers were not found".
    String.raw`\b(?:masters?|leaders?|members?|peers?|seeds?)\s+(?:\w+\s+)?(?:(?:can(?:'|\s*no)?t|cannot|could\s*n[o']t)\s+be|(?:is|are|was|were)\s+not|not)\s+(?:discovered|found|elected)\b`,
    // Chinese: cannot form the cluster, members cannot find each other, no master elected.
    '(?:无法|不能|没法|無法)\\s*(?:组成|组建|形成|組成|組建)\\s*集群|集群\\s*(?:无法|不能|無法)\\s*(?:组成|组建|形成|組成|組建)',
    '成员\\s*(?:之间)?\\s*互相\\s*(?:找不到|发现不了|无法发现)|成員\\s*互相\\s*(?:找不到|發現不了)',
    '(?:无法|不能)\\s*选\\s*(?:主|出\\s*master)|选主\\s*失败',
  ].join('|'),
  'iu',
);

/** The Kubernetes cluster's own set-up: a node joining it, its control plane or its etcd. */
const CLUSTER_SETUP = /\bkubeadm\b|control[\s-]?plane|\bkubelet\b|\bapiserver\b|kube-apiserver/i;

/** The report says a clustered application's members cannot find one another or form their cluster. */
export function statesMemberDiscoveryFailure(question: string): boolean {
  const text = question.normalize('NFKC');
  return MEMBERS_FAIL.test(text) && !CLUSTER_SETUP.test(text);
}
