import { hash } from 'node:crypto';
import type { QuestionLogMode } from '../core/config.js';
import type { AnswerLogEntry, Channel } from './types.js';

/** The parts of an answer the log keeps (the chat body's fields, plus where and when it was asked). */
export interface AnsweredQuestion {
  answerId: string;
  question: string;
  channel: Channel;
  topDoc: string | null;
  confidence: number;
  abstained: boolean;
  latencyMs: number;
  conversationId: string | null;
  indexGeneration: string | null;
  at: number;
}

/** sha256 of the trimmed question, hex (a one-shot hash: every answer is logged). */
export function questionHash(question: string): string {
  return hash('sha256', question.trim(), 'hex');
}

/** The log row for an answer under the configured mode; null when the log is off. Pure. */
export function answerLogEntry(answer: AnsweredQuestion, mode: QuestionLogMode): AnswerLogEntry | null {
  if (mode === 'off') return null;
  return {
    ...answer,
    question: mode === 'text' ? answer.question.trim() : null,
    questionHash: questionHash(answer.question),
  };
}
