/** Logs every answer, whichever channel gave it, to the store's query log. */
import type { ChatBody } from '../answer/types.js';
import type { QuestionLogMode } from '../core/config.js';
import type { Searcher } from '../retrieve/types.js';
import { answerLogEntry } from '../store/log-entry.js';
import type { Channel, Store } from '../store/types.js';

export type AnswerLogger = (channel: Channel, question: string, body: ChatBody, searcher: Searcher) => void;

export function answerLogger(store: Store | null, mode: QuestionLogMode): AnswerLogger {
  return (channel, question, body, searcher) => {
    if (!store) return;
    const entry = answerLogEntry(
      {
        answerId: body.id,
        question,
        channel,
        // Abstained answers keep their closest doc: reports suggest it for unanswered questions.
        topDoc: body.citations[0]?.path ?? null,
        confidence: body.confidence,
        abstained: body.abstained,
        latencyMs: body.took_ms,
        conversationId: body.conversation_id,
        indexGeneration: searcher.generation ?? null,
        at: Date.now(),
      },
      mode,
    );
    if (entry) store.logAnswer(entry);
  };
}
