/**
 * Reports paste machine output (ping lines, logs, `kubectl get` tables, `ip route` output, install summaries) next
 * to the reporter's own words. The words of the pasted parts name what the output happens to show (an `mtu 1450`
 * of `ip link`, the `icmp_seq` of a ping), not what is broken, so retrieval weighs terms only those parts have
 * less (query.ts weighPasted). Pure; the text is normalized (lower case).
 *
 * The detector is strict on purpose: a sentence counts as pasted only on a mark no prose sentence has (a log
 * timestamp, a shell prompt, a ping reply, a table header, `ip route` output) or a density of addresses,
 * `key=value` pairs or `key: value` list items no sentence a person writes has. A looser one (3 addresses or any
 * 3 `key: value` pairs) also took the reporter's own descriptions of their setup and measured worse.
 */

const IP_OR_CIDR = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?::\d+)?(?![\w.])/g;
const MAC = /(?<![\w:])[0-9a-f]{2}(?::[0-9a-f]{2}){5}(?![\w:])/g;
/** `key=value` pairs (logfmt, env lists, sysctl output). */
const KEY_EQUALS = /(?<![\w.-])[a-z][\w.-]*=(?:"[^"]*"|[\w./:-]+)/g;
/**
 * `key: value` items of a list (`kubectl describe` output, an install script's summary, Helm values): a value of
 * one token right before a list separator.
 */
const KEY_COLON_ITEM =
  /(?<![\w.-])[a-z][\w.-]*(?: [a-z][\w.-]*){0,3}: (?:"[^"]*"|[\w./:-]+)(?=[,;，；]|\s*$)/g;
/** `ip route` / `ip link` / `ip addr` output. */
const ROUTE_OUTPUT = /via \d{1,3}(?:\.\d{1,3}){3} dev |dev \S+ proto |scope link|mtu \d+ qdisc|link\/ether /u;
/** Log lines: klog (e0715 12:00:01), [error], level=error, timestamps. */
const LOG_MARK =
  /(?<![a-z0-9])[ewif]\d{4} \d{2}:\d{2}:\d{2}|\[(?:error|warn(?:ing)?|info|debug|fatal)\]|(?<![a-z])level=|\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}:\d{2}|(?<![\d:])\d{2}:\d{2}:\d{2}(?:\.\d+)?(?![\d:])/u;
/** Shell prompts: `[root@node1 ~]#`, `$ kubectl`, `# ip route`. */
const PROMPT =
  /\[[\w.-]+@[\w.-]+[^\]]*\][#$]|(?:^|\s)[$#] (?:kubectl|ip|ping|curl|iptables|cat|ovs|tcpdump|calicoctl)(?![\w-])/u;
/** ping / traceroute output and `kubectl get` tables (header or status columns). */
const TOOL_OUTPUT =
  /icmp_seq=|bytes from|ttl=\d|\d+ packets transmitted|(?<![a-z])name\s+ready\s+status|(?<![a-z])(?:running|pending|crashloopbackoff)\s+\d+\s+\d+[smhd]/u;

/** Whether one sentence of a report looks like pasted machine output rather than the reporter's prose. */
export function looksPasted(sentence: string): boolean {
  if (LOG_MARK.test(sentence) || PROMPT.test(sentence) || TOOL_OUTPUT.test(sentence)) return true;
  if (ROUTE_OUTPUT.test(sentence)) return true;
  const addresses = (sentence.match(IP_OR_CIDR)?.length ?? 0) + (sentence.match(MAC)?.length ?? 0);
  return (
    addresses >= 4 ||
    (sentence.match(KEY_EQUALS)?.length ?? 0) >= 3 ||
    (sentence.match(KEY_COLON_ITEM)?.length ?? 0) >= 3
  );
}

/** A sentence end: `.`/`!`/`?` before a space (not inside 1.1.8), or a Chinese stop. */
const SENTENCE_END = /(?<=[.!?])\s+|(?<=[。！？])/u;

/**
 * The report's prose: its sentences that do not look like pasted output, or null when none looks pasted. The
 * first sentence (a title: what fails) is always prose.
 */
export function proseOf(text: string): string | null {
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== '');
  if (sentences.length < 2) return null;
  const prose = sentences.filter((sentence, i) => i === 0 || !looksPasted(sentence));
  return prose.length === sentences.length ? null : prose.join(' ');
}
