/**
 * A port or protocol requested in a report that asks nothing: "Update kubernetes-cni role to open BGP ports", "Use
 * protocol 4 for IPIP", "need to open up ipip protocol", "Fix Security Groups to correct node port range", "放行 BGP
 * 端口". Change requests filed against installers and firewall rules are often so: a title asking to open, allow or
 * correct a port, a protocol or a firewall rule, and no question mark. What the engineer needs first is the
 * runbook's line stating which port or protocol that path uses, as for "which ports must be open". Pure.
 */

/** A sentence of a report: up to its full stop, question mark or line end. */
const SENTENCE = /[^。？！；\n]+?(?:[。？！；\n]|[.?!;](?=\s|$)|$)/gu;

/**
 * A request to open, add, change or correct a port, a protocol or a port range, the object named within a few
 * words: "open BGP ports", "open up ipip protocol", "use protocol 4", "allow ... IP-in-IP protocol", "correct node port
 * range", "Added Calico BGP Port 179 to Firewalld", "change default service node port range to 80-32767", "Make
 * nodeport range configurable", "Hardcode service node port range", "放行 ... 端口", "开放 ... 协议". Not "Add IPIP
 * firewall rules for Calico": a rule names no port, and the words left ("calico") pick a line about another port.
 */
const PORT_REQUEST =
  /\b(?:open(?:s|ed)?(?: up)?|allow(?:s|ed)?|use|unblock|whitelist|correct|add(?:s|ed)?|change[sd]?|increase[sd]?|make|hardcode[sd]?)\b(?:\s+[\w/().-]+){0,4}?\s+(?:ports?|protocols?|(?:node ?)?port range)\b|(?:放行|开放|開放|放通)[^，,。；]{0,12}(?:端口|埠|协议|協議)/i;

/** A failure seen in the title: a broken path to diagnose, not a port to request. */
const FAILURE =
  /\b(?:not able to|unable(?: to)?|can(?:no|')t|cannot|could(?:n't| not)|fails?|failed|failing|timed? ?out|times out|refused|unreachable|doesn't work|not working|does not work|broken|breaks?|denie[sd]|rejected|drops?|lost|loses)\b|不通|无法|無法|失败|失敗|超时|超時|拒绝|拒絕|不能/i;

/**
 * The sentences of a report asking nothing whose title requests a port or protocol opened ("Update kubernetes-cni
 * role to open BGP ports. Add task ... to open BGP ports (179/tcp and 179/udp)"): the title and the later sentences
 * requesting the same. None when the report asks a question (it is read by its question) or its title tells a
 * failure (a broken path to diagnose).
 */
export function portRequests(report: string): string[] {
  const all = [...report.matchAll(SENTENCE)].map((match) => match[0].trim()).filter((s) => s !== '');
  const title = all[0] ?? '';
  if (/[?？]/u.test(report) || FAILURE.test(title) || !PORT_REQUEST.test(title)) return [];
  return all.filter((sentence) => PORT_REQUEST.test(sentence) && !FAILURE.test(sentence));
}
