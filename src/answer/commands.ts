/** Which commands an answer suggests, and in what order. */
import type { CommandRecord } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { commandByText, commandsInChunk } from './doc-index.js';
import type { RankedRow } from './rank-rows.js';

const normalized = new WeakMap<CommandRecord, string>();

/** The command with whitespace runs collapsed: two records with the same key are the same command. */
function commandKey(record: CommandRecord): string {
  let key = normalized.get(record);
  if (key === undefined) {
    key = record.command.replace(/\s+/g, ' ').trim();
    normalized.set(record, key);
  }
  return key;
}

/** Commands in the hit sections (best hit first), then the matched rows' ones, then fill-up; deduplicated, read-only first. */
export function pickCommands(
  hits: readonly FusedHit[],
  rows: readonly RankedRow[],
  max: number,
  minCommands: number,
): CommandRecord[] {
  // By command key, in order of first appearance.
  const picked = new Map<string, CommandRecord>();
  const seenChunks = new Set<string>();
  for (const hit of hits) {
    if (seenChunks.has(hit.chunk.id)) continue;
    seenChunks.add(hit.chunk.id);
    for (const record of commandsInChunk(hit.doc, hit.chunk.id)) add(picked, record);
  }
  for (const { row, doc } of rows) {
    for (const command of row.commands) add(picked, commandByText(doc, command));
  }
  // Too few (the best hit is prose, say): the best doc's other read-only commands, in document order.
  const best = hits[0]?.doc;
  for (const record of best?.commands ?? []) {
    if (picked.size >= minCommands) break;
    if (record.safety === 'read-only') add(picked, record);
  }
  // Stable: read-only ones keep their order and come first; mutating and unknown ones go last.
  const records = [...picked.values()];
  const ordered = [
    ...records.filter((c) => c.safety === 'read-only'),
    ...records.filter((c) => c.safety !== 'read-only'),
  ];
  return ordered.slice(0, max);
}

function add(picked: Map<string, CommandRecord>, record: CommandRecord | undefined): void {
  if (!record) return;
  const key = commandKey(record);
  if (!picked.has(key)) picked.set(key, record);
}
