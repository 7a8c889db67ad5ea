/**
 * The index a server answers from, and how it is replaced. Builds run in a worker thread (index-build.ts); the
 * searcher is then assembled on the main thread in short slices, and swapped in with one assignment: a request
 * takes the searcher once when it starts, so requests in flight finish on the old index. A reload that fails —
 * the ingest throws, or a KB edit adds error findings — changes nothing that is served; it is logged and shown
 * in `status()`. Reloads come from `reload()` (SIGHUP) and from watching the KB directory (debounced).
 */
import { join } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { resolveEmbedder } from '../adapters/embedder-from-config.js';
import { VectorIndex } from '../adapters/hnsw.js';
import type { EmbeddingConfig } from '../core/config.js';
import { ERRORS, type ErrorCode, NetkbError } from '../core/errors.js';
import type { Embedder } from '../core/types.js';
import type { IngestReport } from '../index/ingest-kb.js';
import { listKbFiles } from '../index/kb-files.js';
import { vectorSearchFor } from '../index/open-searcher.js';
import { currentGeneration } from '../index/store.js';
import { KbSearcher } from '../retrieve/searcher.js';
import type { Searcher } from '../retrieve/types.js';
import { BuildFailed, type BuiltIndex, buildIndexInWorker } from './index-build.js';
import type { BuildFailure } from './index-build-protocol.js';
import { vectorsLabel } from './routes/health.js';
import { timeSlicer } from './time-slice.js';

export type ReloadReason = 'start' | 'watch' | 'sighup' | 'manual';

/** What the metrics helper (and logs) are told after every load attempt. */
export type IndexEvent =
  | {
      type: 'loaded';
      reason: ReloadReason;
      generation: string;
      /** Increments with every swap: 1 for the index loaded at start. */
      serial: number;
      docs: number;
      chunks: number;
      took_ms: number;
      report: IngestReport | null;
    }
  | {
      type: 'reload_failed';
      reason: ReloadReason;
      code: string;
      message: string;
      findings: BuildFailure['findings'];
      took_ms: number;
    };

export interface ReloadError {
  code: string;
  /** Path-free: the code's generic message, or the count of findings that rejected the edit. */
  message: string;
  at: string;
}

export interface IndexStatus {
  generation: string | null;
  serial: number;
  loaded_at: string | null;
  reloading: boolean;
  last_reload_error: ReloadError | null;
}

export interface IndexManagerOptions {
  kbDir: string;
  indexDir: string;
  embedding: EmbeddingConfig;
  log: {
    info: (detail: Record<string, unknown>, message: string) => void;
    warn: (detail: Record<string, unknown>, message: string) => void;
    error: (detail: Record<string, unknown>, message: string) => void;
  };
  /** Quiet time after the last KB change before a reload starts. */
  debounceMs?: number;
  /** Longest stretch the main thread spends assembling a searcher before it lets requests run. */
  sliceMs?: number;
}

export const DEFAULT_WATCH_DEBOUNCE_MS = 500;

interface Loaded {
  searcher: Searcher;
  generation: string;
  serial: number;
  loadedAt: Date;
}

export class IndexManager {
  private current: Loaded | null = null;
  private embedder: Embedder | null = null;
  private vectorsDisabledReason: string | undefined;
  private running: Promise<void> | null = null;
  private pending: ReloadReason | null = null;
  private pendingRun: Promise<void> | null = null;
  private lastError: ReloadError | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private closed = false;
  /** Cancels a running build on close(), so shutdown does not wait for it. */
  private readonly abort = new AbortController();
  private readonly listeners = new Set<(event: IndexEvent) => void>();

  constructor(private readonly options: IndexManagerOptions) {}

  /** The searcher to answer with, or null before the first load. */
  searcher(): Searcher | null {
    return this.current?.searcher ?? null;
  }

  status(): IndexStatus {
    return {
      generation: this.current?.generation ?? null,
      serial: this.current?.serial ?? 0,
      loaded_at: this.current?.loadedAt.toISOString() ?? null,
      reloading: this.running !== null,
      last_reload_error: this.lastError,
    };
  }

  /** Subscribes to load outcomes (for metrics); returns the unsubscribe function. */
  onEvent(listener: (event: IndexEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * First load: resolves the query embedder, brings the index up to date (falling back to the previous
   * generation when the ingest fails) and opens it. Rejects when there is nothing to serve.
   */
  async start(): Promise<void> {
    const resolution = await resolveEmbedder(this.options.embedding);
    this.embedder = resolution.embedder;
    this.vectorsDisabledReason = resolution.embedder ? undefined : resolution.reason;
    if (this.vectorsDisabledReason !== undefined)
      this.options.log.warn(
        {},
        `vectors DISABLED (trigger + lexical search only): ${this.vectorsDisabledReason}`,
      );
    const started = performance.now();
    // No KB and nothing built before: say so at once instead of after starting a worker.
    const kbProblem = await listKbFiles(this.options.kbDir).then(
      () => null,
      (error: unknown) => error,
    );
    if (kbProblem && !(await currentGeneration(this.options.indexDir))) throw kbProblem;
    let built: BuiltIndex;
    try {
      built = await this.timedBuild('start');
    } catch (error) {
      throw asNetkbError(error);
    }
    if (built.ingestError) {
      this.options.log.warn(
        { code: built.ingestError.code, reason: built.ingestError.message },
        'ingest failed; serving the previous index',
      );
    }
    await this.swapIn(built, 'start', started);
  }

  /**
   * Brings the served index up to date with the KB. A reload asked for while one runs is coalesced into one
   * more run after it. Never rejects: failures are logged, shown in status() and sent as events.
   */
  reload(reason: ReloadReason): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (!this.running) {
      this.running = this.runReload(reason).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.pending = reason;
    this.pendingRun ??= this.running.then(() => {
      const next = this.pending ?? reason;
      this.pending = null;
      this.pendingRun = null;
      return this.reload(next);
    });
    return this.pendingRun;
  }

  /** Watches the KB directory; any change to docs, the glossary or the folder layout reloads after a quiet spell. */
  watch(): void {
    if (this.watcher || this.closed) return;
    const debounceMs = this.options.debounceMs ?? DEFAULT_WATCH_DEBOUNCE_MS;
    this.watcher = watch(this.options.kbDir, {
      ignoreInitial: true,
      // ConfigMap volumes swap a `..data` symlink; editors write swap files (`.x.swp`) that are not KB content.
      ignored: (path) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(path),
      followSymlinks: true,
    });
    this.watcher.on('all', (_event, path) => {
      if (!relevantChange(path)) return;
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => {
        this.debounce = null;
        void this.reload('watch');
      }, debounceMs);
      this.debounce.unref();
    });
    this.watcher.on('error', (error) => this.options.log.warn({ err: error }, 'KB watcher error'));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    if (this.debounce) clearTimeout(this.debounce);
    await this.watcher?.close();
    this.watcher = null;
  }

  private lastBuildMs = 0;

  private async timedBuild(mode: 'start' | 'reload'): Promise<BuiltIndex> {
    const started = performance.now();
    try {
      return await buildIndexInWorker(this.request(mode), this.abort.signal, undefined, this.options.sliceMs);
    } finally {
      this.lastBuildMs = Math.round(performance.now() - started);
    }
  }

  private request(mode: 'start' | 'reload') {
    return {
      kbDir: this.options.kbDir,
      indexDir: this.options.indexDir,
      embedding: this.options.embedding,
      mode,
      rejectNewErrors: mode === 'reload',
    };
  }

  private async runReload(reason: ReloadReason): Promise<void> {
    const started = performance.now();
    this.options.log.info({ reason }, 'reloading the index');
    try {
      const built = await this.timedBuild('reload');
      if (this.closed) return;
      await this.swapIn(built, reason, started);
      this.lastError = null;
    } catch (error) {
      if (this.closed) return; // cancelled by shutdown
      const failure: BuildFailure =
        error instanceof BuildFailed
          ? error.failure
          : {
              code: 'INTERNAL',
              message: error instanceof Error ? error.message : String(error),
              findings: [],
            };
      const took = Math.round(performance.now() - started);
      this.lastError = { code: failure.code, message: publicMessage(failure), at: new Date().toISOString() };
      this.options.log.error(
        {
          reason,
          code: failure.code,
          detail: failure.message,
          findings: failure.findings.map((f) => `${f.file}:${f.line} ${f.code} ${f.message}`),
          generation: this.current?.generation ?? null,
          took_ms: took,
        },
        'index reload failed; still serving the previous index',
      );
      this.emit({
        type: 'reload_failed',
        reason,
        code: failure.code,
        message: failure.message,
        findings: failure.findings,
        took_ms: took,
      });
    }
  }

  /** Assembles the searcher in slices, then swaps it in with one assignment. */
  private async swapIn(built: BuiltIndex, reason: ReloadReason, started: number): Promise<void> {
    const { manifest, generation } = built;
    const hnsw =
      manifest.model && this.embedder
        ? await VectorIndex.load(
            join(this.options.indexDir, generation, 'hnsw.bin'),
            manifest.model.dims,
            manifest.chunks,
          )
        : null;
    const { vector, vectorStatus } = vectorSearchFor(manifest, hnsw, {
      embedder: this.embedder,
      vectorsDisabledReason: this.vectorsDisabledReason,
    });
    const searcher = await KbSearcher.build(
      {
        docs: built.docs,
        glossary: built.glossary,
        vector,
        vectorStatus,
        generation,
        lexical: built.lexical,
        lexicalVerified: true,
        scopes: built.scopes,
      },
      timeSlicer(this.options.sliceMs ?? 10),
    );
    const serial = (this.current?.serial ?? 0) + 1;
    this.current = { searcher, generation, serial, loadedAt: new Date() };
    const took = Math.round(performance.now() - started);
    const report = built.report;
    this.options.log.info(
      {
        reason,
        generation,
        serial,
        docs: searcher.docs.length,
        chunks: searcher.chunkCount,
        vectors: vectorsLabel(searcher.vectors),
        reused_docs: report?.reused_docs ?? null,
        findings: report?.findings.length ?? null,
        // Worker (ingest + streaming) vs. the whole load including the sliced searcher assembly.
        build_ms: this.lastBuildMs,
        took_ms: took,
      },
      reason === 'start' ? 'index loaded: ready' : 'index reloaded',
    );
    this.emit({
      type: 'loaded',
      reason,
      generation,
      serial,
      docs: searcher.docs.length,
      chunks: searcher.chunkCount,
      took_ms: took,
      report,
    });
  }

  private emit(event: IndexEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.log.warn({ err: error }, 'index event listener failed');
      }
    }
  }
}

/** KB content: docs, the glossary, folders, and ConfigMap `..data` swaps — not editor temp files. */
export function relevantChange(path: string): boolean {
  const name = path.split(/[/\\]/).pop() ?? '';
  if (name.startsWith('..')) return true;
  if (name.startsWith('.') || name.endsWith('~')) return false;
  return /\.(mdx?|ya?ml)$/i.test(name) || !name.includes('.');
}

function publicMessage(failure: BuildFailure): string {
  if (failure.code === 'RELOAD_REJECTED')
    return `the KB edit adds ${failure.findings.length} error finding(s) (see the server log); the previous index keeps serving`;
  return failure.code in ERRORS ? ERRORS[failure.code as ErrorCode].message : ERRORS.INTERNAL.message;
}

function asNetkbError(error: unknown): unknown {
  if (!(error instanceof BuildFailed)) return error;
  const code = error.failure.code in ERRORS ? (error.failure.code as ErrorCode) : 'INTERNAL';
  return new NetkbError(code, error.failure.message);
}
