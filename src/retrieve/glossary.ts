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
  // A trie, not one alternation regex: a glossary of any size compiles (V8 rejects regexes that are too large),
  // and matching costs the text's length times the longest term, whatever the glossary's size.
  const matcher = buildTermMatcher([...termToGroup.keys()]);
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
      for (const match of matcher(normalized)) {
        const group = termToGroup.get(match.term);
        if (group) groups.add(group);
      }
      return [...groups];
    },
    canonicalize(normalized) {
      let out = '';
      let from = 0;
      for (const match of matcher(normalized)) {
        out += `${normalized.slice(from, match.at)}\u0001${termToGroup.get(match.term) ?? match.term}\u0001`;
        from = match.at + match.term.length;
      }
      return out + normalized.slice(from);
    },
  };
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The term ending here, if any. */
  term?: string;
}

const LATIN_EDGE = /[a-z0-9]/;

/**
 * Leftmost, longest, non-overlapping occurrences of the terms in a text. A term with a Latin edge must not
 * continue a Latin word there (`host` does not fire inside `hostnetwork`).
 */
export function buildTermMatcher(
  terms: readonly string[],
): (text: string) => Array<{ at: number; term: string }> {
  const root: TrieNode = { next: new Map() };
  for (const term of terms) {
    let node = root;
    // By UTF-16 unit, as the text is walked.
    for (const char of term.split('')) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.term = term;
  }
  const isLatin = (char: string | undefined) => char !== undefined && LATIN_EDGE.test(char);
  return (text) => {
    const matches: Array<{ at: number; term: string }> = [];
    let at = 0;
    while (at < text.length) {
      let node: TrieNode | undefined = root;
      let best: string | undefined;
      let end = at;
      const before = text[at - 1];
      while (end < text.length) {
        node = node.next.get(text[end] as string);
        if (!node) break;
        end++;
        const term = node.term;
        if (
          term !== undefined &&
          !(isLatin(term[0]) && isLatin(before)) &&
          !(isLatin(term[term.length - 1]) && isLatin(text[end]))
        )
          best = term;
      }
      if (best === undefined) {
        at++;
        continue;
      }
      matches.push({ at, term: best });
      at += best.length;
    }
    return matches;
  };
}
