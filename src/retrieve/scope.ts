import type { DocRecord, GlossaryEntry } from '../core/types.js';
import { type CompiledGlossary, glossaryDerivedKey } from './glossary.js';
import { normalizeText } from './normalize.js';

/** Per doc, the one member of an exclusive glossary set its title, triggers and headings name: set → group. */
export type ScopeTable = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

export function buildScopeTable(docs: readonly DocRecord[], glossary: CompiledGlossary): ScopeTable {
  return scopeTableFrom(scopeEntries(docs, glossary));
}

/** The scope table's content as plain data (a build worker computes it and posts it: it reads every heading). */
export type ScopeEntries = Array<[docPath: string, scoped: Array<[set: string, groups: string[]]>]>;

export function scopeEntries(docs: readonly DocRecord[], glossary: CompiledGlossary): ScopeEntries {
  return docs.map((doc) => {
    const headings = doc.chunks.flatMap((chunk) => chunk.headingPath);
    const topic = normalizeText([doc.title, ...doc.triggers, ...headings].join(' \n '));
    // A doc naming several members of a set (a generic runbook with a section per CNI) is not scoped by it.
    const scoped = [...exclusiveGroups(glossary.groupsIn(topic), glossary)].filter(
      ([, groups]) => groups.size === 1,
    );
    return [doc.path, scoped.map(([set, groups]) => [set, [...groups]])];
  });
}

/** Bump when what scopeEntries computes changes, so persisted scope entries are recomputed. */
export const SCOPE_VERSION = 1;

/** Which computation and glossary persisted scope entries come from: reusable only under the same key. */
export function scopeKey(glossary: readonly GlossaryEntry[]): string {
  return glossaryDerivedKey(`scope-${SCOPE_VERSION}`, glossary);
}

/** What an index generation persists (scopes.json): the entries of its docs, in docs order, under `key`. */
export interface PersistedScopes {
  key: string;
  entries: ScopeEntries;
}

/**
 * The persisted entries when they are well-formed, under `key` and for exactly `docs` (same paths, same order);
 * else null (derived data: recomputed, never trusted blindly).
 */
export function persistedScopesFor(
  raw: unknown,
  key: string,
  docs: readonly Pick<DocRecord, 'path'>[],
): ScopeEntries | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { key: rawKey, entries } = raw as { key?: unknown; entries?: unknown };
  if (rawKey !== key || !Array.isArray(entries) || entries.length !== docs.length) return null;
  const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
  const valid = entries.every(
    (entry: unknown, i) =>
      Array.isArray(entry) &&
      entry.length === 2 &&
      entry[0] === docs[i]?.path &&
      Array.isArray(entry[1]) &&
      entry[1].every(
        (scoped: unknown) =>
          Array.isArray(scoped) && scoped.length === 2 && typeof scoped[0] === 'string' && strings(scoped[1]),
      ),
  );
  return valid ? (entries as ScopeEntries) : null;
}

export function scopeTableFrom(entries: ScopeEntries): ScopeTable {
  return new Map(
    entries.map(([path, scoped]) => [path, new Map(scoped.map(([set, groups]) => [set, new Set(groups)]))]),
  );
}

/**
 * How a doc relates to the alternatives a question names: -1 when it is about another member of an exclusive
 * set (a Calico runbook for a "kube-ovn ..." question); else how many of the sets it is about the named member
 * of (1 for a Kube-OVN runbook, 2 for Kube-OVN's cross-node runbook when the question names Kube-OVN and
 * cross-node traffic); 0 when the question names none, or the doc names none or several (a generic runbook).
 */
export function scopeMatch(
  table: ScopeTable,
  questionGroups: readonly string[],
  glossary: CompiledGlossary,
): ((docPath: string) => number) | null {
  const asked = exclusiveGroups(questionGroups, glossary);
  if (asked.size === 0) return null;
  return (docPath) => {
    let matched = 0;
    for (const [set, wanted] of asked) {
      const named = table.get(docPath)?.get(set);
      if (!named) continue;
      if (![...named].some((group) => wanted.has(group))) return -1;
      matched++;
    }
    return matched;
  };
}

function exclusiveGroups(groups: readonly string[], glossary: CompiledGlossary): Map<string, Set<string>> {
  const bySet = new Map<string, Set<string>>();
  for (const group of groups) {
    const set = glossary.exclusiveSetOf(group);
    if (!set) continue;
    if (!bySet.has(set)) bySet.set(set, new Set());
    bySet.get(set)?.add(group);
  }
  return bySet;
}
