/**
 * The addresses a report names that a check takes: a check whose address placeholder the question fills (a report
 * naming the address it fails to reach and a check taking `<target-ip>`; one naming a Service's ClusterIP and a
 * check taking `<cluster-ip>`) tests this report's own path, where a check of the same cause taking no address
 * tests the runbook's generic case. Only addresses: names (`<namespace>`, `<pod>`) fill nearly every check alike,
 * and filling them more often adds wrong fills. Pure.
 */

import { ADDRESS_PLACEHOLDERS, commandTemplate, extractEntities, placeholderValues } from './placeholders.js';

/** Placeholders taking an address of the path. */
const ADDRESSES: ReadonlySet<string> = new Set(Object.values(ADDRESS_PLACEHOLDERS).flat());

/** The address placeholders the question fills (lower-cased, as `placeholderValues` keys them). */
export function namedAddresses(question: string): Set<string> {
  const out = new Set<string>();
  for (const key of placeholderValues(extractEntities(question)).keys()) if (ADDRESSES.has(key)) out.add(key);
  return out;
}

/** The check takes an address the question names. */
export function takesNamedAddress(command: string, named: ReadonlySet<string>): boolean {
  return named.size > 0 && commandTemplate(command).keys.some((key) => named.has(key));
}
