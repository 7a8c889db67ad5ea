/**
 * A report whose failing subject is the stale address an application framework's registry keeps handing out: after
 * a pod was restarted, deleted or rescheduled, the registry (Nacos, ZooKeeper, Eureka, Consul, Dubbo's) still lists
 * the old pod IP, or the consumer keeps dialling it ("consumer一直重连老的provider ip", "重启前的ip仍然注册在nacos中",
 * "Nacos 无法剔除已下线的Pod实例（僵尸实例）", "one nacos node returns the expired instance IP"). Which instances the
 * registry lists and when it drops them is the framework's own logic (heartbeats, deregistration, its client
 * version); no runbook follows it. The timeouts such reports quote are what dialling a dead address gives, so they do
 * not make the report a broken path.
 *
 * A report that looks a name up (nslookup, dig, CoreDNS, a stale DNS record, NXDOMAIN) is about DNS and stays
 * answered, as does one whose first sentence names a path a runbook follows. Declined only while no runbook states
 * a stale registry address (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { COVERED_PATH } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * Application frameworks with their own service registry, and the registry's and its callers' own words (consumers
 * and providers; not a cloud, DNS or Kubernetes provider).
 */
const REGISTRY =
  /\bnacos\b|\bzookeeper\b|\beureka\b|\bconsul\b|\bdubbo\b|\bseata\b|spring\s*cloud|xxl-?job|注册中心|註冊中心|\bconsumers?\b|(?<!\b(?:cloud|dns|kubernetes|k8s|network|identity)\s)\bproviders?\b(?!\s*:)|消费者|消費者|提供者/i;

/**
 * An address or instance the report calls stale: old, stale, expired, dead, zombie, deleted or previous (the pod's
 * address before its restart); in Chinese 旧/老/过期/重启前/已下线/已删除/僵尸 before an IP, address or instance; or an
 * old address another pod reused (reused IP, 复用了 ip1), which the registry still lists for the first provider.
 */
const STALE_ADDRESS = new RegExp(
  [
    String.raw`\b(?:old|stale|expired|outdated|dead|zombie|previous|obsolete|former)\s+(?:\w+\s+){0,2}?(?:pod\s+)?(?:ip|ips|address(?:es)?|instances?|end\s*points?)\b`,
    String.raw`(?:ip|address|instance)s?\s+(?:of\s+the\s+)?(?:pod\s+)?before\s+(?:the\s+|its\s+)?restart`,
    String.raw`(?:旧|舊|老|过期|過期|重启前|重啟前|已下线|已下線|已删除|已刪除|已销毁|已銷毀|僵尸|殭屍|失效)\s*(?:的)?\s*(?:\w+\s*){0,2}?(?:pod\s*)?(?:ip|地址|实例|實例|instance)`,
    String.raw`\bre-?used?\s+(?:\w+\s+){0,2}?(?:ip|address)|(?:复用|復用|重用)\s*了?\s*(?:\w+\s*){0,2}?(?:ip|地址)`,
  ].join('|'),
  'i',
);

/** A name looked up or a DNS record: the report is about name resolution. */
const NAME_LOOKUP =
  /\bnslookup\b|\bdig\b|\bdns\b|core-?dns|kube-dns|nxdomain|no\s+such\s+host|unknown\s*host|(?:无法|無法|不能)\s*解析|解析\s*(?:失败|失敗)/i;

/**
 * The subject when a report names a framework's registry or its consumers and providers, says the address or
 * instance they keep is stale, looks no name up, and its first sentence names no covered path; else null.
 * "k8s环境下，provider重新部署后，consumer一直重连老的provider ip" is declined; "After the nodes reboot, services keep
 * querying the old DNS pod IP" (DNS) is answered.
 */
export function uncoveredStaleRegistryAddress(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!REGISTRY.test(text) || !STALE_ADDRESS.test(text)) return null;
  if (NAME_LOOKUP.test(text) || COVERED_PATH.test(headline)) return null;
  return explained
    ? null
    : "the stale address an application framework's registry keeps after a pod restart (Nacos, Dubbo)";
}

/** Whether a runbook states a registry keeping a stale address. */
export function staleRegistryAddressExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, new RegExp(`(?:${REGISTRY.source})[^.。]*(?:${STALE_ADDRESS.source})`, 'i'));
}
