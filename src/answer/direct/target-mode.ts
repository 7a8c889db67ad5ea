/**
 * Mode switch asks: "How do I run calico in BGP mode?", "怎么把 calico 改成 BGP 模式？", "默认可以改成BGP吗？", "How do I
 * switch calico to BGP mode?". The mode asked for is the target: a runbook's table of modes has a row for it, whose
 * cells state the settings that select it (`| 纯 BGP（无封装） | ipipMode: Never、vxlanMode: Never | …`). A line about
 * another mode, or a troubleshooting row telling to leave the target ("host-gw 模式跨子网节点不通 | … | 改用 vxlan"),
 * shares as many of the ask's words, yet says how to get somewhere else. Pure.
 */
import { escapeRegExp } from '../../core/escape-reg-exp.js';
import { symptomCell } from './why-symptom.js';

/**
 * The mode a clause asks to get to: "in BGP mode", "to BGP mode", "into host-gw mode" after a verb of running or
 * changing; "改成 BGP (模式)", "切换到 host-gw", "换成 ipvs 模式"; "switch to ipvs", "migrate to VXLAN". Not a mode the
 * clause says it is in ("the cluster runs just in IPIP mode" states; only an ask names a target), nor what a mode is
 * changed from ("从 IPIP 改成 BGP": BGP is the target).
 */
const TARGET_MODE = new RegExp(
  [
    String.raw`\b(?:run|running|create|creating|deploy|deploying|install|installing|set\s+up|setting\s+up|use|using|configure|configuring|put|make|get|start|starting|switch|switching|change|changing|move|moving|migrate|migrating|convert|converting)\b`,
    String.raw`[^.?!。？]{0,60}?\b(?:in|to|into|with)\s+(?:the\s+)?([A-Za-z][\w-]*)\s+mode\b`,
    String.raw`|\b(?:switch|switching|change|changing|move|moving|migrate|migrating|convert|converting)\s+(?:it\s+|them\s+)?(?:over\s+)?to\s+(?:the\s+)?([A-Za-z][\w-]*)\b`,
    String.raw`|\b(?:use|using|enable|enabling)\s+(?:the\s+)?([A-Za-z][\w-]*)\s+mode\b`,
    String.raw`|(?:改成|改为|改為|换成|換成|切换到|切換到|切换成|切換成|切到|迁移到|遷移到|转成|轉成)\s*(?:纯|純)?\s*([A-Za-z][\w-]*)`,
    String.raw`|(?:使用|用|走|跑在|运行在|運行在)\s*([A-Za-z][\w-]*)\s*模式`,
  ].join(''),
  'gi',
);
/** Words no mode is named after ("switch to the new node", "change to it"). */
const NOT_A_MODE =
  /^(?:the|a|an|it|this|that|them|new|other|another|default|same|different|one|my|our|which|what)$/i;

/** The modes a clause asks to get to, lowercased ("How do I run calico in BGP mode" → ["bgp"]). */
export function targetModes(clause: string): string[] {
  const found = new Set<string>();
  for (const match of clause.matchAll(TARGET_MODE)) {
    const name = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
    if (name && !NOT_A_MODE.test(name)) found.add(name.toLowerCase());
  }
  return [...found];
}

/** Asking how to get there: "how do I run calico in BGP mode", "怎么改成 BGP 模式", "可以改成 BGP 吗". */
const HOW_OR_WHETHER = /\bhow\b|\bis (?:it|there)\b|\bcan (?:i|we)\b|怎么|怎麼|如何|能否|可以|能不能|吗|嗎/i;

/** Whether a clause asks how to get to a mode it names ("How can I create a cluster in rancher in BGP mode?"). */
export function asksForMode(clause: string): boolean {
  return HOW_OR_WHETHER.test(clause) && targetModes(clause).length > 0;
}

/**
 * Whether a reference table's row is the row of a mode: its first cell opens with the mode's name (after 纯 / pure:
 * "纯 BGP（无封装）"). A troubleshooting row is not (its first cell is a symptom: "BGP 邻居地址是 …").
 */
export function rowOfMode(header: string, row: string, mode: string): boolean {
  if (symptomCell(header, row) !== null) return false;
  const first =
    row
      .trim()
      .split(/(?<!\\)\|/)[1]
      ?.trim() ?? '';
  return new RegExp(`^(?:纯|純|pure\\s+)?\\s*[\`*]*${escapeRegExp(mode)}(?![\\w-])`, 'i').test(first);
}

/** Whether a line sets a setting to the mode: `mode: ipvs`, `"Type": "host-gw"`, `--proxy-mode=ipvs`. */
export function setsToMode(quote: string, mode: string): boolean {
  return new RegExp(`[\\w.-]["'\`]?\\s*[:=]\\s*["'\`]?${escapeRegExp(mode)}(?![\\w-])`, 'i').test(quote);
}
