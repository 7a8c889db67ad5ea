/**
 * Runs one index build in a worker thread (index-build-worker.ts) and collects what it streams back. The main
 * thread only receives small messages, a few at a time, and parses them in time slices, so /healthz and chat
 * keep answering while the KB is parsed, embedded and written, and while the index is taken in. A fresh worker
 * per build: its memory (parser, a second embedding model) is freed when it ends.
 */
import { Worker } from 'node:worker_threads';
import type { GlossaryEntry } from '../core/types.js';
import type { IngestReport } from '../index/ingest-kb.js';
import { shareRecordStrings } from '../index/record-schema.js';
import type { Manifest } from '../index/store.js';
import type { ParsedDocument } from '../ingest/document.js';
import type { ScopeEntries } from '../retrieve/scope.js';
import type { BuildAck, BuildFailure, BuildMessage, BuildRequest } from './index-build-protocol.js';
import { timeSlicer } from './time-slice.js';

export interface BuiltIndex {
  generation: string;
  manifest: Pick<Manifest, 'model' | 'vectors' | 'chunks'>;
  glossary: GlossaryEntry[];
  docs: ParsedDocument[];
  /** The generation's lexical index (lexical.bin's bytes), checked by the worker. */
  lexical: Uint8Array;
  /** The docs' scope entries, in docs order. */
  scopes: ScopeEntries;
  /** null when the ingest failed and the previous generation was opened instead (start-up only). */
  report: IngestReport | null;
  ingestError: BuildFailure | null;
}

export class BuildFailed extends Error {
  constructor(readonly failure: BuildFailure) {
    super(failure.message);
    this.name = 'BuildFailed';
  }
}

/** What the main thread takes in from a worker, in order: its messages, then its exit. */
type Queued = BuildMessage | { type: 'exited'; code: number };

/** How long a worker that sent its index may take to end by itself before it is terminated. */
const WORKER_EXIT_GRACE_MS = 10_000;

/** Compiled (dist/*.js): the worker file itself. From source (tsx, vitest): register tsx in the worker first. */
function startWorker(request: BuildRequest): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./index-build-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: request });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: request, execArgv: [] });
}

/**
 * `signal` stops the build (server shutdown): the worker is terminated; a generation it was writing stays a temp dir.
 * `onExit` hears the worker's exit code (0: it ended by itself; 1: terminated).
 */
export function buildIndexInWorker(
  request: BuildRequest,
  signal?: AbortSignal,
  onExit?: (code: number) => void,
  /** Longest stretch the main thread spends taking in the worker's messages before it lets requests run. */
  sliceMs = 10,
): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new BuildFailed({ code: 'INTERNAL', message: 'index build cancelled', findings: [] }));
      return;
    }
    const worker = startWorker(request);
    let header: Extract<BuildMessage, { type: 'index' }> | null = null;
    const docs: ParsedDocument[] = [];
    const scopes: ScopeEntries = [];
    let settled = false;
    let exited = false;
    worker.once('exit', (code) => {
      exited = true;
      onExit?.(code);
    });
    // A finished worker ends by itself; terminate() is kept for cancelled, failed or stuck ones, because stopping
    // a thread that holds WebAssembly (the bash grammar) can bring the process down (nodejs/node#47748).
    const settle = (outcome: () => void, finished = false) => {
      if (settled) return;
      settled = true;
      outcome();
      if (!finished) void worker.terminate();
      else
        setTimeout(() => {
          if (!exited) void worker.terminate();
        }, WORKER_EXIT_GRACE_MS).unref();
    };
    signal?.addEventListener(
      'abort',
      () =>
        settle(() =>
          reject(new BuildFailed({ code: 'INTERNAL', message: 'index build cancelled', findings: [] })),
        ),
      { once: true },
    );
    // Messages are taken in turn and parsed in time slices (`pause`), each `docs` one acked once parsed: the
    // worker sends only a few ahead (flow control), and the event loop runs between slices.
    const handle = (message: Queued) => {
      switch (message.type) {
        case 'exited':
          settle(() =>
            reject(
              new BuildFailed({
                code: 'INTERNAL',
                message: `index build worker exited with code ${message.code}`,
                findings: [],
              }),
            ),
          );
          break;
        case 'index':
          header = message;
          break;
        case 'docs':
          for (const doc of JSON.parse(message.records) as ParsedDocument[])
            docs.push(shareRecordStrings(doc));
          for (const entry of message.scopes) scopes.push(entry);
          worker.postMessage({ type: 'ack' } satisfies BuildAck);
          break;
        case 'failed':
          settle(() => reject(new BuildFailed(message.error)));
          break;
        case 'done': {
          const head = header;
          if (!head || docs.length !== head.docCount) {
            settle(() =>
              reject(
                new BuildFailed({
                  code: 'INTERNAL',
                  message: 'index build worker sent an incomplete index',
                  findings: [],
                }),
              ),
            );
            break;
          }
          settle(
            () =>
              resolve({
                generation: head.generation,
                manifest: head.manifest,
                glossary: head.glossary,
                docs,
                lexical: head.lexical,
                scopes,
                report: message.report,
                ingestError: message.ingestError,
              }),
            true,
          );
          break;
        }
      }
    };
    const pause = timeSlicer(sliceMs);
    const queue: Queued[] = [];
    let draining = false;
    const drain = async () => {
      draining = true;
      try {
        for (let message = queue.shift(); message && !settled; message = queue.shift()) {
          handle(message);
          await pause();
        }
      } catch (error) {
        settle(() =>
          reject(
            new BuildFailed({
              code: 'INTERNAL',
              message: error instanceof Error ? error.message : String(error),
              findings: [],
            }),
          ),
        );
      } finally {
        draining = false;
      }
    };
    worker.on('message', (message: BuildMessage) => {
      queue.push(message);
      if (!draining) void drain();
    });
    worker.on('error', (error) =>
      settle(() => reject(new BuildFailed({ code: 'INTERNAL', message: error.message, findings: [] }))),
    );
    // In turn with the messages: a worker that ends by itself has sent `done` first, which may still be queued.
    worker.on('exit', (code) => {
      queue.push({ type: 'exited', code });
      if (!draining) void drain();
    });
  });
}
