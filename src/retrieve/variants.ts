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
 * "Minion", Kubernetes' name for a node until 2014, in older reports ("pods on different minions"): the runbooks
 * and glossary say node. A name (`minion1`, `minion-3`, `k8s-minion`) stays as written: it names one node.
 */
const MINION = /(?<![a-z0-9_.\-/])minion(s?)(?![a-z0-9_\-/]|\.[a-z0-9])/g;

/** A Latin word of five or more letters ending in -ed (masqueraded, encapsulated, blocked). */
const PAST = /(?<![a-z0-9_.\-/])[a-z][a-z-]{2,}ed(?![a-z0-9_\-/]|\.[a-z0-9])/g;

/**
 * Folds `text` (normalized: lower case): failure phrasings to "cannot", English plurals to the singular when
 * the KB knows the singular (`knows`), so `pods` meets `pod` and its glossary group, and a past participle the
 * KB does not contain to the verb it does (`masqueraded` → `masquerade`, `dropped` → `drop`). A word whose base
 * form the KB does not know stays as written (`kubernetes`, `ipvs`, `ndots`).
 */
export function foldWordVariants(text: string, knows: (word: string) => boolean): string {
  return text
    .replace(CANNOT, 'cannot')
    .replace(MINION, (_word, plural: string) => `node${plural}`)
    .replace(PLURAL, (word) => singularOf(word, knows) ?? word)
    .replace(PAST, (word) => (knows(word) ? word : (baseOf(word, knows) ?? word)));
}

/** The verb of a past participle the KB knows: -d (masqueraded), -ed (blocked), doubled -Xed (dropped). */
export function baseOf(word: string, knows: (word: string) => boolean): string | null {
  const stem = word.slice(0, -2);
  const candidates = [
    word.slice(0, -1),
    stem,
    ...(stem.length >= 3 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : []),
  ];
  return candidates.find((candidate) => candidate.length >= 3 && knows(candidate)) ?? null;
}

/** The singular the KB knows: -ies → -y, -s, sibilant + -es, tried in that order; null when none is known. */
export function singularOf(word: string, knows: (word: string) => boolean): string | null {
  const candidates = [
    ...(word.endsWith('ies') ? [`${word.slice(0, -3)}y`] : []),
    word.slice(0, -1),
    // -es only after a sibilant (matches, addresses, boxes): `comes` is not `com` + es.
    ...(/(?:s|x|z|ch|sh)es$/.test(word) ? [word.slice(0, -2)] : []),
  ];
  return candidates.find((candidate) => candidate.length >= 3 && knows(candidate)) ?? null;
}
