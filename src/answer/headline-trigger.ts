/**
 * Whether a long report's opening sentence names a runbook's own trigger: a setting, component or symptom a runbook
 * lists as what it answers ("Change default value of publishNotReadyAddresses for the stateful applications",
 * "headless service shouldn't require ...", "CoreDNS 解析失败"). Such a report is about that part of the network even
 * when its body states no failure (a request to change a default, a question about a setting), so it is not declined
 * as one that never says the network fails; the runbook that lists the trigger answers it. The triggers are read
 * from the runbooks (the hits' matched triggers), never from a list here. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { headlineOf } from '../retrieve/query.js';
import type { FusedHit } from '../retrieve/types.js';

/** A trigger's text as it may stand in a sentence: case folded, runs of spaces as one. */
const folded = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/** Whether the report's opening sentence holds a trigger one of the hits matched. */
export function headlineNamesTrigger(question: string, hits: readonly FusedHit[]): boolean {
  const headline = headlineOf(question.normalize('NFKC'), RETRIEVAL_CONFIG.query.headlineMinBodyWords);
  if (headline === null) return false;
  const opening = folded(headline);
  return hits.some((hit) =>
    hit.matchedTriggers.some((trigger) => {
      const words = folded(trigger).trim();
      if (words.length < 4) return false;
      // A Latin trigger stands as whole words ("bird 进程" not inside "birdwatch"); a Han one anywhere.
      const edge = /^[a-z0-9]/.test(words) ? '(?<![a-z0-9_-])' : '';
      const end = /[a-z0-9]$/.test(words) ? '(?![a-z0-9_-])' : '';
      return new RegExp(`${edge}${escapeRegExp(words)}${end}`).test(opening);
    }),
  );
}
