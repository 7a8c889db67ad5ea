/**
 * English wording variants in a question, folded to the form the KB and its glossary use, so triggers, glossary
 * groups, BM25 and coverage all meet them. Real reports write "Pods can't reach", "can not ping", "services are
 * not reachable", "nodes", "policies"; the runbooks and the glossary say pod, cannot, service, node, policy.
 * Pure; Chinese text passes through untouched.
 */

/** "can not", "can't", "couldn't", "unable to", "not able to", "fails to" all say the same: cannot. */
const CANNOT =
  /(?<![a-z'])(?:can ?not|can't|can’t|cant|could ?not|couldn't|couldn’t|(?:is |are |was |were )?unable to|(?:is |are |was |were )?not able to|fails? to|failed to)(?![a-z'])/g;
/**
 * A Latin word of four or more letters ending in s (not -ss, -us, -is: class, status, analysis), standing alone
 * (not part of a path, a flag value or a domain name: `kubernetes.default` keeps its label).
 */
const PLURAL = /(?<![a-z0-9_.\-/])[a-z][a-z-]{1,}[^siu\W]s(?![a-z0-9_\-/]|\.[a-z0-9])/g;

/**
 * Folds `text` (normalized: lower case): failure phrasings to "cannot", and English plurals to the singular
 * when the KB knows the singular (`knows`), so `pods` meets `pod` and its glossary group. A plural whose
 * singular the KB does not know stays as written (`kubernetes`, `ipvs`, `ndots`).
 */
export function foldWordVariants(text: string, knows: (word: string) => boolean): string {
  return text.replace(CANNOT, 'cannot').replace(PLURAL, (word) => singularOf(word, knows) ?? word);
}

/** The singular the KB knows: -ies → -y, -s, -es, tried in that order; null when none is known. */
export function singularOf(word: string, knows: (word: string) => boolean): string | null {
  const candidates = [
    ...(word.endsWith('ies') ? [`${word.slice(0, -3)}y`] : []),
    word.slice(0, -1),
    ...(word.endsWith('es') ? [word.slice(0, -2)] : []),
  ];
  return candidates.find((candidate) => candidate.length >= 3 && knows(candidate)) ?? null;
}
