/**
 * A pasted listing's header line ends in a column's name: kubectl 1.11–1.13's `get pods -o wide` ends in `NOMINATED
 * NODE`, and a header cut after its `NODE` column is common too. The next line's first cell is the row's own object (a
 * pod), so reading "NODE\nweb-5d4f7c-x2k9q" as "the node web-5d4f7c-x2k9q" would fill a pod's name as `<node>`.
 */

/** A column's name as kubectl prints it: one upper-case word (`NODE`, `POD`, `NAMESPACE`). */
const COLUMN_NAME = /^[A-Z]+$/;
/** Only spaces, then one line break, then the next line's indentation. */
const LINE_BREAK_ONLY = /^[^\S\n]*\n[^\S\n]*$/;

/**
 * Whether the object word `word`, followed by `separator` and then a name, is a listing header's last column: an
 * upper-case word at the end of its line, the name starting the next one.
 */
export function columnHeaderEnd(word: string, separator: string): boolean {
  return COLUMN_NAME.test(word) && LINE_BREAK_ONLY.test(separator);
}
