import { createHash } from 'node:crypto';
import { rememberRecent } from '../core/recent.js';
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
  /** Whether a group is a basic Kubernetes object or component (see GlossaryEntry.kubernetes). */
  isKubernetesBasic(group: string): boolean;
  readonly size: number;
}

const EMPTY: CompiledGlossary = {
  groupsIn: () => [],
  canonicalize: (text) => text,
  exclusiveSetOf: () => undefined,
  alternativesOf: () => [],
  isKubernetesBasic: () => false,
  size: 0,
};

/**
 * The key of data derived from a glossary by a versioned computation (`tokenizer-2`, `scope-1`): persisted data
 * is reusable only under the same key.
 */
export function glossaryDerivedKey(derivation: string, glossary: readonly GlossaryEntry[]): string {
  return createHash('sha256').update(`${derivation}\0`).update(JSON.stringify(glossary)).digest('hex');
}

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
  // One question is matched several times over (tokens, scope, triggers, CNI names): the matches are remembered.
  const matcher = rememberRecent(buildTermMatcher([...termToGroup.keys()]));
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
    isKubernetesBasic: (group) => entries[Number(group.slice(1))]?.kubernetes === true,
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
  /** Children by UTF-16 unit (a number: no one-character string made per step of the walk). */
  next: Map<number, TrieNode>;
  /** The term ending here, if any. */
  term?: string;
}

/** `[a-z0-9]`, by UTF-16 code (NaN, past either end of the text, is not). */
export function isLatinCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

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
    for (let i = 0; i < term.length; i++) {
      const unit = term.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.term = term;
  }
  // The units a term starts with: at any other position of the text no term starts, and the trie is not walked.
  const starts = new Uint8Array(65536);
  for (const unit of root.next.keys()) starts[unit] = 1;
  return (text) => {
    const matches: Array<{ at: number; term: string }> = [];
    let at = 0;
    while (at < text.length) {
      const first = text.charCodeAt(at);
      if (starts[first] !== 1) {
        at++;
        continue;
      }
      const startsLatin = isLatinCode(first);
      // Inside a Latin word every term that could start here starts with a Latin letter, and would continue
      // the word: none can match, so the trie is not walked (most positions of an English text).
      if (startsLatin && isLatinCode(text.charCodeAt(at - 1))) {
        at++;
        continue;
      }
      let node: TrieNode | undefined = root;
      let best: string | undefined;
      let end = at;
      while (end < text.length) {
        node = node.next.get(text.charCodeAt(end));
        if (!node) break;
        end++;
        const term = node.term;
        if (
          term !== undefined &&
          !(isLatinCode(term.charCodeAt(term.length - 1)) && isLatinCode(text.charCodeAt(end)))
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
