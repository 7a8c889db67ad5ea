/**
 * Subjects of other trades that the KB's maintainers list in the runbooks' front-matter (`not_covered:`): a product
 * or trade next to a runbook's path that no runbook explains (an ingress controller's annotations, KubeVirt VMs, an
 * edge framework's tunnels, a control-plane VIP, a microservice registry's addresses). A report whose first sentence
 * makes such a subject the failing one is declined, while no runbook's title, triggers, headings or troubleshooting
 * symptoms state it (KB-relative, as the other declines). The list is the KB's, so doc owners grow it; this module
 * only reads it. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import type { DocRecord } from '../core/types.js';
import { ANY_PLUGIN_PATH, CNI_NAMES, topicTexts } from './clarify.js';
import { readReport } from './uncovered-subjects.js';

type ListingDoc = Pick<DocRecord, 'title' | 'triggers' | 'chunks' | 'troubleshooting' | 'notCovered'>;

/** One listed subject, compiled: its name and how a report writes it. */
export interface OtherTrade {
  readonly subject: string;
  readonly pattern: RegExp;
}

/**
 * An alias as a pattern: case-folded, its spaces, hyphens and underscores matching any of them or none ("kube-vip",
 * "kube vip", "kubevip"), and a Latin edge not inside a longer Latin word ("vmi" is not in "vmimage"), plural
 * allowed. Chinese edges need no boundary.
 */
export function aliasPattern(alias: string): string {
  const words = alias
    .normalize('NFKC')
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  const body = words.join('[\\s_-]*');
  const start = /^[a-z0-9]/i.test(alias.trim()) ? '(?<![a-z0-9])' : '';
  // A Latin alias stands for its plural too ("ingress annotation" names "ingress annotations").
  const end = /[a-z0-9]$/i.test(alias.trim()) ? '(?:e?s)?(?![a-z0-9])' : '';
  return `${start}${body}${end}`;
}

/**
 * The listed subjects no runbook explains: every runbook's `not_covered` entries, less those whose alias a runbook's
 * title, triggers, headings or troubleshooting symptoms state (a runbook later written for the subject takes it over).
 */
export function otherTradesOf(docs: readonly ListingDoc[]): OtherTrade[] {
  const topics = docs.flatMap((doc) => topicTexts(doc).map((text) => text.normalize('NFKC')));
  const trades: OtherTrade[] = [];
  for (const entry of docs.flatMap((doc) => doc.notCovered ?? [])) {
    const pattern = new RegExp(entry.aliases.map(aliasPattern).join('|'), 'i');
    if (topics.some((text) => pattern.test(text))) continue;
    trades.push({ subject: entry.subject, pattern });
  }
  return trades;
}

/**
 * A headline saying something fails, in the words reports use: it fails, errors, does not work or take effect, can't
 * or cannot, is ignored, is unreachable or does not reply, has a problem (失败, 报错, 不生效, 无法, 不通, 异常, 问题).
 */
const FAILING =
  /\bfail|\berror|\berr\b|not\s+(?:work|replying|reachable|responding|taking\s+effect|take\s+effect|effective|applied)|n'?t\s+(?:work|ping|reach|connect|access|reply|respond|take\s+effect)|\bcan'?t\b|\bcannot\b|\bunable\b|\bbroken\b|\bno\s+effect\b|\b(?:is|are|gets?|being)\s+ignored\b|被忽略|\bissues?\b|\bproblems?\b|失败|失敗|报错|報錯|出错|出錯|不生效|未生效|没生效|沒生效|不起作用|无效|無效|无法|無法|不能|不通|异常|異常|问题|問題|访问不了|訪問不了|连不上|連不上/i;

/** A tracker's tags before a title ("[BUG]", "BUG:", "【求助】"): they say what kind of post it is, not what fails. */
const TRACKER_TAGS = /^\s*(?:(?:\[[^\]]{0,20}\]|【[^】]{0,20}】|bug\s*:)\s*)+/i;

/**
 * The listed subject a report is about, else null: its first sentence names the subject before it says what fails
 * ("The kubevirt vm can't ping", "ingress annotations设置后未生效", "使用 raven 云边 pod 无法通信"), and names no path a
 * runbook covers (DNS, a Service, a refused or timed-out connection, MTU) and no CNI. A subject named after the
 * failure or beside a covered path is mentioned in passing: "DNS fails inside a KubeVirt VM" is a DNS report,
 * "Calico pods fail on the node running kube-vip" a Calico report.
 */
export function uncoveredOtherTrade(question: string, trades: readonly OtherTrade[]): string | null {
  const headline = readReport(question).headline.replace(TRACKER_TAGS, ' ');
  const failing = FAILING.exec(headline);
  if (!failing || CNI_NAMES.test(headline)) return null;
  for (const trade of trades) {
    const named = trade.pattern.exec(headline);
    if (!named || named.index > failing.index) continue;
    const rest = headline.replace(new RegExp(trade.pattern.source, 'gi'), ' ');
    if (ANY_PLUGIN_PATH.test(rest)) continue;
    return trade.subject;
  }
  return null;
}

/** Whether an asking clause names a listed subject (not a value of a part a runbook covers). */
export function namesOtherTrade(text: string, trades: readonly OtherTrade[]): boolean {
  return trades.some((trade) => trade.pattern.test(text.normalize('NFKC')));
}
