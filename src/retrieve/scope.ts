import type { DocRecord } from '../core/types.js';
import type { CompiledGlossary } from './glossary.js';
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

export function scopeTableFrom(entries: ScopeEntries): ScopeTable {
  return new Map(
    entries.map(([path, scoped]) => [path, new Map(scoped.map(([set, groups]) => [set, new Set(groups)]))]),
  );
}

/**
 * How a doc relates to the alternatives a question names: -1 when it is about another member of an exclusive
 * set (a Calico runbook for a "kube-ovn ..." question), 1 when it is about the named one, 0 otherwise (the
 * question names none, or the doc names none or several: a generic runbook).
 */
export function scopeMatch(
  table: ScopeTable,
  questionGroups: readonly string[],
  glossary: CompiledGlossary,
): ((docPath: string) => -1 | 0 | 1) | null {
  const asked = exclusiveGroups(questionGroups, glossary);
  if (asked.size === 0) return null;
  return (docPath) => {
    let match: -1 | 0 | 1 = 0;
    for (const [set, wanted] of asked) {
      const named = table.get(docPath)?.get(set);
      if (!named) continue;
      if (![...named].some((group) => wanted.has(group))) return -1;
      match = 1;
    }
    return match;
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
