/**
 * Worker-thread entry of an index build (see index-build.ts): brings the index up to date from the KB (the
 * incremental ingest: parsing, embedding, writing a generation), reads the live generation back and streams it
 * to the main thread in small messages, so the server's event loop never parses a whole KB at once.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import { isNetkbError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { updateIndex } from '../index/ingest-kb.js';
import { readIndex, readLexical, readScopes, type StoredIndex } from '../index/store.js';
import type { ParsedDocument } from '../ingest/document.js';
import { RETRIEVAL_CONFIG } from '../retrieve/config.js';
import { compileGlossary } from '../retrieve/glossary.js';
import {
  buildLexicalSnapshot,
  encodeLexicalSnapshot,
  lexicalKey,
  loadLexicalIndex,
} from '../retrieve/lexical.js';
import { persistedScopesFor, scopeEntries, scopeKey } from '../retrieve/scope.js';
import {
  type BuildAck,
  type BuildFailure,
  type BuildMessage,
  type BuildRequest,
  DOCS_MESSAGES_IN_FLIGHT,
  DOCS_PER_MESSAGE,
  newErrorFindings,
} from './index-build-protocol.js';

class RejectedEdit extends Error {
  constructor(readonly findings: Finding[]) {
    super(`the KB edit adds ${findings.length} error finding(s); the previous index keeps serving`);
  }
}

function failure(error: unknown): BuildFailure {
  if (error instanceof RejectedEdit)
    return { code: 'RELOAD_REJECTED', message: error.message, findings: error.findings };
  return {
    code: isNetkbError(error) ? error.code : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    findings: [],
  };
}

async function build(
  request: BuildRequest,
  post: (message: BuildMessage, transfer?: ArrayBuffer[]) => void,
  /** Resolves once the main thread may take one more `docs` message (flow control). */
  sendable: () => Promise<void>,
): Promise<void> {
  const resolution = await resolveEmbedder(request.embedding);
  let ingestError: BuildFailure | null = null;
  let report = null;
  /** The live generation as the ingest read it, when it wrote nothing (read once, not twice). */
  let live: StoredIndex | undefined;
  try {
    ({ report, live } = await updateIndex({
      kbDir: request.kbDir,
      indexDir: request.indexDir,
      embedder: resolution.embedder,
      vectorsDisabledReason: resolution.reason,
      liveRecords: true,
      beforeWrite: request.rejectNewErrors
        ? (findings, previous) => {
            const added = newErrorFindings(findings, previous);
            if (added.length > 0) throw new RejectedEdit(added);
          }
        : undefined,
    }));
  } catch (error) {
    ingestError = failure(error);
    // A reload that fails changes nothing: the server keeps what it serves.
    if (request.mode === 'reload') {
      post({ type: 'failed', error: ingestError });
      return;
    }
  }
  // At start-up a failed ingest falls back to the previous generation, if there is one.
  let index: Awaited<ReturnType<typeof readIndex>>;
  try {
    index = live ?? (await readIndex(request.indexDir, { loadHnsw: false, keepRecords: true }));
  } catch (error) {
    // Nothing to fall back to: the ingest's own error says why (a missing KB, say), else the read's.
    post({ type: 'failed', error: ingestError ?? failure(error) });
    return;
  }
  const glossary = compileGlossary(index.glossary);
  const key = lexicalKey(index.glossary);
  // The persisted lexical index, checked against these docs here (off the main thread); one that does not fit
  // (an older format, damage) is rebuilt here, so the server never tokenizes the KB.
  let lexical = index.hasLexical ? await readLexical(request.indexDir, index.generation) : null;
  if (!lexical || !loadLexicalIndex(lexical, index.docs, key, glossary, RETRIEVAL_CONFIG))
    lexical = encodeLexicalSnapshot(buildLexicalSnapshot(index.docs, glossary, key));
  // Persisted with the generation at ingest; computed here for an older one (it reads every heading).
  const scopes =
    persistedScopesFor(
      await readScopes(request.indexDir, index.generation),
      scopeKey(index.glossary),
      index.docs,
    ) ?? scopeEntries(index.docs, glossary);
  post(
    {
      type: 'index',
      generation: index.generation,
      manifest: {
        model: index.manifest.model,
        vectors: index.manifest.vectors,
        chunks: index.manifest.chunks,
      },
      glossary: index.glossary,
      docCount: index.docs.length,
      lexical,
    },
    ownBuffer(lexical),
  );
  // The records as stored: passed on as JSON text, not serialized again (structured clone is slower both ways).
  const records = index.records;
  const recordOf = (doc: ParsedDocument) => records?.get(doc)?.toString('utf8') ?? JSON.stringify(doc);
  const perMessage = Math.max(1, request.docsPerMessage ?? DOCS_PER_MESSAGE);
  for (let i = 0; i < index.docs.length; i += perMessage) {
    await sendable();
    const docs = index.docs.slice(i, i + perMessage);
    post({
      type: 'docs',
      records: `[${docs.map(recordOf).join(',')}]`,
      scopes: scopes.slice(i, i + perMessage),
    });
  }
  post({ type: 'done', report, ingestError });
}

/** The buffer to transfer with `bytes`, when `bytes` is all of it (else it is copied with the message). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

/**
 * Credits for `docs` messages: DOCS_MESSAGES_IN_FLIGHT at first, one more per ack. `close()` stops listening, so
 * the port no longer keeps the worker alive and it ends by itself once it has sent everything.
 */
function flowControl(port: MessagePort): { sendable: () => Promise<void>; close: () => void } {
  let credits = DOCS_MESSAGES_IN_FLIGHT;
  let waiting: (() => void) | null = null;
  const onAck = (message: BuildAck) => {
    if (message?.type !== 'ack') return;
    credits++;
    const wake = waiting;
    waiting = null;
    wake?.();
  };
  port.on('message', onAck);
  return {
    sendable: async () => {
      while (credits <= 0) await new Promise<void>((resolve) => (waiting = resolve));
      credits--;
    },
    close: () => port.off('message', onAck),
  };
}

const port = parentPort;
if (port) {
  const post = (message: BuildMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const flow = flowControl(port);
  build(workerData as BuildRequest, post, flow.sendable)
    .catch((error: unknown) => post({ type: 'failed', error: failure(error) }))
    .finally(flow.close);
}
