/**
 * A report that asks how to set, or asks a project to let users set, a field of an application's Helm chart or
 * operator resource ("Set nodePort on deploy using Helm and Kubernetes", "Support loadBalancerIP for service in helm
 * chart", "Add support for annotations on `loadbalancer` service … expose annotations for the service in
 * values.yml", "Docs: Set xsite service expose type = NodePort … service.site.local.expose.nodePort=<portnum>").
 * Whether a chart templates `nodePort`, `loadBalancerIP` or a Service's annotations is its maintainers' packaging,
 * answered from the chart's values and templates; no traffic path has failed. Yet the report names a NodePort or
 * LoadBalancer Service, so the runbook about reaching one scores high. A report that says a path fails (a timeout, a
 * refused connection, a probe of the path, "NodePort not working after helm install") is left to the runbooks. Pure.
 */
import { BROKEN_CONNECTION } from './covered-paths.js';
import { failedConnection, headlineFailsToConnect } from './failed-connection.js';
import { readReport } from './uncovered-subjects.js';

/**
 * A chart's or an operator's configuration, named: Helm, a chart, its values file or `.Values.` references, or a
 * dotted values key set on the command line (`service.site.local.expose.type=NodePort`, `--set service.nodePort=`).
 */
const CHART_VALUES =
  /\bhelm\b|\bcharts?\b|values\.ya?ml|\.Values\.|\bvalues\s+file\b|^\s*values\s*:\s*$|\b[a-z]\w*(?:\.[a-z]\w*){2,}\s*=\s*[<\w]/im;

/**
 * A first sentence worded as a request or a how-to about a setting, after any tags (`[stable/chartmuseum]`,
 * `[Feature Request]`) or a `Docs:` prefix: it opens with add, allow, support, enable, expose, make, set (not "set
 * up") or configure, or it asks how to set, configure or specify something, or for the possibility, ability or option
 * to, or calls the setting configurable; in Chinese, how to set (如何设置, 如何在 values.yaml 里配置) or a wish that it be configurable
 * (支持配置, 可配置).
 */
const SETTING_REQUEST = new RegExp(
  [
    String.raw`^\s*(?:\[[^\]]*\]\s*)*(?:docs?\s*[:：]\s*)?(?:add|allow|support|enable|expose|make|configure)(?:s|es|ing)?\b|^\s*(?:\[[^\]]*\]\s*)*(?:docs?\s*[:：]\s*)?set(?!\s*-?\s*up)\b`,
    String.raw`\bhow\s+(?:to|do\s+(?:i|we|you)|can\s+(?:i|we|you)|should\s+(?:i|we))\s+(?:set|configure|specify|define|change|pass)\b`,
    String.raw`\b(?:possibility|ability|option)\s+to\s+(?:set|configure|specify|define|add)\b|\bconfigurable\b`,
    '(?:如何|怎么|怎样|怎麼)[^。？?！!\\n]{0,30}?(?:设置|配置|設定|指定)|(?:支持|支援)\\s*(?:配置|设置|自定义)|可配置',
  ].join('|'),
  'i',
);

/**
 * A first sentence stating that something fails or is stuck ("NodePort not working", "LoadBalancer IP stays
 * pending", "cannot access the service", 访问不通): a failure the runbooks may follow, whatever chart it names.
 */
const STATED_FAILURE =
  /\bnot\s+(?:work|reachable|accessible|able|respond)|\bdoes\s*n[o']t\s+work|\bdon'?t\s+work|\bfail(?:s|ed|ing|ure)?\b|\bbroken\b|\bpending\b|\berrors?\b|\bcan'?t\b|\bcannot\b|\bunable\b|不通|无法|無法|失败|失敗|报错|異常|异常/i;

/** A probe of a path pasted anywhere in the report: a request made and its answer (or none) shown. */
const PATH_PROBE =
  /\bcurl\s|\bwget\s|\btelnet\s|\bnc\s+-|\bping\s|\bnslookup\b|\bdig\s|\btcpdump\b|traceroute|\bi\/o\s+timeout|\bconnection\s+reset|\bno\s+route\b|\bEOF\b/i;

/**
 * A body saying something cannot reach or resolve another ("it is unable to resolve the DNS entries of functions",
 * "DNS remains unresolveable, meaning that JetStream can never discover other pods", 无法访问): the chart request is
 * then a fix for a path failing, which a runbook may explain (a hostNetwork pod's dnsPolicy, a headless Service's
 * publishNotReadyAddresses).
 */
const STATED_UNREACHABLE =
  /\b(?:unable\s+to|can'?t|cannot|can\s+not|could\s*n[o']t|fail(?:s|ed|ing)?\s+to|never)\s+(?:\w+\s+){0,2}?(?:access|reach|connect|contact|resolve|ping|talk|communicate|discover)|unresolv|\bnot\s+resolv|\bnot\s+working\b|\bdoes(?:n'?t|\s+not)\s+work\b|\bnxdomain\b|\bservfail\b|不通|无法访问|無法訪問|访问不了|訪問不了|解析失败|解析失敗|连不上|連不上/i;

/**
 * The subject when a report's first sentence asks to set a field of an application's chart or operator resource
 * (and the report names such a chart's configuration) while nothing in it says a path fails; else null.
 */
export function uncoveredChartValuesRequest(question: string): string | null {
  const { text, headline } = readReport(question);
  if (!SETTING_REQUEST.test(headline) || !CHART_VALUES.test(text)) return null;
  if (STATED_FAILURE.test(headline) || headlineFailsToConnect(headline, text)) return null;
  if (BROKEN_CONNECTION.test(text) || PATH_PROBE.test(text) || STATED_UNREACHABLE.test(text)) return null;
  if (failedConnection(text) !== null) return null;
  return "an application chart's or operator's own settings (which fields its values template)";
}
