import type { GlossaryEntry } from '../core/types.js';
import { normalizeText } from './normalize.js';

export interface CompiledGlossary {
  /** Group ids (`g<index>`) of every glossary term found in normalized text. */
  groupsIn(normalized: string): string[];
  /** Normalized text with every glossary term replaced by its group marker, for synonym-blind matching. */
  canonicalize(normalized: string): string;
  /** The exclusive set a group belongs to, if any (see GlossaryEntry.exclusive). */
  exclusiveSetOf(group: string): string | undefined;
  /** The other members of a group's exclusive set (empty when the group is in none). */
  alternativesOf(group: string): readonly string[];
  readonly size: number;
}

const EMPTY: CompiledGlossary = {
  groupsIn: () => [],
  canonicalize: (text) => text,
  exclusiveSetOf: () => undefined,
  alternativesOf: () => [],
  size: 0,
};

export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const termToGroup = new Map<string, string>();
  entries.forEach((entry, index) => {
    for (const term of entry.terms) {
      const normalized = normalizeText(term);
      // A term listed in two groups keeps its first group: the glossary lint reports the overlap.
      if (normalized && !termToGroup.has(normalized)) termToGroup.set(normalized, `g${index}`);
    }
  });
  if (termToGroup.size === 0) return EMPTY;
  // Longest first, so `connection refused` wins over `connection`; Latin edges need word boundaries
  // so `host` does not fire inside `hostnetwork`.
  const alternatives = [...termToGroup.keys()]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const head = /^[a-z0-9]/.test(term) ? '(?<![a-z0-9])' : '';
      const tail = /[a-z0-9]$/.test(term) ? '(?![a-z0-9])' : '';
      return `${head}${escaped}${tail}`;
    });
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  const exclusiveSetOf = (group: string) => entries[Number(group.slice(1))]?.exclusive;
  const membersOf = new Map<string, string[]>();
  entries.forEach((entry, index) => {
    if (!entry.exclusive) return;
    const members = membersOf.get(entry.exclusive) ?? [];
    membersOf.set(entry.exclusive, [...members, `g${index}`]);
  });
  return {
    size: entries.length,
    exclusiveSetOf,
    alternativesOf(group) {
      const set = exclusiveSetOf(group);
      return set ? (membersOf.get(set) ?? []).filter((member) => member !== group) : [];
    },
    groupsIn(normalized) {
      const groups = new Set<string>();
      for (const match of normalized.matchAll(pattern)) {
        const group = termToGroup.get(match[0]);
        if (group) groups.add(group);
      }
      return [...groups];
    },
    canonicalize(normalized) {
      return normalized.replace(pattern, (match) => `\u0001${termToGroup.get(match) ?? match}\u0001`);
    },
  };
}
