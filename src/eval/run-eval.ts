import { answerChat } from '../answer/chat.js';
import { ConversationStore } from '../answer/conversation.js';
import type { RetrieverName, Searcher } from '../retrieve/types.js';
import {
  type AnswerMetrics,
  type AnswerMiss,
  type AnswerOutcome,
  computeAnswerMetrics,
} from './answer-metrics.js';
import { computeMetrics, type EvalMetrics, type QuestionOutcome } from './metrics.js';
import type { EvalQuestion } from './questions.js';

export type EvalMode = RetrieverName | 'fused';

export interface EvalReport {
  modes: Partial<Record<EvalMode, EvalMetrics>>;
  /** Fused outcomes that missed hit@1 or abstained wrongly, for tuning. */
  misses: Array<{
    question: string;
    expected: string[];
    got: string[];
    abstained: boolean;
    should_abstain: boolean;
  }>;
  /** The composed answers (the `/v1/chat` body of a first turn): commands, fills, direct answers. */
  answers: AnswerMetrics;
  answer_misses: AnswerMiss[];
}

/** Runs every question through each retriever alone and through the fused pipeline. */
export async function runEval(searcher: Searcher, questions: readonly EvalQuestion[]): Promise<EvalReport> {
  const modes: EvalMode[] = [
    'trigger',
    'lexical',
    ...(searcher.vectors.enabled ? (['vector'] as const) : []),
    'fused',
  ];
  const report: EvalReport = {
    modes: {},
    misses: [],
    answers: computeAnswerMetrics([]).metrics,
    answer_misses: [],
  };
  for (const mode of modes) {
    const outcomes: QuestionOutcome[] = [];
    for (const question of questions) {
      const started = performance.now();
      const result = await searcher.search(question.question, {
        topK: 10,
        ...(mode === 'fused' ? {} : { only: [mode] }),
      });
      const ms = performance.now() - started;
      const rankedDocs = [...new Set(result.hits.map((hit) => hit.doc.path))];
      outcomes.push({ question, rankedDocs, abstained: result.abstain, ms });
    }
    report.modes[mode] = computeMetrics(outcomes);
    if (mode === 'fused') {
      for (const o of outcomes) {
        const hit = !o.question.abstain && o.question.docs.includes(o.rankedDocs[0] ?? '');
        const abstainRight = Boolean(o.question.abstain) === o.abstained;
        if ((!o.question.abstain && !hit) || !abstainRight) {
          report.misses.push({
            question: o.question.question,
            expected: o.question.docs,
            got: o.rankedDocs.slice(0, 3),
            abstained: o.abstained,
            should_abstain: Boolean(o.question.abstain),
          });
        }
      }
    }
  }
  const answered: AnswerOutcome[] = [];
  for (const question of questions) {
    // Each question is a first turn of its own conversation, as a user would ask it.
    const { body } = await answerChat(
      { searcher, conversations: new ConversationStore() },
      { message: question.question },
    );
    answered.push({ question, body });
  }
  const { metrics, misses } = computeAnswerMetrics(answered);
  report.answers = metrics;
  report.answer_misses = misses;
  return report;
}
