/** The read-only checks `pickCommands` gives a question answered from the CoreDNS runbook's overview alone. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pickCommands } from '../../src/answer/commands.js';
import { DEFAULT_COMPOSE_OPTIONS } from '../../src/answer/compose.js';
import { likelyCauses } from '../../src/answer/rank-rows.js';
import { parseDocument } from '../../src/ingest/document.js';
import type { FusedHit } from '../../src/retrieve/types.js';

const KB = path.resolve(import.meta.dirname, '../../kb');

export function corednsReadOnlyChecks(): (question: string) => string[] {
  const doc = parseDocument('dns/coredns.md', readFileSync(path.join(KB, 'dns/coredns.md'), 'utf8'));
  const chunk = doc.chunks.find((c) => c.headingPath.at(-1) === '概述');
  if (!chunk) throw new Error('dns/coredns.md has no 概述 section');
  const hits: FusedHit[] = [{ chunk, doc, score: 1, via: ['lexical'], matchedTriggers: [] }];
  return (question) =>
    pickCommands(question, hits, likelyCauses(question, hits, DEFAULT_COMPOSE_OPTIONS.maxCauses), {
      ...DEFAULT_COMPOSE_OPTIONS,
    })
      .filter((c) => c.safety === 'read-only')
      .map((c) => c.command);
}
