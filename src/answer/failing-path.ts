/**
 * A report whose first sentence states that a path the runbooks explain fails ("Pod cannot ping each other in
 * multi-host scenario", "Can't reach internet from pod", "DNS resolution from pods does not work", "Slow connect via
 * NodePort", "Pods randomly killed because of failed health check", "pod 跨节点 ping 不通") is a networking report
 * whatever the rest pastes. Such a report spreads its words over versions, logs and output, so retrieval of the whole
 * report may be under the abstention threshold while that sentence alone finds the runbook of its path confidently:
 * chat.ts then answers from that sentence's runbooks (unless a decline by subject holds it; those run after). A first
 * sentence that only mentions networking ("Pod stuck in ContainerCreating due to network related issue"), names no end
 * of a path ("VirtualService weight not work") or states no failure to connect ("Pod to Pod access is blocked with
 * STRICT mtls") is not read as one. Pure.
 */
import { headlineOf } from '../retrieve/query.js';

/** An end or hop of a path the runbooks explain: pods, nodes and hosts, Services, the outside, DNS. */
const PATH_END =
  /\bpods?\b|\bnodes?\b|\bhosts?\b|\bhost\.|\bservices?\b|\bsvc\b|nodeport|clusterip|\binternet\b|\bexternal\b|\boutbound\b|\bdns\b|容器|节点|節點|宿主|主机|主機|服务|服務|外网|外網|公网|公網/i;

/** A connection that cannot be made: a negated connecting verb, or a connecting noun that fails or is slow. */
const FAILS_TO_CONNECT = new RegExp(
  [
    String.raw`(?:can'?t|cannot|can not|unable to|could ?n[o']t|not able to|no longer)\s+(?:\w+\s+)?(?:ping|reach|connect|access|resolve|talk|communicate|curl)\b`,
    String.raw`\b(?:ping|dns|resolution|connections?|connectivity|outbound|egress)\b[^。！？!?]{0,40}?(?:\bnot working\b|\bdo(?:es)? ?n[o']t work\b|\bfail(?:s|ed)?\b|\btim(?:es|ed)? ?out\b)`,
    String.raw`\bslow (?:connect|connection)s?\b`,
    // The same said of the unreachable end ("the pod cannot be accessed from the host", "port 50000 is not
    // reachable", "Network is unreachable"; not a node's `unreachable` taint).
    String.raw`(?:can'?t|cannot|can not|could ?n[o']t)\s+be\s+(?:reached|accessed|pinged|connected)\b|\bnot\s+(?:reachable|accessible)\b|\b(?:is|are|was|were|be|becomes?|became|gets?|got|network|host)\s+(?:\w+\s+)?(?:unreachable|inaccessible)\b(?![/:-])`,
    // A connection's or traffic's failure said as a noun ("Pod to pod intermittent connection issues", "Pod traffic
    // get interrupted", "traffic between pods across nodes is dropped"); not "network issue", which only mentions
    // networking.
    String.raw`\b(?:connections?|connectivity|connect|traffic|communications?)\s+(?:\w+\s+)?(?:issues?|problems?|failures?|loss|lost|broken|interrupt(?:ed|ions?|s)?)\b|\btraffic\b[^.。!?！？]{0,60}?\b(?:is|are|was|were|gets?|got|being)\s+(?:\w+\s+)?(?:dropped|interrupted|lost|blackholed)\b`,
    '(?:流量|连接|連接|通信)(?:会|會|被)?(?:中断|中斷|断开|斷開)|丢包|丟包',
    // The kubelet's probe of a pod is a path too (node to pod): a probe or health check that fails or times out.
    String.raw`\bfail(?:s|ed|ing)?\s+(?:health ?checks?|probes?|liveness|readiness)\b|\b(?:health ?checks?|probes?|liveness|readiness)\s+(?:probes?\s+)?(?:fail(?:s|ed|ing)?|errored|tim(?:es|ed)? ?out)\b`,
    '探针失败|探針失敗|探针超时|探針超時|健康检查失败|健康檢查失敗',
    '不通|无法访问|無法訪問|访问不了|訪問不了|连不上|連不上|无法连接|無法連接|解析失败|解析失敗|无法解析|無法解析',
  ].join('|'),
  'i',
);

/** The first sentence, as retrieval reads a report's headline (query.ts `headlineOf`), or the whole text. */
export function firstSentence(text: string): string {
  return headlineOf(text, 0) ?? text;
}

/** The first sentence says a path of the runbooks fails to connect. */
export function statesFailingPath(question: string): boolean {
  const headline = firstSentence(question.normalize('NFKC'));
  return FAILS_TO_CONNECT.test(headline) && PATH_END.test(headline);
}

/**
 * The first sentence after the headline that states a failing path, when the headline does not; null otherwise. A
 * long report often opens with a title of its own ("Pod-to-pod communication doesn't always work", "debugging a
 * vagrant setup") and says once, in the middle of its pasted set-up, what fails ("pods running on that node cannot
 * reach pods on any other node"): that sentence names the path as a headline would.
 */
export function bodyFailingSentence(question: string): string | null {
  const text = question.normalize('NFKC');
  const headline = firstSentence(text);
  if (headline === text || statesFailingPath(text)) return null;
  const body = text.slice(text.indexOf(headline) + headline.length);
  for (const sentence of body.split(BODY_SENTENCE_END)) {
    if (FAILS_TO_CONNECT.test(sentence) && PATH_END.test(sentence)) return sentence.trim();
  }
  return null;
}

/**
 * How far over the abstention threshold the body's failing sentence must find its runbook. A headline is the subject
 * the reporter chose; a sentence of the body may be a consequence they mention on the way ("pods ... cannot connect to
 * the api running outside the cluster" after an ENI lost its address), which a runbook matches just at the threshold.
 * Measured on the tuning sets (vectors off): that decline was answered at 0.504, the report rescued here found its
 * runbook at 0.87.
 */
export const BODY_SENTENCE_MARGIN = 0.1;

/** Where a sentence of the body ends, as for the headline (query.ts `headlineOf`), and at a semicolon. */
const BODY_SENTENCE_END = /(?<=[.!?;])\s+|(?<=[。！？；\n])/u;
