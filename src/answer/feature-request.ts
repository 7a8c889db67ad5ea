/**
 * A report that asks a project for a change rather than saying what fails: a tracker's feature request or proposal
 * ("[Feature Request] acl created by kube-ovn should add vendor like lsp", "Will the kube-ovn network be supported in
 * the future?", "建议支持 kube-ovn 的 subnet 配置 dhcp 选项", "需求：希望 … 支持 IPv6"). What the project should build is
 * its maintainers' decision, not a path a runbook follows. A request that names a path, a datapath mode or a setting
 * the runbooks explain ("Ability to set ndots in /etc/resolv.conf", "[Request] Ability to set
 * --service-node-port-range", "flannel vxlan 是否需要增加 directrouting 的支持") is answered from that runbook: the
 * setting may already exist. Pure.
 */
import { ANY_PLUGIN_PATH } from './clarify.js';
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { readReport } from './uncovered-subjects.js';

/**
 * A tracker's feature-request template, wherever the report pastes it: a title tag ("[Feature]", "[Feature Request]",
 * "[Proposal]", "[RFE]"), a title prefix ("feat:", "enh:", "Proposal:", "Feature request:"), or the template's own
 * questions ("Is your feature request related to a problem?", "What would you like to be added").
 */
const REQUEST_TEMPLATE =
  /\[\s*(?:feature(?:\s+request)?|enhancement|proposal|rfe)\s*\]|^\s*(?:feature(?:\s+request)?|feat|enh(?:ancement)?|proposal|rfe)\s*(?:\([\w/.-]+\))?\s*[:：]|\bfeature\s+request\b|is\s+your\s+feature\s+request\s+related|what\s+would\s+you\s+like\s+to\s+be\s+added|describe\s+the\s+solution\s+you'?d\s+like/i;

/**
 * A report asking the maintainers for a change in its own words, wherever it asks: a hope that the project supports
 * something ("Hope to support external client of K8S cluster access"), a request to the maintainers to add or support
 * it ("could you add an option in helm for ...", "Can you add the portmap plugin"), a request to add an option or a
 * flag ("Add config option to support loadBalancerSourceRanges"), and 希望能得到支持. Asking the maintainers to
 * provide something ("Could you provide the logs") is not a request for a change.
 */
const REQUEST_ASK =
  /\bhope\s+(?:to|you\s+(?:can|could|will)|it\s+(?:can|could|will))\s+(?:support|add|allow|expose)\b|\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:add|support|expose)\b|\badd\s+(?:an?\s+|the\s+)?(?:config(?:uration)?\s+)?(?:option|flag|parameter|param|setting|knob)s?\s+(?:to|for|in)\b|\bi\s+would\s+like\s+to\s+request\b|\b(?:request(?:ing)?|want)\s+(?:a|the)\s+feature\b|希望\s*(?:能\s*|可以\s*)?得到\s*(?:支持|支援)/i;

/**
 * A first sentence asking for a change in its own words: support to be added ("Add support for", "support for X",
 * "Will X be supported", "whether to support"), "it would be nice", "please add", "the ability to"; in Chinese a
 * request (需求：), a suggestion (建议支持/增加), a wish (希望支持/新增) or a question whether something is supported
 * (是否支持, 能否支持, 何时支持).
 */
const REQUEST_HEADLINE =
  /\bit\s+would\s+be\s+(?:nice|great|good|useful|helpful)\b|\bplease\s+(?:add|support|allow|consider)\b|\badd(?:s|ing)?\s+(?:the\s+)?(?:support|ability|possibility|option)\b|^\s*(?:(?:the\s+)?ability\s+to|support\s+(?:for|of)\b)|\bbe\s+supported\b|\bwhether\s+to\s+support\b|需求\s*[:：]|建议\s*(?:支持|增加|添加|新增|提供)|建議\s*(?:支援|支持|增加|新增)|希望\s*(?:能\s*|可以\s*)?(?:支持|支援|增加|添加|新增|提供)|(?:是否|能否|可否|何时|何時|什么时候|什麼時候)\s*(?:能\s*|可以\s*|会\s*)?(?:支持|支援)/i;

/**
 * What the runbooks explain that a request may name: the overlay and routing modes (VXLAN, IPIP, BGP, Geneve,
 * host-gw, DirectRouting, WireGuard, eBPF), an underlay on a provider network or VLAN, egress, host-network and headless
 * pods, kube-proxy, Open vSwitch and ovn0, and the settings around a path they state (ndots, ARP for a load-balancer
 * address).
 */
const COVERED_MODE =
  /vxlan|\bipip\b|\bbgp\b|geneve|host-?gw|direct\s*routing|wireguard|\bebpf\b|underlay|\bvlan\b|provider\s*networks?|\begress\b|host\s*network|headless|kube-proxy|\bovs\b|open\s*vswitch|\bovn0\b|\bndots\b|strict\s*arp|\barp\b/i;

/**
 * A setting named as such: a command-line flag (`--service-node-port-range`, `--iface`), a camelCase field
 * (`publishNotReadyAddresses`, `externalTrafficPolicy`), an environment variable (`FELIX_NATOUTGOINGADDRESS`) or a file
 * of the node (`/etc/resolv.conf`). The runbooks state many such settings; a request naming one may be answered with it.
 */
const NAMED_SETTING =
  /(?:^|\s|["'`(])--[a-z][\w-]+|\b[a-z]+[A-Z][a-z]\w*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\/etc\/[\w./-]+/;

/**
 * The subject when a report asks for a change (a feature-request template or a request to the maintainers anywhere, or
 * a first sentence worded as a request) and its first sentence names no path, mode or setting the runbooks explain; else null. "Will the kube-ovn
 * network be supported in the future?" and "[Feature Request] acl created by kube-ovn should add vendor like lsp" are
 * declined; "Feature request: Only allow vxlan traffic over a specific interface" names VXLAN, and "[feature] add
 * publishNotReadyAddresses param in headless service" a setting: both are answered.
 */
export function uncoveredFeatureRequest(question: string): string | null {
  const { text, headline } = readReport(question);
  if (!REQUEST_TEMPLATE.test(text) && !REQUEST_ASK.test(text) && !REQUEST_HEADLINE.test(headline))
    return null;
  if (namesCoveredPathOrBreak(headline) || ANY_PLUGIN_PATH.test(headline)) return null;
  if (COVERED_MODE.test(headline) || NAMED_SETTING.test(headline)) return null;
  return 'feature requests (what a project should build, not a failing path)';
}
