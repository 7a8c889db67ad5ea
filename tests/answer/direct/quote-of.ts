import { factAsk } from '../../../src/answer/direct/asking.js';
import { directAnswer } from '../../../src/answer/direct/pick-line.js';
import type { FixtureIndex } from '../fixture-index.js';

/** The line a fact question's direct answer quotes from one runbook of a fixture KB ('' when none leads). */
export function quoteOf(own: FixtureIndex, docPath: string, question: string): string {
  const doc = own.searcher.doc(docPath);
  if (!doc) throw new Error(`doc missing: ${docPath}`);
  const ask = factAsk(question);
  if (!ask) throw new Error(`not read as a fact question: ${question}`);
  return directAnswer(question, [doc], ask)?.quote ?? '';
}
