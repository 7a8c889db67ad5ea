/**
 * A flag and the config field it sets are one setting: a report pasting `--cluster-dns=10.12.0.10` asks about the
 * kubelet's `clusterDNS`, one pasting `--masquerade-all` about kube-proxy's `masqueradeAll`. Runbooks name the field
 * of the config file; a line's terms hold it lowercased (`clusterdns`). Only names the question writes as a flag: a
 * kebab-case word alone ("core-dns") is a spelling of a component, and its joined form is in every line about it.
 * Pure.
 */

/** A flag with two or more words: `--cluster-dns`, `--masquerade-all` (not `--v`). */
const FLAG = /(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w-])/gi;

/** The question's flags, each with the term of the field it sets (`cluster-dns` → `clusterdns`). */
export function fieldsOfFlags(question: string): ReadonlyMap<string, string> {
  const fields = new Map<string, string>();
  for (const match of question.matchAll(FLAG)) {
    const name = (match[1] ?? '').toLowerCase();
    fields.set(name, name.replace(/-/g, ''));
  }
  return fields;
}
