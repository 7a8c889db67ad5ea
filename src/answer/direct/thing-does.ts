/**
 * A yes/no question about what a named thing does, its subject introduced by "the": "Does the headless Service
 * publish DNS records for pods that are not ready?", "Does the discovery Service name resolve while none of its pods
 * is ready?", "Will the resolver append the search domains to a name with a trailing dot?". A runbook line saying
 * what the thing does, or under which condition, answers it. Not whether the asker's own traffic gets through ("Does
 * the pod reach its gateway?", "Can the node ping the pod?": a diagnosis), nor what the asker's own thing does ("Does
 * the app in my pod ..."), nor a question put to people. Pure.
 */
const THING_DOES =
  /^\s*(?:does|do|will|would|should)\s+the\s+(?:(?!(?:reach|ping|connect|access|talk|communicate|work|run|start|come|see|get|have|need)\b)[\w.'’/-]+\s+){1,5}?(?:publish|return|resolve|answer|respond|include|list|expose|keep|preserve|rewrite|masquerade|snat|forward|support|enforce|apply|assign|allocate|create|register|cache|retry|append|select|balance|load[- ]balance|honou?r|re-?resolve|update|refresh|expire|evict)(?:e?s|e?d|ing)?\b/i;
/** The asker's own things, or people asked: the state of one cluster, not how the thing works. */
const OWN_OR_PEOPLE = /\b(?:my|our|your|anyone|anybody|someone|somebody|you)\b/i;

export function asksWhatThingDoes(clause: string): boolean {
  return THING_DOES.test(clause) && !OWN_OR_PEOPLE.test(clause);
}
