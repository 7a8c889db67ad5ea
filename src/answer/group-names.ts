/**
 * Names that stand for a group of objects, not one: a report's nickname for a kind of pods (`we'll call these
 * "toolbox" pods`, `the "edge" nodes`). Filling such a name as `<pod>` or `<node-name>` gives a command for an object
 * that does not exist (`kubectl exec toolbox`), and the group is often the working comparison, so it is left out.
 */

/** A closing quote then a plural object word: the quoted word names the group (`"toolbox" pods`, `"edge" nodes`). */
const PLURAL_AFTER_QUOTE =
  /^[`'"”’」』]\s*(?:pods|nodes|hosts|workers|services|namespaces|containers)(?![a-z0-9_-])/i;

/** Whether the quoted name at `index` is written before a plural object word, so it names a group of objects. */
export function quotedGroupName(text: string, index: number, value: string): boolean {
  return PLURAL_AFTER_QUOTE.test(text.slice(index + value.length, index + value.length + 24));
}

/**
 * A quoted past participle (`pods on "deactivated" node`, `the "cordoned" node`, `a "failed" pod`) is the object's
 * state in scare quotes, not its name: object names are nouns, and a command on `deactivated` finds no node.
 */
const PARTICIPLE = /^[a-z]{3,}[^aeiou\W\d_]ed$/;

/** Whether a quoted word written before the object word is a state (a past participle), no name. */
export function quotedStateWord(value: string): boolean {
  return PARTICIPLE.test(value);
}
