/**
 * A network policy's logging (which flows a policy allowed or dropped, written to a log) of a plugin whose logging no
 * runbook shows: "Policy log does not work for DROPPED/AUDIT flow" with a CiliumNetworkPolicy's `spec.log`, "Calico
 * policy logging", "如何开启 calico 网络策略日志". Which plugins' policy logging the KB covers is read from its runbooks:
 * a section that states policy logging (Kube-OVN's "ACL 日志", `enable_log`) names its plugin. A report naming only
 * other plugins is declined; one naming a covered plugin, or none, is answered. Pure.
 */
import { readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Policy logging stated: a policy/ACL/audit log, logging dropped or denied flows, logging (some) network policies, a
 * `Log` action, 策略日志.
 */
const POLICY_LOGGING =
  /\b(?:polic(?:y|ies)|acl|audit)[\s-]*log(?:s|ging)?\b|\blog(?:s|ging)?\b[^.。?？\n]{0,40}?\b(?:dropped|denied|deny|blocked|verdicts?)\b|\blog(?:s|ging)?\s+(?:[\w.-]+\s+){0,3}?(?:network\s*)?polic(?:y|ies)\b|\baction\s*:?\s*["']?log\b|\bspec\.log\b|\benable_log\b|\bacl_log\b|(?:策略|acl)\s*(?:drop\s*|丢弃\s*|拒绝\s*)?日志|日志[^。；;\n]{0,10}?(?:丢弃|拒绝|策略)/i;

/**
 * Traffic the headline says is blocked ("Log action in network policy blocks the traffic", "drops the traffic",
 * "cannot reach", 不通): the policy's effect on traffic, which the network-policy runbook follows for any plugin.
 */
const TRAFFIC_BLOCKED =
  /\b(?:block(?:s|ed|ing)?|drop(?:s|ping)?|den(?:y|ies|ying))\s+(?:the\s+|all\s+|my\s+)?(?:traffic|connections?|packets?|requests?)\b|\b(?:can(?:'t|not| not)|unable to|fail(?:s|ed)? to)\s+(?:reach|connect|access|ping)\b|不通|无法(?:访问|连接|通信)|無法(?:存取|連線|通訊)/i;

/** The plugins whose policy logging a text may name, each by its family (Kube-OVN and OVN-Kubernetes log OVN ACLs). */
const PLUGIN_NAMES: readonly { family: string; named: RegExp }[] = [
  { family: 'ovn', named: /\bkube-?ovn\b|\bovn\b|\bovn-kubernetes\b/i },
  { family: 'calico', named: /\bcalico\b|\bcalicoctl\b|\bfelix\b/i },
  { family: 'cilium', named: /\bcilium\w*|\bhubble\b/i },
  { family: 'antrea', named: /\bantrea\b/i },
  { family: 'weave', named: /\bweave\b/i },
  { family: 'kube-router', named: /\bkube-router\b/i },
];

function familiesIn(text: string): string[] {
  return PLUGIN_NAMES.filter(({ named }) => named.test(text)).map(({ family }) => family);
}

/** The plugin families whose policy logging a runbook section states (the section or its headings name the plugin). */
export function policyLogPluginsCoveredBy(docs: readonly TopicDoc[]): ReadonlySet<string> {
  const covered = new Set<string>();
  for (const doc of docs)
    for (const chunk of doc.chunks) {
      const text = chunk.text.normalize('NFKC');
      if (!POLICY_LOGGING.test(text)) continue;
      for (const line of text.split('\n'))
        if (POLICY_LOGGING.test(line)) for (const family of familiesIn(line)) covered.add(family);
      for (const family of familiesIn(chunk.headingPath.join(' '))) covered.add(family);
    }
  return covered;
}

/**
 * The subject when a report's first sentence is about a policy's logging (not traffic the policy blocks) and the report
 * names only plugins whose policy logging no runbook covers; else null.
 */
export function uncoveredPolicyLog(question: string, covered: ReadonlySet<string>): string | null {
  const { text, headline } = readReport(question);
  if (!POLICY_LOGGING.test(headline) || TRAFFIC_BLOCKED.test(headline)) return null;
  const named = familiesIn(text);
  if (named.length === 0 || named.some((family) => covered.has(family))) return null;
  return `network policy logging of ${named.join(' / ')}`;
}
