/**
 * A kubectl listing pasted as a Markdown or pipe-separated table. Pure.
 *
 * Reporters paste `kubectl get pods -o wide` into Markdown tables (`consul-consul-q787l|1/1|Running|0|23h|192.168.17.2|
 * kube3.example.com|<none>|<none>`). Read with its cells spaced as kubectl prints them, such a row is a listing row like
 * any other: a healthy row of several names no pod the report is about, a failing row does.
 */

/** A line with at least three cell separators. */
const TABLE_LINE = /^[^\n]*\|[^\n]*\|[^\n]*\|[^\n]*$/gm;

/** `text` with the separators of its table lines turned into spaces: its length and offsets stay as they were. */
export function tableCellsSpaced(text: string): string {
  if (!text.includes('|')) return text;
  return text.replace(TABLE_LINE, (line) => line.replace(/\|/g, ' '));
}
