import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ParsedDocument, parseDocument } from '../ingest/document.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';

export type ParseOutcome = { doc: ParsedDocument } | { failure: string; timedOut?: true };

/** Running from TypeScript sources (tsx, vitest): the worker needs the same loader. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./parse-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
/** A parse that needs more heap than this fails alone instead of taking the process down. */
const WORKER_HEAP_MB = 768;

interface Slot {
  worker: Worker;
  /** Loaded and waiting for work. */
  ready: boolean;
  busy: boolean;
}

interface Job {
  request: ParseRequest;
  timeoutMs: number;
  resolve: (outcome: ParseOutcome) => void;
}

/**
 * A small pool of worker threads that parse KB files with a per-file time budget: a file whose parse runs
 * past `timeoutMs`, throws, or exhausts the worker's heap resolves as a failure (the worker is replaced),
 * and the other files carry on. Workers start on first use; `close()` ends them. When no worker can start
 * at all, files are parsed in-process (still one failure unit each, without the time budget).
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private workersUnavailable = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly size = Math.max(1, Math.min(2, availableParallelism())),
  ) {}

  /** Parses one file; `timeoutMs` overrides the pool's budget for this file. */
  parse(path: string, source: string, timeoutMs = this.timeoutMs): Promise<ParseOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, path, source }, timeoutMs, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    if (this.workersUnavailable) {
      for (const job of this.queue.splice(0)) job.resolve(parseHere(job.request.path, job.request.source));
      return;
    }
    while (this.slots.length < Math.min(this.size, this.queue.length + this.busyCount())) this.spawn();
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.ready && !candidate.busy);
      const job = slot ? this.queue.shift() : undefined;
      if (!slot || !job) return;
      this.run(slot, job);
    }
  }

  private busyCount(): number {
    return this.slots.filter((slot) => slot.busy).length;
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(), ready: false, busy: false };
    this.slots.push(slot);
    const onReady = (message: unknown) => {
      if ((message as { ready?: boolean })?.ready !== true) return;
      slot.worker.off('message', onReady);
      slot.worker.off('error', onStartFailure);
      slot.ready = true;
      this.dispatch();
    };
    const onStartFailure = () => {
      // The worker could not even load the parser: it will not do better next time.
      this.workersUnavailable = true;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      void slot.worker.terminate();
      this.dispatch();
    };
    slot.worker.on('message', onReady);
    slot.worker.once('error', onStartFailure);
  }

  private run(slot: Slot, job: Job): void {
    slot.busy = true;
    const { worker } = slot;
    let settled = false;
    const finish = (outcome: ParseOutcome, replaceWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replaceWorker) {
        void worker.terminate();
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
      } else {
        slot.busy = false;
      }
      job.resolve(outcome);
      this.dispatch();
    };
    const onMessage = (reply: ParseReply) => {
      if (reply.id !== job.request.id) return;
      finish('doc' in reply ? { doc: reply.doc } : { failure: reply.error }, false);
    };
    const onError = (error: Error) => finish({ failure: `${error.name}: ${error.message}` }, true);
    const onExit = (code: number) => finish({ failure: `parser worker exited with code ${code}` }, true);
    const timer = setTimeout(
      () => finish({ failure: `parse took longer than ${job.timeoutMs} ms`, timedOut: true }, true),
      job.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job.request);
  }
}

/** From sources, the worker first registers tsx's loader (a worker does not inherit the parent's hooks). */
const SOURCE_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;

/** Parses one file on the calling thread (no time budget): a parser exception is the file's failure. */
export function parseHere(path: string, source: string): ParseOutcome {
  try {
    return { doc: parseDocument(path, source) };
  } catch (error) {
    return { failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function startWorker(): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const worker = FROM_SOURCE
    ? new Worker(SOURCE_BOOTSTRAP, { eval: true, ...limits })
    : new Worker(WORKER_URL, limits);
  worker.unref(); // an idle pool never keeps the process alive
  return worker;
}
