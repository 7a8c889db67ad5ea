/**
 * The "works on the same node, fails across nodes" contrast. A report saying "it works for pods on the same node as
 * coredns, but not for pods on other nodes" or "只有本节点能访问，其他节点超时" points at the tunnel between nodes, and a
 * runbook row whose symptom states the same contrast ("同节点通、跨节点全部不通") names that cause. Plain word overlap
 * misses it: the report's "works" clause counts little (it names what is not broken) and its English words are not
 * the row's Chinese ones, so the row's checks (UDP 8472, flannel.1) ranked behind the runbook's generic first checks.
 * The same test reads both the report and the row symptom; the reverse contrast (same node fails, across nodes
 * works: br_netfilter) is `sameNodeFails`. A report saying only that traffic between nodes fails ("Cross-Node Pod to
 * Pod Communication failing") is `crossNodeFails`: the row stating the contrast is its row too.
 * The other side is often named as the master ("on the master it times out, while on the node the pod runs on it
 * works", 主节点) or as every other node ("I can't target every node on the nodeport"), and the working side as the node
 * the app is deployed on or that answers ("only answers on the node where its pod runs"): the NodePort row "只有后端
 * 所在节点能访问，其他节点访问超时" states that contrast, and its KUBE-NODEPORTS check was lost below the generic ones.
 */

import { foldText } from '../retrieve/normalize.js';

/** Clause breaks: punctuation, contrast words, and a space between two Chinese runs ("同节点可以 跨节点不行"). */
const CLAUSE_BREAK =
  /[,，。；;、!?！？]|\.(?:\s|$)|(?<![a-z])(?:but|however|while|whereas|except)(?![a-z])|但是|但|而且|而|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;

/** Where the traffic stays on one node: the same node, the node the pod runs on, 本节点, 所在节点. */
const SAME_NODE =
  /(?<![a-z])(?:same (?:node|host|machine|server|worker)|(?:this|local) node|node itself|node (?:where|that|which|in which|on which) (?:the |its |this |my )?(?:pods?|apps?|backends?|endpoints?) (?:runs?|is running|is scheduled|is deployed|lives?|resides?)|node (?:the |this |my )?(?:pods?|apps?|backends?) (?:runs?|is running|is scheduled|is deployed) on|node (?:it|they) (?:runs?|is running|are running|is scheduled|are scheduled|is deployed|are deployed) (?:on|in)|node hosting (?:the |its |this )?(?:pods?|apps?|backends?))(?![a-z])|同一?个?节点|同一台|同一?个?node|本节点|本机|所在的?\p{Script=Han}{0,4}(?:节点|主机|机器)|所在的?\s*node/u;

/**
 * A node not running the backend pod ("from non pod running node", "nodes without the pod", 没有 pod 的节点): a NodePort
 * report names the failing side so, in English and in Chinese.
 */
const NODE_WITHOUT_POD =
  "non[- ](?:pod|backend)[- ](?:running|hosting) (?:nodes?|hosts?)|(?:nodes?|hosts?) (?:without|not running|not hosting|(?:that|which) (?:do(?:es)?n'?t|do(?:es)? not) (?:run|host|have)) (?:the |its |a |any )?(?:pods?|backends?|endpoints?|apps?)";
const NODE_WITHOUT_POD_ZH = String.raw`没有\s*(?:pod|后端|副本)\s*的\s*(?:节点|主机|node)|(?:pod|后端)\s*不在的?\s*(?:节点|主机|node)`;

/**
 * Where the traffic crosses to another node: other nodes, different nodes, 跨节点, 其他节点, or a node not running the
 * backend pod ("from non pod running node", 没有 pod 的节点): a NodePort report names the failing side so.
 */
const OTHER_NODE = new RegExp(
  String.raw`(?<![a-z])(?:other (?:nodes?|hosts?|workers?|machines?)|another (?:node|host|worker|machine)|different (?:nodes?|hosts?|machines?)|remote nodes?|across (?:nodes|hosts)|cross[- ]node|otherwise|every (?:other )?node|any (?:other )?node|all (?:the )?(?:other )?nodes|(?:the )?(?:rest of the|remaining) nodes|master(?:[- ]?nodes?)?|${NODE_WITHOUT_POD})(?![a-z])|${NODE_WITHOUT_POD_ZH}|跨节点|跨主机|其[他它余]\s*(?:节点|主机|机器|node)|主节点|master\s*节点|别的\s*(?:节点|主机|node)|不同\s*(?:的)?(?:节点|主机|node)`,
  'u',
);

/** A clause saying something fails. */
const FAILS =
  /(?<![a-z])(?:not|no|never|cannot|unable|fails?|failed|failing|timeouts?|unreachable|refused|drop(?:s|ped)?|lost|loss|hangs?)(?![a-z])|n't|tim(?:e|es|ed) ?out|不通|不行|不了|不能|不可以|无法|没法|超时|失败|丢|拒绝|访问不到|连不上/u;

/** A clause saying something works. */
const WORKS =
  /(?<![a-z])(?:works?|working|worked|fine|ok|okay|succeed\w*|success\w*|able to|can|could|reachable|correctly|get to|gets to|respond(?:s|ing)?|answer(?:s|ing)?|(?:get|gets|got) (?:a )?(?:response|reply))(?![a-z])|通|正常|可以|能|没问题|成功/u;

/** The text says traffic works on (or only from) the same node and fails to or from other nodes. */
export function sameNodeWorksOtherFails(text: string): boolean {
  const clauses = clausesOf(text);
  const sameWorks = clauses.some(
    (clause) =>
      SAME_NODE.test(clause) && !OTHER_NODE.test(clause) && WORKS.test(clause) && !FAILS.test(clause),
  );
  return sameWorks && clauses.some(otherNodeFails);
}

/** The text's clauses, folded (`foldText`) and trimmed. */
function clausesOf(text: string): string[] {
  return foldText(text)
    .split(CLAUSE_BREAK)
    .map((clause) => clause?.trim() ?? '')
    .filter(Boolean);
}

/**
 * Traffic named as crossing between nodes in so many words. Narrower than `OTHER_NODE`: without a working side to
 * contrast with, "the master" or "every node" names which node fails, not that crossing between nodes does.
 */
const BETWEEN_NODES = new RegExp(
  String.raw`(?<![a-z])(?:(?:other|different|separate) (?:physical |worker )?(?:nodes?|hosts?|workers?|servers|machines)|another (?:physical |worker )?(?:node|host|worker|server|machine)|remote nodes?|(?:across|between) (?:the )?(?:nodes|hosts|workers)|cross[- ]node|inter[- ]node|${NODE_WITHOUT_POD})(?![a-z])|${NODE_WITHOUT_POD_ZH}|跨节点|跨主机|其[他它余]\s*(?:节点|主机|机器|服务器|node)|别的\s*(?:节点|主机|机器|node)|不同\s*(?:的)?(?:节点|主机|机器|服务器|node)|节点之间|节点间`,
  'u',
);

/** Failing now and then: another symptom than traffic between nodes failing outright. */
const INTERMITTENT =
  /(?<![a-z])(?:intermittent(?:ly)?|sometimes|occasional(?:ly)?|random(?:ly)?|sporadic(?:ally)?|flaky|from time to time)(?![a-z])|时通时不通|时好时坏|偶发|偶尔|间歇|有时/u;

/**
 * The text says traffic between nodes fails outright ("Cross-Node Pod to Pod Communication failing", "pods on
 * different nodes can't ping each other", "跨节点 pod 不通") and says nothing failing within one node. Such a report
 * most often leaves the working side unsaid: had traffic within one node failed too, it would say that everything
 * fails. A report failing within one node as well, or now and then, is about another cause.
 */
export function crossNodeFails(text: string): boolean {
  const clauses = clausesOf(text);
  const betweenFails = clauses.some(
    (clause) => BETWEEN_NODES.test(clause) && !SAME_NODE.test(clause) && FAILS.test(clause),
  );
  return betweenFails && !clauses.some(sameNodeClauseFails) && !INTERMITTENT.test(foldText(text));
}

/** A clause saying traffic to or from other nodes fails, and naming no same-node side. */
function otherNodeFails(clause: string): boolean {
  return OTHER_NODE.test(clause) && !SAME_NODE.test(clause) && FAILS.test(clause);
}

/**
 * The text says traffic within one node fails ("pods can't talk on the same node", "DNS fails when the app pod and
 * the coredns pod are on the same node", "同节点 Pod 经 Service 访问另一个 Pod 超时") and says nothing failing across
 * nodes. Within one node a Service's reply crosses only the node's bridge, which skips iptables unless
 * `bridge-nf-call-iptables` is set, and a same-node runbook row states that cause; a report failing everywhere, or
 * across nodes, is about another path.
 */
export function sameNodeFails(text: string): boolean {
  const clauses = clausesOf(text);
  const sameFails = clauses.some(sameNodeClauseFails);
  // With no clause failing across nodes, the reverse contrast (`sameNodeWorksOtherFails`) cannot hold either.
  return sameFails && !clauses.some(otherNodeFails);
}

/** A clause saying traffic within one node fails, and naming no other node. */
function sameNodeClauseFails(clause: string): boolean {
  return SAME_NODE.test(clause) && !OTHER_NODE.test(clause) && FAILS.test(clause);
}
