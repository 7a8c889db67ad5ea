import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import { answerChat, type ChatRequest } from '../answer/chat.js';
import { ConversationStore } from '../answer/conversation.js';
import { renderText } from '../answer/render.js';
import { type EmbeddingConfig, embeddingConfigFromEnv, storeConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { openSearcher } from '../index/open-searcher.js';
import { currentGeneration } from '../index/store.js';
import type { Searcher } from '../retrieve/types.js';
import { loadIndex } from '../server/index-loader.js';
import { MAX_MESSAGE_CHARS } from '../server/schemas.js';
import { answerLogEntry } from '../store/log-entry.js';
import { parseFlags, stringFlag } from './args.js';
import { OUTPUT_FLAGS, outputFormat, writeStructured } from './output.js';
import { checkCni, configuredCni, DEFAULTS, optionalString } from './serve.js';

/** Answers one question through the same path as `POST /v1/chat`; `--json` prints exactly its 200 body. */
export const ASK_USAGE =
  'netkb ask "question" [--kb DIR] [--index DIR] [-o text|json|yaml] [--json] [--top-k N] [--category C] [--cni NAME] [--refresh]';

/**
 * Answers one question through the same path as `POST /v1/chat`; `--json` prints exactly its 200 body. Reads the
 * existing index without writing one; ingests only when there is none yet or with `--refresh`.
 */
export async function runAsk(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    kb: { type: 'string' },
    index: { type: 'string' },
    ...OUTPUT_FLAGS,
    'top-k': { type: 'string' },
    category: { type: 'string' },
    cni: { type: 'string' },
    refresh: { type: 'boolean' },
  });
  const format = outputFormat(values);
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

  const searcher = await openForAsk({
    kbDir: optionalString(values, 'kb', DEFAULTS.kb),
    indexDir: optionalString(values, 'index', DEFAULTS.index),
    embedding: embeddingConfigFromEnv(),
    refresh: values.refresh === true,
  });
  // `--cni` (or NETKB_CNI) is the cluster's CNI, as `netkb serve --cni` is for a deployment.
  const cni = configuredCni(values);
  checkCni(searcher, cni);
  const { body } = await answerChat(
    { searcher, conversations: new ConversationStore(), ...(cni ? { cni } : {}) },
    request,
  );
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
    // Loaded only here: a usage error or a disabled log never pays for SQLite.
    const { openStore } = await import('../store/open-store.js');
    const { store, stopMaintenance } = await openStore(storeConfig);
    store.logAnswer(entry);
    stopMaintenance();
    await store.close();
  }
  // Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (!writeStructured(format, body)) process.stdout.write(renderText(body, message, { color }));
  return 0;
}

/** One line on stderr, and only for what the user did not choose (NETKB_VECTORS=off is a choice). */
function warn(embedding: EmbeddingConfig, message: string): void {
  if (!embedding.enabled && message.startsWith('vectors DISABLED')) return;
  process.stderr.write(`WARNING: ${message}\n`);
}

async function openForAsk(options: {
  kbDir: string;
  indexDir: string;
  embedding: EmbeddingConfig;
  refresh: boolean;
}): Promise<Searcher> {
  const { embedding } = options;
  if (options.refresh || (await currentGeneration(options.indexDir)) === null) {
    const loaded = await loadIndex({
      kbDir: options.kbDir,
      indexDir: options.indexDir,
      embedding,
      warn: (message) => warn(embedding, message),
    });
    return loaded.searcher;
  }
  const resolution = await resolveEmbedder(embedding);
  if (resolution.reason !== undefined) {
    warn(embedding, `vectors DISABLED (trigger + lexical search only): ${resolution.reason}`);
  }
  return openSearcher(options.indexDir, {
    embedder: resolution.embedder,
    vectorsDisabledReason: resolution.reason,
  });
}
