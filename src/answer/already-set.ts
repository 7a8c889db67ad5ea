/**
 * A fix the user says is already in place ("net.ipv4.ip_forward = 1 is set", "iptables -P FORWARD ACCEPT didn't
 * help", "natOutgoing 已经开了") is not recommended again. Pure.
 */

import { rememberRecent } from '../core/recent.js';

/** The question says something is set, enabled or was tried. */
const ALREADY =
  /(?<![a-z])(?:already|have set|has been set|is set|are set|set to|enabled|tried|did ?n[o']?t help|does ?n[o']?t help|no effect|didn't change)(?![a-z])|已经|已|设置了|設置了|设了|开启了|開啟了|打开了|開了|开了|试过|試過|没用|沒用|无效|無效/iu;

/** Dotted keys (`net.ipv4.ip_forward`), camelCase keys (`natOutgoing`, `externalTrafficPolicy`). */
const SETTING_KEY = /(?<![\w.-])(?:[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){2,}|[a-z]+[A-Z][A-Za-z0-9]*)(?![\w-])/g;

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*=\s*/g, '=')
    .replace(/["'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The settings a command changes: its keys with the value it sets, when it sets one. */
function settingsOf(command: string): Array<{ key: string; value: string | null }> {
  const out: Array<{ key: string; value: string | null }> = [];
  for (const match of command.matchAll(SETTING_KEY)) {
    const key = match[0];
    const rest = command.slice((match.index ?? 0) + key.length);
    const value = /^\s*["']?\s*[:=]\s*["']?([\w.-]+)/.exec(rest)?.[1] ?? null;
    out.push({ key: key.toLowerCase(), value: value?.toLowerCase() ?? null });
  }
  return out;
}

/** The question folded, when it says something is already done (else null); asked once per candidate fix. */
const saysAlready = rememberRecent((question: string): string | null =>
  ALREADY.test(question.normalize('NFKC')) ? fold(question) : null,
);

/** True when the question says what `command` would do is already done. */
export function alreadyInPlace(question: string, command: string): boolean {
  const asked = saysAlready(question);
  if (asked === null) return false;
  // The command itself, as the user ran it.
  if (asked.includes(fold(command))) return true;
  const settings = settingsOf(command);
  if (settings.length === 0) return false;
  // Every setting it changes is named with the same value (or the command sets no value).
  return settings.every(({ key, value }) => {
    const at = asked.indexOf(key);
    if (at === -1) return false;
    if (value === null) return true;
    const after = asked.slice(at + key.length, at + key.length + 32);
    return after
      .replace(/^(?:[\s=:]|(?:is|are|was|already|set to)(?![a-z])|已经|已|是|为|為)+/u, '')
      .startsWith(value);
  });
}
