import { embeddingConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import type { SearchOptions } from '../retrieve/types.js';
import { loadIndex } from '../server/index-loader.js';
import { MAX_MESSAGE_CHARS } from '../server/schemas.js';
import { parseFlags, stringFlag } from './args.js';
import { renderExplanation } from './render-explain.js';
import { DEFAULTS, optionalString } from './serve.js';

export const EXPLAIN_USAGE =
  'netkb explain "question" [--kb DIR] [--index DIR] [--json] [--top-k N] [--category C]';

/** Why a question lands where it does: every retrieval step for one question. */
export async function runExplain(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    kb: { type: 'string' },
    index: { type: 'string' },
    json: { type: 'boolean' },
    'top-k': { type: 'string' },
    category: { type: 'string' },
  });
  if (positionals.length !== 1) throw new NetkbError('USAGE', 'Give exactly one question (quote it)');
  const question = positionals[0] ?? '';
  if (question.trim() === '') throw new NetkbError('USAGE', 'The question is empty');
  if ([...question].length > MAX_MESSAGE_CHARS) {
    throw new NetkbError('USAGE', `The question is longer than ${MAX_MESSAGE_CHARS} characters`);
  }
  const options: SearchOptions = {};
  if (values['top-k'] !== undefined) {
    const raw = stringFlag(values, 'top-k');
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10)
      throw new NetkbError('USAGE', '--top-k must be an integer from 1 to 10');
    options.topK = Number(raw);
  }
  if (values.category !== undefined) options.category = stringFlag(values, 'category');

  const { searcher } = await loadIndex({
    kbDir: optionalString(values, 'kb', DEFAULTS.kb),
    indexDir: optionalString(values, 'index', DEFAULTS.index),
    embedding: embeddingConfigFromEnv(),
    warn: (warning) => process.stderr.write(`WARNING: ${warning}\n`),
  });
  if (!searcher.explain) throw new NetkbError('INTERNAL', 'This index cannot explain its searches');
  const explanation = await searcher.explain(question.trim(), options);
  process.stdout.write(
    values.json ? `${JSON.stringify(explanation)}\n` : renderExplanation(question, explanation),
  );
  return 0;
}
