import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetkbError } from '../core/errors.js';
import type { Embedder, Finding, GlossaryEntry } from '../core/types.js';
import { contentHash, type ParsedDocument, parseDocument } from '../ingest/document.js';
import { GLOSSARY_FILE, parseGlossary } from '../ingest/glossary-file.js';
import { lintKb } from '../ingest/lint.js';
import { listKbFiles } from './kb-files.js';
import { readIndex, type StoredIndex, writeIndex } from './store.js';

export interface IngestOptions {
  kbDir: string;
  indexDir: string;
  /** null when vectors are disabled; `vectorsDisabledReason` then says why. */
  embedder: Embedder | null;
  vectorsDisabledReason?: string;
  onEmbedProgress?: (done: number, total: number) => void;
  /**
   * Sees the new findings and the previous generation's before anything is written; throwing aborts the
   * ingest and leaves the previous generation live (a hot reload rejects an edit that breaks a doc).
   */
  beforeWrite?: (findings: Finding[], previousFindings: Finding[]) => void;
}

/** The `netkb ingest --json` report (a CLI contract). */
export interface IngestReport {
  docs: number;
  chunks: number;
  commands: number;
  reused_docs: number;
  embedded_chunks: number;
  vectors: string;
  findings: Finding[];
  took_ms: number;
}

/**
 * Builds or updates the index: unchanged files (same content hash) reuse their parsed chunks, and their
 * vectors when the model is the same; everything is written as a new generation, so a failure at any
 * point leaves the previous index serving.
 */
export async function ingestKb(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const files = await listKbFiles(options.kbDir);
  const previous = await readPrevious(options.indexDir);
  const previousDocs = new Map(previous?.docs.map((doc, index) => [doc.path, { doc, index }]));
  const previousVectorOffsets = vectorOffsets(previous);
  const sameModel =
    options.embedder !== null &&
    previous?.manifest.model?.id === options.embedder.modelId &&
    previous.manifest.model.dims === options.embedder.dims;

  const docs: ParsedDocument[] = [];
  let reused = 0;
  const sources = await Promise.all(files.map((file) => readFile(join(options.kbDir, file), 'utf8')));
  files.forEach((file, i) => {
    const source = sources[i] ?? '';
    const old = previousDocs.get(file)?.doc;
    if (old && old.hash === contentHash(source)) {
      docs.push(old);
      reused++;
    } else {
      docs.push(parseDocument(file, source));
    }
  });

  let vectors: Float32Array[] | null = null;
  let embedded = 0;
  if (options.embedder) {
    const embedder = options.embedder;
    vectors = [];
    const pending: Array<{ slot: number; text: string }> = [];
    for (const doc of docs) {
      const old = previousDocs.get(doc.path);
      const offset = old ? previousVectorOffsets.get(old.index) : undefined;
      const reusable = sameModel && old?.doc === doc && offset !== undefined && previous?.vectors;
      doc.chunks.forEach((chunk, i) => {
        const reusedVector = reusable ? previous?.vectors?.[offset + i] : undefined;
        if (reusedVector) {
          vectors?.push(reusedVector);
        } else {
          pending.push({
            slot: vectors?.length ?? 0,
            text: embeddingText(chunk.title, chunk.headingPath, chunk.text),
          });
          vectors?.push(new Float32Array(0));
        }
      });
    }
    if (pending.length > 0) {
      const fresh = await embedder.embedPassages(
        pending.map((item) => item.text),
        options.onEmbedProgress,
      );
      pending.forEach((item, i) => {
        const vector = fresh[i];
        if (!vector) throw new NetkbError('INTERNAL', 'Embedder returned fewer vectors than texts');
        if (vectors) vectors[item.slot] = vector;
      });
      embedded = pending.length;
    }
  }

  const glossary = await loadGlossary(options.kbDir);
  const findings = [...docs.flatMap((doc) => doc.findings), ...glossary.findings, ...lintKb(docs)];
  const vectorStatus = options.embedder
    ? 'enabled'
    : `disabled: ${options.vectorsDisabledReason ?? 'no embedding model configured'}`;
  options.beforeWrite?.(findings, previous?.manifest.findings ?? []);
  await writeIndex(options.indexDir, {
    docs,
    glossary: glossary.entries,
    vectors,
    model: options.embedder ? { id: options.embedder.modelId, dims: options.embedder.dims } : null,
    vectorStatus,
    findings,
  });
  return {
    docs: docs.length,
    chunks: docs.reduce((sum, doc) => sum + doc.chunks.length, 0),
    commands: docs.reduce((sum, doc) => sum + doc.commands.length, 0),
    reused_docs: reused,
    embedded_chunks: embedded,
    vectors: vectorStatus,
    findings,
    took_ms: Math.round(performance.now() - started),
  };
}

/** The bundled domain glossary (kb/glossary.yaml of this package): synonyms are domain facts, not KB facts. */
const BUNDLED_GLOSSARY = fileURLToPath(new URL(`../../kb/${GLOSSARY_FILE}`, import.meta.url));

/** The KB's own glossary.yaml, else the bundled one; findings are reported only for the KB's own file. */
async function loadGlossary(kbDir: string): Promise<{ entries: GlossaryEntry[]; findings: Finding[] }> {
  const own = await readFile(join(kbDir, GLOSSARY_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new NetkbError('INVALID_FILE', `Cannot read ${join(kbDir, GLOSSARY_FILE)}: ${error.message}`);
  });
  if (own !== null) return parseGlossary(GLOSSARY_FILE, own);
  const bundled = await readFile(BUNDLED_GLOSSARY, 'utf8').catch(() => null);
  return { entries: bundled === null ? [] : parseGlossary(GLOSSARY_FILE, bundled).entries, findings: [] };
}

/** What a chunk is embedded as: where it sits (title, headings) and what it says. */
export function embeddingText(title: string, headingPath: readonly string[], text: string): string {
  const context = [title, ...headingPath.filter((heading) => heading !== title)].join(' > ');
  return `${context}\n${text}`.slice(0, 2000);
}

async function readPrevious(indexDir: string): Promise<StoredIndex | null> {
  try {
    return await readIndex(indexDir, { loadHnsw: false });
  } catch (error) {
    // Nothing usable to reuse (first ingest, older format, damaged files): build from scratch.
    if (error instanceof NetkbError) return null;
    throw error;
  }
}

function vectorOffsets(index: StoredIndex | null): Map<number, number> {
  const offsets = new Map<number, number>();
  let offset = 0;
  index?.docs.forEach((doc, i) => {
    offsets.set(i, offset);
    offset += doc.chunks.length;
  });
  return offsets;
}
