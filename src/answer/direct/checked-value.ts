/**
 * A value the asker checks: "should the pod MTU be 1450?", "Is 1450 the right MTU for flannel vxlan?", "calico ipip 的
 * MTU 应该设成 1480 吗？", "flannel 的 vxlan 端口应该是 8472 还是 4789？", "Should the calico vxlan MTU be 1450 or
 * 1410?". The asker gives a value and names its kind (MTU, port, CIDR, timeout): the line stating that value answers,
 * whether it confirms the one given or not. A failure asked about ("Is port 80 blocked?", "mtu 1450 的包为什么不通")
 * is no check of a value: it asks for a diagnosis. Pure.
 */
import { VALUE_PATTERNS, type ValueKind } from './value-shapes.js';

/**
 * The forms of checking a value: "should … be / use / get / set to …", "is … the right / correct / recommended …",
 * "1440 or 1480"; "应该是 / 应该设成 / 应该用", "对吗", "合理吗", "8472 还是 4789" (between two values: "还是不通" says
 * it still fails).
 */
const CHECKS =
  /\b(?:should|must|shall)\b[^?？]{0,60}?\b(?:be|use|get|have|set to|stay)\b|\b(?:right|correct|proper|recommended|expected|valid|sane|reasonable)\s+(?:value|setting|size|number|mtu|port|cidr|range|timeout|one)\b|\b(?:is|are)\b[^?？]{0,60}?\b(?:right|correct|proper|recommended|valid)\s*(?:[?？]|$)|(?:应该|應該|应当|應當|需要)(?:是|设成|設成|设为|設為|改成|改为|改為|用|配置成|配成)|(?:对|對|合理|正确|正確|合适|合適)(?:吗|嗎)|\d\S{0,6}\s*(?:还是|還是|\bor\b)\s*\S{0,8}?\d/i;

/**
 * Kinds whose values an asker writes to check: numbers and ranges. Not an address: the one a report gives is mostly
 * its own pod's or node's ("My pod IP is 10.244.1.5, right?"), which no runbook line states.
 */
const CHECKABLE: readonly ValueKind[] = ['port', 'mtu', 'overhead', 'cidr', 'count', 'duration'];

/** A number as an asker writes one to check ("1450", "8472", "30s"). */
const NUMBER = /(?<![\w.])\d{2,5}(?:s|ms)?(?![\w.])/;

/**
 * The kinds of value a clause checks, among those it names: the clause has a checking form and gives a value of
 * that kind (a number for a port, MTU, count or timeout; an address for an address; a CIDR for a CIDR).
 */
export function checkedKinds(clause: string, named: readonly ValueKind[]): ValueKind[] {
  return CHECKS.test(clause) ? kindsGiven(clause, named) : [];
}

/**
 * The kinds, among those a clause names, that it gives a value of: a number for a port, MTU, count or timeout, a
 * CIDR or range for a CIDR ("tunl0 的 MTU 是 1480" gives an MTU).
 */
export function kindsGiven(clause: string, named: readonly ValueKind[]): ValueKind[] {
  return named.filter(
    (kind) =>
      CHECKABLE.includes(kind) &&
      (VALUE_PATTERNS[kind].test(clause) || (kind !== 'cidr' && NUMBER.test(clause))),
  );
}

/** The asker's prescriptive form ("should … be", "应该是"): the values checked follow it. */
const PRESCRIPTIVE = /\b(?:should|must|shall)\b|应该|應該|应当|應當|需要/i;
const GIVEN =
  /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?![\w.])|(?<![\w.])\d{2,5}(?:\s*-\s*\d{2,5})?(?![\w.])/g;

/**
 * The values a checking clause gives to be checked: after "should" or "应该" ("node MTU 1500: should the pod MTU be
 * 1440 or 1480" checks 1440 and 1480, not the node's 1500), else all it gives ("Is 1450 the right MTU").
 */
export function checkedValues(clause: string): string[] {
  const prescriptive = PRESCRIPTIVE.exec(clause);
  const checked = prescriptive ? clause.slice(prescriptive.index) : clause;
  return [...new Set(checked.match(GIVEN) ?? [])];
}
