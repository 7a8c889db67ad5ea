/**
 * Whether a report names a setting only as a key of the configuration it pasted (`KAFKA_ADVERTISED_LISTENERS
 * PLAINTEXT://kafka1:9092` in an env listing, `advertised.listeners=PLAINTEXT://...` in a properties file, `- name:
 * KAFKA_ADVERTISED_LISTENERS` in a manifest) rather than in its own sentences ("the broker advertises its pod IP in
 * advertised.listeners", "I set KAFKA_ADVERTISED_LISTENERS to the node's address"). A key among the pasted settings is
 * context: the reporter pasted the whole manifest, whatever fails. Pure.
 */

/** A value right after the key: `=` or `:` and a value, a URL-like value, a quoted value, a manifest's `value:`. */
const VALUE_AFTER = /^["']?\s*(?:[=:]\s*\S|,?\s*value\s*:|\s+[a-z][a-z0-9+.-]*:\/\/|\s+["'])/i;
/** A key's own introduction in a manifest or a command line: `name:`, `-e`, `--set`, `--override`. */
const KEY_BEFORE = /(?:\bname\s*:\s*["']?|(?:^|\s)-e\s+|--(?:set|override)\s+(?:[\w.-]+\.)?)$/i;

/** Every occurrence of `setting` in `text` is a key of a pasted configuration (and there is at least one). */
export function namedOnlyAsPastedSetting(text: string, setting: RegExp): boolean {
  const pattern = new RegExp(
    setting.source,
    setting.flags.includes('g') ? setting.flags : `${setting.flags}g`,
  );
  let seen = false;
  for (const match of text.matchAll(pattern)) {
    seen = true;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (!VALUE_AFTER.test(after) && !KEY_BEFORE.test(before)) return false;
  }
  return seen;
}
