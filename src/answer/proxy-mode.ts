/**
 * The kube-proxy mode a report says its cluster runs ("in iptables mode", "kube-proxy 使用 iptables 模式",
 * "--proxy-mode=ipvs", "mode: ipvs"), and the checks that only apply to another mode (`ipvsadm -Ln` for an
 * iptables-mode report; the iptables chain checks a runbook lists under "iptables 模式" for an IPVS-mode one).
 * Such checks rank after the others, and the stated mode's own checks score higher; a check finding out the mode
 * (`asksProxyMode`) lower. A report naming two modes ("switched from ipvs to iptables") states none, unless it is a
 * long report whose headline names one of them alone ("kube-proxy IPVS: …", the other the body's comparison). Pure.
 */

import type { CommandRecord, DocRecord } from '../core/types.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { foldText } from '../retrieve/normalize.js';
import { headlineOf } from '../retrieve/query.js';
import { chunkOf } from './doc-index.js';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

const MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];

/** The mode word as a whole word: not `ipvsadm`, `kube-ipvs0`, `iptables-save`, `iptables-nft`. */
const WORD: Record<ProxyMode, string> = {
  iptables: 'iptables(?![\\w-])',
  ipvs: 'ipvs(?![\\w-])',
  nftables: 'nftables(?![\\w-])',
};

/** `X mode`, `X-mode`, `X proxy mode`, `mode: X`, `--proxy-mode=X`, `X 模式`, `模式为 X`, `kube-proxy uses X`. */
function statedPattern(mode: ProxyMode): RegExp {
  const word = WORD[mode];
  return new RegExp(
    [
      `(?<![\\w-])${word}[\\s-]*(?:proxy\\s*)?(?:mode|proxier)(?![a-z])`,
      `(?<![a-z])(?:proxy-?mode|mode)\\s*[:=]?\\s*["'\`]?${word}`,
      `(?<![\\w-])${word}\\s*模式`,
      `模式\\s*(?:为|為|是|:|：)\\s*["'\`]?${word}`,
      `kube-proxy\\s+(?:is\\s+)?(?:uses|using|runs|running|使用|用的是|用)\\s*${word}`,
    ].join('|'),
    'iu',
  );
}

const STATED = new Map(MODES.map((mode) => [mode, statedPattern(mode)]));

/**
 * The mode word used as a mode rather than as the tool: a bare `iptables` not followed by an option or by the rules
 * and chains it lists ("iptables -t nat", "iptables rules", "iptables 规则" are the tool's, in any mode).
 */
function namedPattern(mode: ProxyMode): RegExp {
  return new RegExp(
    `(?<![\\w-])${WORD[mode]}(?!\\s+-)(?!\\s*(?:rules?|chains?|tables?|output|规则|链|表)(?![a-z]))`,
    'iu',
  );
}

const NAMED = new Map(MODES.map((mode) => [mode, namedPattern(mode)]));

/**
 * The one mode the report states its kube-proxy runs; null when it states none, or names another mode too, unless
 * its headline names one mode alone (`headlineMode`).
 */
export function statedProxyMode(question: string): ProxyMode | null {
  const text = question.normalize('NFKC');
  const stated = MODES.filter((mode) => STATED.get(mode)?.test(text));
  if (stated.length === 0) return null;
  const [mode] = stated;
  if (stated.length === 1 && mode && !MODES.some((other) => other !== mode && NAMED.get(other)?.test(text)))
    return mode;
  return headlineMode(text, stated);
}

/**
 * A long report naming two modes ("with ipvs mode, pod cannot visit itself via service, but if I use iptables mode,
 * hairpin NAT works") runs the one its headline names alone ("kube-proxy IPVS: pod can't visit itself via service"),
 * when its body states that mode too: the headline says what fails, the other mode is the comparison. A headline
 * naming both ("switched from ipvs to iptables") or neither leaves the mode unstated.
 */
function headlineMode(text: string, stated: readonly ProxyMode[]): ProxyMode | null {
  const headline = headlineOf(foldText(text), RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  if (headline === null) return null;
  const named = MODES.filter((mode) => NAMED.get(mode)?.test(headline));
  const [mode] = named;
  return named.length === 1 && mode && stated.includes(mode) ? mode : null;
}

/** What a check's own text runs that exists in one mode only. */
const TOOL_OF: ReadonlyArray<readonly [ProxyMode, RegExp]> = [
  ['ipvs', /ipvsadm|kube-ipvs0|(?<![\w])ip_vs|KUBE-CLUSTER-IP/i],
  ['iptables', /KUBE-(?:SVC|SEP|SVL|EXT)-/],
  ['nftables', /(?<![\w-])nft\s+list/],
];

/** A heading or purpose saying which mode a check is for ("IPVS 模式：…", "# iptables 模式：…", "in ipvs mode"). */
const SAID_OF: ReadonlyArray<readonly [ProxyMode, RegExp]> = [
  ['ipvs', /(?<![\w-])ipvs\s*(?:模式|mode)/i],
  ['iptables', /(?<![\w-])iptables\s*(?:模式|mode)/i],
];

const modes = new WeakMap<CommandRecord, ProxyMode | null>();

/**
 * The one mode a check applies to, when its runbook says so (its purpose, or the heading of its section, names
 * one mode) or its text runs what exists in one mode only; null when it applies to any mode or names several.
 */
export function checkProxyMode(record: CommandRecord, doc: DocRecord): ProxyMode | null {
  const known = modes.get(record);
  if (known !== undefined) return known;
  const found = new Set<ProxyMode>();
  for (const [mode, pattern] of TOOL_OF) if (pattern.test(record.command)) found.add(mode);
  const heading = chunkOf(doc, record.chunkId, record.source.line)?.headingPath.at(-1) ?? '';
  for (const said of [record.purpose, heading])
    for (const [mode, pattern] of SAID_OF) if (pattern.test(said)) found.add(mode);
  const mode = found.size === 1 ? ([...found][0] ?? null) : null;
  modes.set(record, mode);
  return mode;
}

/** True when the check applies to a mode other than the one the report states. */
export function otherModeCheck(stated: ProxyMode | null, record: CommandRecord, doc: DocRecord): boolean {
  if (stated === null) return false;
  const mode = checkProxyMode(record, doc);
  return mode !== null && mode !== stated;
}

// Any trace of IPVS in a report: the mode word, its tools, its dummy device, its kernel module, IPVS 模式.
const IPVS_TRACE = /ipvs|ip_vs/i;

/**
 * True for a check of IPVS only (`ipvsadm -Ln`, `ip addr show kube-ipvs0`) when the report neither states a mode
 * nor shows any trace of IPVS: kube-proxy's default mode is iptables, and a report that never mentions IPVS most
 * likely runs it. Such a check scores less (it did not move to the end: a report may leave the mode unsaid), and
 * the iptables-mode check of the same rules (`iptables-save -t nat | grep KUBE-NODEPORTS`) ranks before it.
 */
export function unlikelyIpvsCheck(question: string, record: CommandRecord, doc: DocRecord): boolean {
  if (statedProxyMode(question) !== null || IPVS_TRACE.test(question)) return false;
  return checkProxyMode(record, doc) === 'ipvs';
}

/** True when the check applies to the one mode the report states (and not to every mode). */
export function sameModeCheck(stated: ProxyMode | null, record: CommandRecord, doc: DocRecord): boolean {
  return stated !== null && record.safety === 'read-only' && checkProxyMode(record, doc) === stated;
}

/** What a check's text asks kube-proxy or its config for: the mode it runs (`/proxyMode`, the config's `mode:`). */
const ASKS_MODE = /\/proxyMode\b|(?<![\w-])mode:/;

/**
 * True when the check finds out which mode kube-proxy runs (`curl -s http://127.0.0.1:10249/proxyMode`): a report
 * that states the mode has already said what it shows.
 */
export function asksProxyMode(record: CommandRecord): boolean {
  return ASKS_MODE.test(record.command);
}
