import { answerChat, type ChatRequest } from '../answer/chat.js';
import { ConversationStore } from '../answer/conversation.js';
import { renderText } from '../answer/render.js';
import { embeddingConfigFromEnv, storeConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { loadIndex } from '../server/index-loader.js';
import { MAX_MESSAGE_CHARS } from '../server/schemas.js';
import { answerLogEntry } from '../store/log-entry.js';
import { openStore } from '../store/open-store.js';
import { parseFlags, stringFlag } from './args.js';
import { DEFAULTS, optionalString } from './serve.js';

export const ASK_USAGE = 'netkb ask "question" [--kb DIR] [--index DIR] [--json] [--top-k N] [--category C]';

/** Answers one question through the same path as `POST /v1/chat`; `--json` prints exactly its 200 body. */
export async function runAsk(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    kb: { type: 'string' },
    index: { type: 'string' },
    json: { type: 'boolean' },
    'top-k': { type: 'string' },
    category: { type: 'string' },
  });
  if (positionals.length !== 1) throw new NetkbError('USAGE', 'Give exactly one question (quote it)');
  const message = positionals[0] ?? '';
  if (message.trim() === '') throw new NetkbError('USAGE', 'The question is empty');
  if ([...message].length > MAX_MESSAGE_CHARS) {
    throw new NetkbError('USAGE', `The question is longer than ${MAX_MESSAGE_CHARS} characters`);
  }
  const request: ChatRequest = { message };
  if (values['top-k'] !== undefined) {
    const raw = stringFlag(values, 'top-k');
    const topK = Number(raw);
    if (!/^\d+$/.test(raw) || topK < 1 || topK > 10)
      throw new NetkbError('USAGE', '--top-k must be an integer from 1 to 10');
    request.top_k = topK;
  }
  if (values.category !== undefined) request.category = stringFlag(values, 'category');

  const { searcher } = await loadIndex({
    kbDir: optionalString(values, 'kb', DEFAULTS.kb),
    indexDir: optionalString(values, 'index', DEFAULTS.index),
    embedding: embeddingConfigFromEnv(),
    warn: (warning) => process.stderr.write(`WARNING: ${warning}\n`),
  });
  const { body } = await answerChat({ searcher, conversations: new ConversationStore() }, request);
  const storeConfig = storeConfigFromEnv();
  const entry = answerLogEntry(
    {
      answerId: body.id,
      question: message,
      channel: 'cli',
      topDoc: body.citations[0]?.path ?? null,
      confidence: body.confidence,
      abstained: body.abstained,
      latencyMs: body.took_ms,
      conversationId: body.conversation_id,
      indexGeneration: searcher.generation ?? null,
      at: Date.now(),
    },
    storeConfig.logQuestions,
  );
  if (entry) {
    const { store, stopMaintenance } = await openStore(storeConfig);
    store.logAnswer(entry);
    stopMaintenance();
    await store.close();
  }
  process.stdout.write(values.json ? `${JSON.stringify(body)}\n` : renderText(body, message));
  return 0;
}
