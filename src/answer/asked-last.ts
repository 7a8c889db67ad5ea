/**
 * The question a long report ends by asking ("… Reply: … Where does CoreDNS forward names outside the cluster?",
 * "… 要改 IPPool 的哪个字段？"). A report's headline says what fails; a closing question says what the reporter
 * wants to know, and names the object to check (the `IPPool`, the Corefile) where the headline does not. Pure.
 */

/** A sentence: a run up to and including its closing mark (a Chinese comma does not end one). */
const SENTENCE = /[^.!?。！？\n]+[.!?。！？]*/gu;

/** The text's sentences (NFKC), trimmed, each with its closing mark. */
export function sentencesOf(text: string): string[] {
  return (text.normalize('NFKC').match(SENTENCE) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** The text's last sentence when it is a question and not the whole text; undefined otherwise. */
export function closingQuestion(text: string): string | undefined {
  const sentences = sentencesOf(text);
  const last = sentences[sentences.length - 1];
  if (sentences.length < 2 || last === undefined || !/[?？]$/u.test(last)) return undefined;
  return last;
}
