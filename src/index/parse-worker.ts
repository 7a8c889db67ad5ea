/**
 * Parses KB files off the main thread for ParsePool: a file that hangs or exhausts the parser costs only
 * this worker, which the pool terminates and replaces.
 */
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../ingest/document.js';

export interface ParseRequest {
  id: number;
  path: string;
  source: string;
}

export type ParseReply =
  | { id: number; doc: ReturnType<typeof parseDocument> }
  | { id: number; error: string };

parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, doc: parseDocument(request.path, request.source) };
  } catch (error) {
    // Stack overflow and the like on hostile input: the file fails, the worker lives on.
    reply = {
      id: request.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
// Loaded: the pool starts a file's time budget only from here, so start-up under load never counts against it.
parentPort?.postMessage({ ready: true });
