/**
 * A report whose UDP traffic or DNS lookups keep failing once the pods behind them were restarted, recreated or
 * terminated ("UDP connection can get stuck ... during this pod restart", "after coredns pods were recreated, some
 * clients keep failing udp lookups", "kube-dns pods get traffic after they're gone", "重建 Service 后 UDP 流中断")
 * describes a stale conntrack entry: a connectionless flow whose five-tuple keeps arriving keeps its old NAT to the
 * gone pod (or to the REJECT of an empty Service) and never meets the new rules. The report seldom says "conntrack",
 * and its words ("service", "pod", "restart") are the ClusterIP or CoreDNS runbooks', so the conntrack runbook is not
 * even a lexical candidate. The report's own account of what fails and when is read instead. Pure.
 */

/** A connectionless flow: UDP (not an overlay's own VXLAN / Geneve port), or DNS lookups (UDP by default). */
const CONNECTIONLESS =
  /(?<![a-z])udp(?![a-z])(?!\s*(?:port\s*)?(?:8472|4789|6081|8285)(?!\d))|dns\s+(?:lookups?|quer(?:y|ies)|resolution|requests?)|(?:dns|域名)\s*解析|nslookup|dig\s/iu;

/** A lifecycle event, English and Chinese; not a CLI flag (`--restart=Never`). */
const LIFECYCLE = String.raw`(?:(?<![\w-])(?:restart(?:s|ed|ing)?|re-?creat(?:e|es|ed|ing|ion)|terminat(?:e|es|ed|ing|ion)|rolling\s+update|redeploy(?:s|ed|ing|ment)?|deleted|killed|evicted|replaced|gone)|重启|重建|重新创建|滚动更新|被删除|删除|销毁)`;

/** What sits behind the flow: the Service, its pods or endpoints, the DNS pods. */
const BACKEND = `(?:pods?(?:-[a-z0-9]+)*|services?|svc|backends?|endpoints?|coredns|kube-dns|服务|后端|容器|实例)`;

/**
 * Words between an event and its object: "restarting the coredns pods", "rolling update of kube-dns", "the udp server
 * pod"; a qualifier naming another object ("restarting the node pods cannot reach") is left out.
 */
const DETERMINERS = String.raw`(?:(?:the|this|that|these|those|a|an|all|my|our|its|their|of|one|some)\s+)*(?:(?:dns|coredns|kube-dns|backend|server|target|udp|app|application|[a-z0-9]+-[\w-]+)\s+)?`;

/**
 * The backend and its lifecycle event close together: the backend first ("this pod restart", "DNS pods got
 * terminated", "Pod 重建后"), or the event acting on it ("Recreating service", "Restart pod-B", "重启了后端服务"), not on
 * something else ("restarted my computer, the changes in coredns").
 */
const BACKEND_CHANGED = new RegExp(
  `(?<![a-z])${BACKEND}(?![a-z])[^.;。；\\n]{0,30}?${LIFECYCLE}|${LIFECYCLE}\\s*(?:了\\s*)?${DETERMINERS}${BACKEND}(?![a-z])`,
  'iu',
);

/** The header of a pasted `kubectl get pods` listing: its RESTARTS column is no restart. */
const POD_LISTING_HEADER = /name\s+ready\s+status\s+restarts/giu;

/** The flow fails, stalls or keeps going to the old pod. */
const FLOW_FAILS =
  /stuck|interrupt|never\s+reach|not\s+reach|keeps?\s+(?:failing|sending|going)|fail|errors?(?![a-z])|time[sd]?\s*out|timeout|get(?:s)?\s+traffic|中断|卡住|失败|超时|不通|报错|仍然|还在|一直|收不到|发不/iu;

/** A restart stated as the fix ("restarting the pod fixes it", "重启后恢复") is no failure after one. */
const RESTART_FIXES =
  /(?:restart|re-?creat|重启|重建)[^.;。；\n]{0,40}?(?:fix(?:es|ed)?|solv|resolv|works?\s+again|back\s+to\s+normal|恢复|正常了|好了|解决)/iu;

/** True when the report's UDP traffic or DNS lookups fail after the pods or Service behind them changed. */
export function describesStaleFlow(report: string): boolean {
  const text = report.replace(POD_LISTING_HEADER, ' ');
  return (
    CONNECTIONLESS.test(text) &&
    BACKEND_CHANGED.test(text) &&
    FLOW_FAILS.test(text) &&
    !RESTART_FIXES.test(text)
  );
}

/** The runbooks a stale-flow report is about, with the trigger-like score they get; empty when it is not one. */
export function staleFlowDocs(
  text: string,
  conntrackDocs: readonly string[],
  score: number,
): Array<{ docPath: string; score: number }> {
  if (score <= 0 || !describesStaleFlow(text)) return [];
  return conntrackDocs.map((docPath) => ({ docPath, score }));
}
