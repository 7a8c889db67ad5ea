/**
 * A setting requested in a report that asks nothing: "nginx-controller chart should support dnsPolicy", "Pods running
 * with `hostNetwork: true` need to specify `dnsPolicy: ClusterFirstWithHostNet`", "headless service shouldn't require
 * publishNotReadyAddresses", "change default value of publishNotReadyAddresses", "chart 应该支持配置 dnsPolicy". Issues
 * filed against charts and operators are often so: no question mark, only the field of a spec that should be set,
 * supported or defaulted otherwise, or a flag or parameter to change ("Decrease the DNS ndots parameter of Jenkins Pods
 * to 3"). What the engineer needs first is the runbook's line stating that field's rule (which value it needs, what it
 * changes), as for "which dnsPolicy should it use". Pure.
 */

/** A spec field as a report writes it: a camelCase key (`dnsPolicy`, `publishNotReadyAddresses`). */
const FIELD = /(?<![\w.$/-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![\w/-])/g;
/**
 * A setting named otherwise: a command-line flag (`--service-node-port-range`), or a lower-case word called a parameter,
 * setting or option ("the DNS ndots parameter"). The name is the flag with its dashes, or the word.
 */
const NAMED_SETTING =
  /(?<![\w-])(--[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w-])|(?<![\w.$/-])([a-z][a-z0-9]{2,})\s+(?:parameter|setting|option|flag)s?\b/;

/**
 * A flag written without its dashes: a lower-case name of three or more dash-joined words ("Make
 * service-node-port-range configurable"). Read as the flag (`--service-node-port-range`), so only a line writing the
 * flag answers: a component's name of the same shape (`calico-kube-controllers`) is never written as one. Not a name
 * owning the settings that follow it ("Change kube-controller-manager flags documentation").
 */
const BARE_FLAG =
  /(?<![\w./-])([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*){2,})(?![\w/-]|\.\w|\s+(?:flags|args|arguments|options|parameters|settings|config(?:uration)?)\b)/;

/**
 * The first setting named in a request's object: a camelCase key, a flag, or a word called a parameter; with the form
 * the report writes it in (a flag written without its dashes is named as the flag).
 */
function fieldIn(object: string): { field: string; written: string } | undefined {
  const key = object.match(FIELD)?.[0];
  if (key) return { field: key, written: key };
  const named = NAMED_SETTING.exec(object);
  const name = named?.[1] ?? named?.[2];
  if (name) return { field: name, written: name };
  const bare = BARE_FLAG.exec(object)?.[1];
  return bare ? { field: `--${bare}`, written: bare } : undefined;
}
/**
 * The words requesting or requiring a setting: should (not), needs to, must, require, support, default; 应该, 需要,
 * 必须, 支持, 默认; and a title opening with an imperative ("feat(chart): set dnsPolicy to ...", "[nats helm] add
 * publishNotReadyAddresses: true to headless service", "Allow setting ..."). Not a question: a report that asks one is
 * read by its question.
 */
const REQUEST =
  /^(?:[\w-]+(?:\([\w-]+\))?:\s*)?(?:\[[^\]]*\]\s*)?(?:set|add|allow|expose|enable|use|change|make|configure|increase|decrease|reduce|lower|raise)(?:s|d|ed)?\b|\bshould(?:n't| not)?\b|\bneeds? to\b|\bneed(?:ed)? (?:to )?(?:specify|set)\b|\bmust\b|\brequire[sd]?\b|\brequiring\b|\bsupport\b|\bdefault(?:s|ed)?\b|应该|應該|需要|必须|必須|支持|默认|默認/i;

/** A sentence of a report: up to its full stop, question mark or line end. */
const SENTENCE = /[^。？！；\n]+?(?:[。？！；\n]|[.?!;](?=\s|$)|$)/gu;

/** Every request word of a title, in order. */
const REQUESTS = new RegExp(REQUEST.source, 'gi');

/** A failure seen in the title: a broken path to diagnose, not a setting to request. */
const FAILURE =
  /\b(?:not able to|unable to|can(?:no|')t|cannot|could(?:n't| not)|fails?|failed|failing|timed? ?out|times out|refused|unreachable|doesn't work|not working|does not work|broken|breaks?|blocks?|denie[sd]|rejected|drops?)\b|不通|无法|無法|失败|失敗|超时|超時|拒绝|拒絕|不能/i;

/** How many words after the request word its object may come ("change default value of publishNotReadyAddresses"). */
const OBJECT_WORDS = 5;

/**
 * The sentences of a report whose title requests a spec field, and that field: the first named within a few words
 * after a request word ("set dnsPolicy to ClusterFirstWithHostNet when hostNetwork is enabled" requests dnsPolicy;
 * hostNetwork is the case). Not a field named further on ("Add iptables FORWARD rule for external requests to service
 * with nodePort" requests a rule). Only the title: a long report's other sentences say what a setting should have done
 * on a broken path ("externalTrafficPolicy: Local should keep the source IP, but ..."), which asks for a diagnosis.
 */
export function settingRequests(report: string): { sentences: string[]; fields: string[] } {
  const all = [...report.matchAll(SENTENCE)].map((match) => match[0].trim()).filter((s) => s !== '');
  const title = all[0] ?? '';
  const none = { sentences: [], fields: [] };
  if (FAILURE.test(title) || /[?？]/u.test(report)) return none;
  let found: { field: string; written: string } | undefined;
  for (const request of title.matchAll(REQUESTS)) {
    const after = title.slice((request.index ?? 0) + request[0].length);
    const object = after.trim().split(/\s+/).slice(0, OBJECT_WORDS).join(' ');
    found = fieldIn(object);
    if (found) break;
  }
  if (!found) return none;
  const { field, written } = found;
  const sentences = all.filter((sentence) => REQUEST.test(sentence) && sentence.includes(written));
  return { sentences, fields: [field] };
}

/** A troubleshooting table's header: its rows are symptoms to diagnose ("| 现象 | 可能原因 | 检查命令 | 修复 |"). */
const SYMPTOM_HEADER = /^\|\s*(?:现象|現象|症状|症狀|symptoms?)\s*\|/i;
/** A line introducing what follows ("hostNetwork Pod 想解析集群内 Service，必须显式指定：") states nothing itself. */
const INTRODUCES = /[:：]\s*$/u;

/**
 * Whether a line can state a requested field's rule: a sentence or a row of a table comparing values, not a command
 * reading or setting the field, a line introducing a block, nor a symptom row of a troubleshooting table.
 */
export function statesRule(line: { quote: string; header?: string; settingOnly?: boolean }): boolean {
  if (line.settingOnly || INTRODUCES.test(line.quote)) return false;
  return line.header === undefined || !SYMPTOM_HEADER.test(line.header);
}

/** Whether a line names one of the requested fields, or is a row of a table whose header names one. */
export function namesRequested(line: { quote: string; header?: string }, fields: readonly string[]): boolean {
  const text = line.header?.trim().startsWith('|') ? `${line.header} ${line.quote}` : line.quote;
  return fields.some((field) => new RegExp(`(?<![\\w-])${field}(?![\\w-])`, 'i').test(text));
}
