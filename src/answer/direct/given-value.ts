/**
 * A setting the question gives with its value ("What does externalTrafficPolicy: Local change for the client IP?",
 * "ipipMode=Never 之后跨节点怎么走", "dnsPolicy 设为 ClusterFirstWithHostNet 后"): the case asked about. A line stating
 * the same setting with another value (`externalTrafficPolicy: Cluster` 的 SNAT 行为) is about the other case, however
 * many words it shares. Pure.
 */
import { escapeRegExp } from '../../core/escape-reg-exp.js';

/** A field, flag or environment variable written with its value: `name: Value`, `name=Value`, "name 设为 Value". */
const GIVEN =
  /(?<![\w-])([a-z]+(?:[A-Z][a-z0-9]*)+|--[a-z][a-z0-9-]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+)["'`]?\s*(?:[:=：]|设为|設為|设成|設成|改为|改為|改成)\s*["'`]?([A-Za-z0-9][\w.-]*)/g;

export interface GivenValue {
  /** The setting's name, lowercased. */
  name: string;
  /** Its value, lowercased. */
  value: string;
}

/** "setting externalTrafficPolicy to Local", "set --masquerade-all to true". */
const SET_TO =
  /\bset(?:ting)?\s+(?:the\s+)?([a-z]+(?:[A-Z][a-z0-9]*)+|--[a-z][a-z0-9-]+)\s+to\s+["'`]?([A-Za-z0-9][\w.-]*)/g;

/** The settings the asking clause gives with a value. */
export function givenValues(focus: string): GivenValue[] {
  return [...focus.matchAll(GIVEN), ...focus.matchAll(SET_TO)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    value: (match[2] ?? '').toLowerCase(),
  }));
}

/**
 * The other values a runbook gives the settings the question gives ("Cluster" beside "Local" for
 * externalTrafficPolicy), read from its lines that state them (`externalTrafficPolicy: Cluster`). Only names: a
 * generic value ("true", "Never") names no case outside the setting it is written with.
 */
export function otherValues(quotes: Iterable<string>, given: readonly GivenValue[]): Set<string> {
  const found = new Set<string>();
  if (given.length === 0) return found;
  for (const quote of quotes)
    for (const stated of givenValues(quote))
      if (
        given.some(({ name, value }) => stated.name === name && stated.value !== value) &&
        !GENERIC_VALUE.test(stated.value)
      )
        found.add(stated.value);
  return found;
}

const GENERIC_VALUE = /^(?:true|false|yes|no|on|off|always|never|enabled?|disabled?|none|auto|\d+)$/i;

/**
 * Whether a line is about another case than the one given: the first value it names of the setting is another
 * one, stated with the setting ("`externalTrafficPolicy: Cluster` 的 SNAT 行为" for Local) or a value the runbook
 * gives it ("Cluster 策略对外部流量做了 SNAT …改用 Local": the fix names the given case last).
 */
export function aboutOtherCase(
  quote: string,
  given: readonly GivenValue[],
  others: ReadonlySet<string>,
): boolean {
  if (given.length === 0) return false;
  const first = (word: string) => wordAt(quote, word);
  const givenAt = Math.min(...given.map(({ value }) => first(value)));
  const stated = givenValues(quote);
  const otherValues = new Set(others);
  for (const { name, value } of given)
    for (const other of stated)
      if (other.name === name && other.value !== value) otherValues.add(other.value);
  const otherAt = Math.min(...[...otherValues].map(first));
  return otherAt < givenAt;
}

/**
 * Whether a line's context (its table header) sets the given case beside another: a row of a table comparing
 * them ("| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |" under "Cluster | Local") says both, not the given case alone.
 */
export function comparesCases(context: string, given: readonly GivenValue[]): boolean {
  const stated = givenValues(context);
  return given.some(
    ({ name, value }) =>
      stated.some((other) => other.name === name && other.value === value) &&
      stated.some((other) => other.name === name && other.value !== value),
  );
}

/** Whether a line names the value of a given setting as a word ("Local 策略：……源 IP 保留"): it is about that case. */
export function namesGivenValue(quote: string, given: readonly GivenValue[]): boolean {
  return given.some(({ value }) => namesWord(quote, value));
}

function namesWord(quote: string, word: string): boolean {
  return wordAt(quote, word) < Infinity;
}

/** Where a line first names a word (as a whole word), or Infinity. */
function wordAt(quote: string, word: string): number {
  const at = quote.search(new RegExp(`(?<![\\w-])${escapeRegExp(word)}(?![\\w-])`, 'i'));
  return at < 0 ? Infinity : at;
}
