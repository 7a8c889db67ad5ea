/**
 * The sentences in which a report states what it suspects or proposes ("Possible solution: modify the configuration
 * of CIDR in ippool configuration file.", "猜测可能和我改过网卡名称有关", "I suspect the kube-proxy configmap").
 * Like a closing question (`asked-last.ts`), such a sentence names the object the reporter thinks is wrong — the
 * thing to check — where the headline only says what fails. Pure.
 */
import { sentencesOf } from './asked-last.js';

/** Words saying that the rest of the sentence is the reporter's own guess at the cause or the fix. */
const SUSPECTS = new RegExp(
  [
    String.raw`\bpossible (?:solution|cause|fix|reason)s?\b`,
    String.raw`\bprobable cause\b`,
    String.raw`\bi (?:suspect|guess|believe)\b`,
    String.raw`\bsuspect(?:ed|ing)? (?:that|it|the|this)\b`,
    String.raw`\b(?:might|may|could) be (?:caused by|related to|due to)\b`,
    String.raw`\b(?:probably|maybe|perhaps) (?:caused by|related to|due to|because of)\b`,
    '猜测',
    '怀疑',
    '估计是',
    '可能(?:和|与|跟).{0,40}有关',
    '可能是.{0,30}(?:导致|引起|造成)',
  ].join('|'),
  'iu',
);

/** The report's sentences stating a suspected cause or a proposed fix, joined; undefined when it states none. */
export function suspectedCause(text: string): string | undefined {
  const sentences = sentencesOf(text).filter((sentence) => SUSPECTS.test(sentence));
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
