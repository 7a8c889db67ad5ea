/**
 * A kind word misspelt (`pods/sevices`, `pod/contianers`, `node/hots`): a slash between two kind words is "or", and a
 * report types the second one as fast as the first, so a word one edit from a kind word is that word, no object's
 * name. Pure.
 */
import { editDistance } from '../retrieve/spelling.js';

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

/** A word that is a kind word misspelt by one edit (not the kind word itself, which the callers read already). */
export function misspeltKindWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 5 || KIND_WORDS.includes(lower)) return false;
  // One insertion, deletion, substitution or swap of neighbours (the spelling corrector's distance).
  return KIND_WORDS.some((kind) => editDistance(lower, kind, 1) <= 1);
}
