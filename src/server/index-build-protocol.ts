/** Messages between the server and its index-build worker, and the pure rule a hot reload applies to findings. */
import type { EmbeddingConfig } from '../core/config.js';
import type { Finding, GlossaryEntry } from '../core/types.js';
import type { IngestReport } from '../index/ingest-kb.js';
import type { Manifest } from '../index/store.js';
import type { ScopeEntries } from '../retrieve/scope.js';

export interface BuildRequest {
  kbDir: string;
  indexDir: string;
  embedding: EmbeddingConfig;
  /** `start` falls back to the previous generation when the ingest fails; `reload` reports the failure. */
  mode: 'start' | 'reload';
  /** Reject (write nothing) when the KB has error findings the previous generation did not have. */
  rejectNewErrors: boolean;
  /** Docs per `docs` message (default DOCS_PER_MESSAGE); tests set a small one to cover the flow control. */
  docsPerMessage?: number;
}

export interface BuildFailure {
  code: string;
  message: string;
  /** The error findings that made a reload reject the edit. */
  findings: Finding[];
}

/** Docs per message: each message is deserialized in one go on the main thread, so keep them small. */
export const DOCS_PER_MESSAGE = 16;

/**
 * `docs` messages the worker may send ahead of the main thread's acks. A port delivers every queued message in one
 * go, without letting the event loop run in between: a worker that streamed the whole index at once would have
 * the main thread parse it all in one block. With a few in flight, each delivery is a few small messages, and the
 * main thread parses them in time slices.
 */
export const DOCS_MESSAGES_IN_FLIGHT = 4;

/** Main thread to worker: one `docs` message has been taken in; the worker may send one more. */
export type BuildAck = { type: 'ack' };

export type BuildMessage =
  | {
      type: 'index';
      generation: string;
      manifest: Pick<Manifest, 'model' | 'vectors' | 'chunks'>;
      glossary: GlossaryEntry[];
      docCount: number;
      /**
       * The generation's lexical index (lexical.bin, checked here), moved to the main thread without a copy:
       * the server opens it without tokenizing. Built here when the generation has none that fits.
       */
      lexical: Uint8Array;
    }
  /**
   * `records`: the docs as a JSON array of their stored records (validated by the worker), which the main thread
   * parses faster than it would deserialize the objects; `scopes`: the docs' scope entries (src/retrieve/scope.ts),
   * so the main thread does not read every heading.
   */
  | { type: 'docs'; records: string; scopes: ScopeEntries }
  | { type: 'done'; report: IngestReport | null; ingestError: BuildFailure | null }
  | { type: 'failed'; error: BuildFailure };

/** Error findings of a new ingest that the previous one did not have (same file and code). */
export function newErrorFindings(findings: readonly Finding[], previous: readonly Finding[]): Finding[] {
  const known = new Set(
    previous
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.file}\0${finding.code}`),
  );
  return findings.filter(
    (finding) => finding.severity === 'error' && !known.has(`${finding.file}\0${finding.code}`),
  );
}
