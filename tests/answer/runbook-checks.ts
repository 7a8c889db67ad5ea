import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import type { DocRecord } from '../../src/core/types.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit } from '../../src/retrieve/types.js';

const KB = path.resolve(import.meta.dirname, '../../kb');

/** A real runbook of the bundled KB, parsed as ingest parses it. */
export const runbook = (relative: string): DocRecord =>
  parseDocument(relative, readFileSync(path.join(KB, relative), 'utf8'));

/** The CNI of each runbook, as the searcher's glossary scopes them (the first folder here). */
export const ofDoc = (docPath: string): string | null =>
  ['cilium', 'calico', 'flannel', 'kube-ovn', 'ovn-kubernetes'].find((cni) =>
    docPath.startsWith(`${cni}/`),
  ) ?? null;

/** A hit on the section of `doc` whose last heading is `heading`, as retrieval returns it. */
export function hitOn(doc: DocRecord, heading: string, score = 1): FusedHit {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === heading);
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  return { chunk, doc, score, via: ['lexical'], matchedTriggers: [] };
}

/**
 * The read-only checks `pickCommands` gives a question when the runbook's section whose heading contains `heading` is
 * the only hit, with the likely causes its rows state.
 */
export function sectionChecks(question: string, doc: DocRecord, heading: string): string[] {
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1)?.includes(heading));
  if (!chunk) throw new Error(`${doc.path} has no section '${heading}'`);
  const hits: FusedHit[] = [{ chunk, doc, score: 1, via: ['lexical'], matchedTriggers: [] }];
  const rows = likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses);
  return pickCommands(question, hits, rows, DEFAULT_COMPOSE_OPTIONS)
    .filter((c) => c.safety === 'read-only')
    .map((c) => c.command);
}

/**
 * The read-only checks `pickCommands` gives a question on `hits`, with `cniRunbook` as the CNI runbook whose check
 * the answer keeps a place for (a named CNI's, or the report CNI's in a cross-node report).
 */
export const checksWithCniRunbook = (question: string, hits: FusedHit[], cniRunbook?: string) =>
  pickCommands(
    question,
    hits,
    likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses),
    DEFAULT_COMPOSE_OPTIONS,
    undefined,
    cniRunbook,
  ).filter((c) => c.safety === 'read-only');
