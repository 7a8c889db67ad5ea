import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import { embeddingConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { ingestKb } from '../index/ingest-kb.js';
import { listKbFiles } from '../index/kb-files.js';
import { formatFindingLine } from '../lint/format.js';
import { parseFlags, stringFlag } from './args.js';
import { embedProgress } from './progress.js';

export const INGEST_USAGE = 'netkb ingest --kb DIR --index DIR [--json] [--require-vectors]';

export async function runIngest(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      kb: { type: 'string' },
      index: { type: 'string' },
      json: { type: 'boolean' },
      'require-vectors': { type: 'boolean' },
    },
    ['kb', 'index'],
  );
  const kbDir = stringFlag(values, 'kb');
  await listKbFiles(kbDir); // a bad --kb fails with one line before any model is loaded
  const resolution = await resolveEmbedder(embeddingConfigFromEnv());
  if (!resolution.embedder) {
    if (values['require-vectors'])
      throw new NetkbError('MODEL_UNAVAILABLE', `--require-vectors: ${resolution.reason}`);
    process.stderr.write(
      `WARNING: vectors DISABLED, ingesting for trigger + lexical search only. Reason: ${resolution.reason}\n`,
    );
  }
  const progress = embedProgress('embedding');
  const report = await ingestKb({
    kbDir,
    indexDir: stringFlag(values, 'index'),
    embedder: resolution.embedder,
    vectorsDisabledReason: resolution.reason,
    onEmbedProgress: progress.update,
  }).finally(progress.stop);

  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    for (const finding of report.findings) process.stdout.write(`${formatFinding(finding)}\n`);
    process.stdout.write(
      `ingested ${report.docs} docs (${report.reused_docs} unchanged), ${report.chunks} chunks, ${report.commands} commands; ` +
        `embedded ${report.embedded_chunks} chunks; vectors ${report.vectors}; ${report.findings.length} findings; ${report.took_ms} ms\n`,
    );
  }
  return 0;
}

export function formatFinding(finding: Finding): string {
  return formatFindingLine(finding);
}
