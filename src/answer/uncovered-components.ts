/**
 * A CNI's own component failing (its pod crash-looping, not ready, not starting): `calico-kube-controllers
 * CrashLoopBackOff`, `ovnkube-node 1/3 CrashLoopBackOff`, `kube-ovn-pinger这个组件无法启动`. Such a report is in scope
 * exactly when a runbook explains that component's failure: its title, triggers, signals, headings or troubleshooting
 * symptoms name the component (calico-node's `0/1 Ready` row, ovs-flows.md's `kube-ovn-cni crashloopbackoff` signal,
 * flannel's `kube-flannel` trigger). Otherwise it is declined (KB-relative, as the other declines). Pure.
 */
import type { DocRecord } from '../core/types.js';
import { topicTexts } from './clarify.js';
import { readReport } from './uncovered-subjects.js';

type ComponentDoc = Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting' | 'signals'>;

/**
 * The components a report may name as its failing subject, each with how reports write it. CoreDNS and kube-proxy
 * are here too: a headline naming one of them failing beside a CNI's component ("coredns和calico-kube-controllers不能
 * 正常运行") is about the one a runbook explains.
 */
const COMPONENTS: readonly { cni: string | null; name: string; pattern: RegExp }[] = [
  { cni: 'calico', name: 'calico-node', pattern: /\bcalico[-_ ]node\b/i },
  { cni: 'calico', name: 'calico-kube-controllers', pattern: /\bcalico[-_ ]kube[-_ ]controllers?\b/i },
  { cni: 'calico', name: 'calico-typha', pattern: /\bcalico[-_ ]typha\b/i },
  { cni: 'calico', name: 'calico-apiserver', pattern: /\bcalico[-_ ]apiserver\b/i },
  { cni: 'calico', name: 'tigera-operator', pattern: /\btigera[-_ ]operator\b/i },
  { cni: 'cilium', name: 'cilium-agent', pattern: /\bcilium[-_ ]agent\b/i },
  { cni: 'cilium', name: 'cilium-operator', pattern: /\bcilium[-_ ]operator\b/i },
  { cni: 'cilium', name: 'cilium-envoy', pattern: /\bcilium[-_ ]envoy\b/i },
  { cni: 'flannel', name: 'kube-flannel', pattern: /\bkube-flannel\b|\bflanneld\b/i },
  {
    cni: 'ovn-kubernetes',
    name: 'ovnkube',
    pattern: /\bovn-?kube[-_ ]?(?:node|master|controller|control-plane|db)\b/i,
  },
  { cni: 'kube-ovn', name: 'kube-ovn-controller', pattern: /\bkube-ovn-controller\b/i },
  { cni: 'kube-ovn', name: 'kube-ovn-cni', pattern: /\bkube-ovn-cni\b/i },
  { cni: 'kube-ovn', name: 'kube-ovn-pinger', pattern: /\bkube-ovn-pinger\b/i },
  { cni: 'kube-ovn', name: 'kube-ovn-monitor', pattern: /\bkube-ovn-monitor\b/i },
  { cni: 'kube-ovn', name: 'kube-ovn-speaker', pattern: /\bkube-ovn-speaker\b/i },
  { cni: 'kube-ovn', name: 'ovs-ovn', pattern: /\bovs-ovn\b/i },
  { cni: 'kube-ovn', name: 'ovn-central', pattern: /\bovn-central\b/i },
  { cni: 'antrea', name: 'antrea-agent', pattern: /\bantrea[-_ ](?:agent|controller)\b/i },
  { cni: null, name: 'coredns', pattern: /\bcore-?dns\b|\bkube-dns\b/i },
  { cni: null, name: 'kube-proxy', pattern: /\bkube-proxy\b/i },
];

/**
 * A component's pod failing as the headline says it, in words of the pod's own state: crash-looping, not ready
 * (`0/1`, `1/3`), not running or not coming up, failing to start, restarting, failing its probes (崩溃, 起不来, 无法启动,
 * 未就绪, 不断重启). A bare "fails" or "error" beside a component ("cilium-agent failed to reach node 10.0.0.5") may be
 * a datapath the runbooks explain, reported from the component's log: not the component's own failure.
 */
const COMPONENT_FAILING =
  /crash|not[-\s]?ready|not\s+(?:running|starting|coming\s+up|come\s+up|started)|\b[0-4]\/[1-5]\b|(?:fails?|failed|failing|unable|can(?:'|no)?t|cannot|won'?t|doesn'?t|does\s+not)\s+(?:to\s+)?(?:start|run|come\s+up)\b|restart(?:s|ing)\b|keeps?\s+restart|probe\s+failed|(?:readiness|liveness)(?:\s*\/\s*(?:readiness|liveness))?\s+(?:probes?|checks?)\s+fail|fail\w*\s+(?:because\s+of|due\s+to|on)\s+(?:the\s+)?(?:readiness|liveness)|unhealthy|\bpending\b|init:|崩溃|崩潰|起不来|起不來|无法启动|無法啟動|启动失败|啟動失敗|未就绪|未就緒|不断重启|不斷重啟|一直重启|經常重啟|经常重启|宕|不能正常运行|不能正常運行/i;

/**
 * The component's log or the report showing it cannot reach the API server through the `kubernetes` Service
 * (`dial tcp 10.233.0.1:443: i/o timeout`, 连不上kube-apiserver): the failing path is then the Service's, which the
 * ClusterIP runbooks explain ("calico-kube-controllers CrashLoopBackOff ... dial tcp 10.233.0.1:443: i/o timeout").
 */
const API_SERVICE_UNREACHABLE =
  /(?:dial\s+tcp\s+|https?:\/\/)\d{1,3}(?:\.\d{1,3}){3}:443\b[^\n]{0,120}?(?:i\/o\s+timeout|timed?\s*out|connection\s+refused|no\s+route\s+to\s+host|network\s+is\s+unreachable|context\s+deadline)|(?:连不上|連不上|连接不上|无法连接|無法連接|访问不了|can(?:'|no)?t\s+(?:connect|reach)|cannot\s+(?:connect|reach)|unable\s+to\s+(?:connect|reach)|connection\s+refused)\s*(?:to\s+)?(?:the\s+)?(?:kube-?)?api\s*-?server/i;

/** The components a runbook explains: their names appear in its title, triggers, signals, headings or symptoms. */
export function componentsExplainedBy(docs: readonly ComponentDoc[]): ReadonlySet<string> {
  const texts = docs.flatMap((doc) =>
    [...topicTexts(doc), ...(doc.signals ?? [])].map((t) => t.normalize('NFKC')),
  );
  return new Set(
    COMPONENTS.filter(({ pattern }) => texts.some((text) => pattern.test(text))).map(({ name }) => name),
  );
}

/**
 * A report whose first sentence says a CNI's component is failing, in words of the pod's state ("calico-kube-controllers
 * CrashLoopBackOff", "ovnkube-master & node not coming up (CrashLoopBackOff)", "kube-ovn-pinger这个组件无法启动"), or
 * says so of one plugin's pods as a whole ("Cilium Pod Not Ready"), when no runbook explains any component that
 * sentence names. The failing subject must be the headline's: a component named in the body, or in the headline
 * beside another failure ("Some pods lose connectivity and need cilium pod restart"), is not it. A headline naming a
 * component a runbook explains (calico-node, kube-ovn-cni, CoreDNS) and a report showing the component cannot reach
 * the API server's Service address (`explainsApiService`: a runbook explains that path) are answered. Returns the
 * subject's name, else null.
 */
export function uncoveredComponent(
  question: string,
  explained: ReadonlySet<string>,
  explainsApiService: boolean,
): string | null {
  const { text, headline } = readReport(question);
  const named = COMPONENTS.filter(({ pattern }) => pattern.test(headline)).map(({ name }) => name);
  if (named.length === 0) named.push(...componentsOfPlugin(headline));
  if (named.length === 0 || !COMPONENT_FAILING.test(withoutComponents(headline))) return null;
  if (named.some((name) => explained.has(name))) return null;
  if (explainsApiService && API_SERVICE_UNREACHABLE.test(text)) return null;
  return `a CNI component failing (${named.join(', ')})`;
}

/**
 * The mirror of `uncoveredComponent`: the components a report's first sentence says are failing, in words of the
 * pod's state, that a runbook explains ("kubernetes v1.24.0 install failed with calico node not ready",
 * "calico-node 未就绪"). Such a report is in scope, however little of its pasted inventory (hosts, CIDRs, versions)
 * the runbook's words share, so its retrieval score is no reason to decline it (chat.ts). Empty when the headline
 * names no component failing, or only components no runbook explains (those are declined).
 */
export function explainedComponentsFailing(question: string, explained: ReadonlySet<string>): string[] {
  const { headline } = readReport(question);
  const named = COMPONENTS.filter(({ pattern }) => pattern.test(headline)).map(({ name }) => name);
  if (named.length === 0) named.push(...componentsOfPlugin(headline));
  if (named.length === 0 || !COMPONENT_FAILING.test(withoutComponents(headline))) return [];
  return named.filter((name) => explained.has(name));
}

/** How reports name each CNI whose components are listed above. */
const PLUGINS: readonly { cni: string; pattern: RegExp }[] = [
  { cni: 'calico', pattern: /\bcalico\b/i },
  { cni: 'cilium', pattern: /\bcilium\b/i },
  { cni: 'flannel', pattern: /\bflannel\b/i },
  { cni: 'ovn-kubernetes', pattern: /\bovn-?kubernetes\b|\bovn-?k8s\b/i },
  { cni: 'kube-ovn', pattern: /\bkube-?ovn\b/i },
  { cni: 'antrea', pattern: /\bantrea\b/i },
];
/** The plugin's own pods, named as a whole: "Cilium pods", "ovn-kubernetes deployment", "kube-ovn容器", "calico组件". */
const PLUGIN_PODS = /\b(?:pods?|containers?|daemon\s*sets?|deployment|agents?|components?)\b|组件|組件|容器/i;

/**
 * The components of the one CNI a headline names with its pods as a whole ("Cilium pods are in CrashLoopBackOff",
 * "ovn-kubernetes deployment failing because of readiness/liveness check"): which of them fails is not said, so the
 * headline is about all of them. Empty when the headline names no such plugin, or more than one.
 */
function componentsOfPlugin(headline: string): string[] {
  const plugins = PLUGINS.filter(({ pattern }) => pattern.test(headline));
  if (plugins.length !== 1 || !PLUGIN_PODS.test(headline)) return [];
  return COMPONENTS.filter(({ cni }) => cni === plugins[0]?.cni).map(({ name }) => name);
}

/** Whether an asking clause names a CNI's component ("which namespace does calico-kube-controllers run in?"). */
export function namesComponent(text: string): boolean {
  return COMPONENTS.some(({ pattern }) => pattern.test(text));
}

/** The headline without the components' names, so a name ("...-pinger") never reads as its own failure word. */
function withoutComponents(headline: string): string {
  return COMPONENTS.reduce(
    (rest, { pattern }) => rest.replace(new RegExp(pattern.source, 'gi'), ' '),
    headline,
  );
}

/** Whether a runbook explains the API server's Service address unreachable (a ClusterIP runbook). */
export function apiServiceExplainedBy(
  docs: readonly Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting'>[],
): boolean {
  return docs.some((doc) =>
    topicTexts(doc).some((text) => /clusterip|kubernetes\s*service|10\.96\.0\.1/i.test(text)),
  );
}
