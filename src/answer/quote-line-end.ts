/**
 * A quoted value that closes its line: YAML's `name: "release-name-env"` then `namespace: airflow` on the next line.
 * The object word after it starts another field, so the quote names the object before (the ConfigMap), not one of
 * that word's kind ("the "monitoring" namespace" keeps the word on the quote's line).
 */

/** A closing quote, spaces, then a line break before the next word. */
const QUOTE_THEN_LINE_BREAK = /^[`'"”’」』][^\S\n]*\n/;

/** Whether the quoted `value` at `index` in `text` ends its line, so the object word after it is another line's. */
export function quoteEndsLine(text: string, index: number, value: string): boolean {
  return QUOTE_THEN_LINE_BREAK.test(text.slice(index + value.length, index + value.length + 8));
}
