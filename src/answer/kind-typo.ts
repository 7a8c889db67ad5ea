/**
 * A kind word misspelt (`pods/sevices`, `pod/contianers`, `node/hots`): a slash between two kind words is "or", and a
 * report types the second one as fast as the first, so a word one edit from a kind word is that word, no object's
 * name. Pure.
 */

/** The kind words a report pairs with a slash (`pods/services`, `node/host`, `pod/container`). */
const KIND_WORDS = [
  'containers',
  'container',
  'services',
  'service',
  'namespaces',
  'namespace',
  'deployments',
  'deployment',
  'nodes',
  'hosts',
  'machines',
  'servers',
  'workloads',
  'instances',
  'endpoints',
  'daemonsets',
  'statefulsets',
  'ingresses',
  'gateways',
];

/** Whether `a` and `b` are at most one edit apart (an insertion, deletion, substitution or swap of neighbours). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const restA = a.slice(i);
  const restB = b.slice(i);
  return (
    restA.slice(1) === restB.slice(1) ||
    restA.slice(1) === restB ||
    restA === restB.slice(1) ||
    (restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2))
  );
}

/** A word that is a kind word misspelt by one edit (not the kind word itself, which the callers read already). */
export function misspeltKindWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 5 || KIND_WORDS.includes(lower)) return false;
  return KIND_WORDS.some((kind) => oneEditApart(lower, kind));
}
