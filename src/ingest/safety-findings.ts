/**
 * Lint findings for command safety: a command in a diagnostic section (or a troubleshooting table's command
 * column) that is not proven read-only and not marked as a change by its author. Pure: reads a parsed doc.
 */
import type { DocRecord, Finding } from '../core/types.js';
import { AUTHOR_MARKED_REASON } from './safety.js';

export const SAFETY_FINDING_CODE = 'command-not-read-only';

const DIAGNOSTIC_KINDS = new Set(['diagnostics', 'troubleshooting']);

export function safetyFindings(doc: Pick<DocRecord, 'path' | 'chunks' | 'commands'>): Finding[] {
  const kindOf = new Map(doc.chunks.map((chunk) => [chunk.id, chunk.kind]));
  const findings: Finding[] = [];
  for (const command of doc.commands) {
    if (command.safety === 'read-only' || command.safetyReason === AUTHOR_MARKED_REASON) continue;
    if (!DIAGNOSTIC_KINDS.has(kindOf.get(command.chunkId) ?? '')) continue;
    const firstLine = command.command.split('\n')[0] ?? '';
    findings.push({
      file: doc.path,
      line: command.source.line,
      severity: 'warning',
      code: SAFETY_FINDING_CODE,
      message:
        `\`${firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine}\` in a diagnostic section is ` +
        `${command.safety} (${command.safetyReason ?? 'no reason'}); mark its block as a change (# [变更]) ` +
        'or use a read-only form',
    });
  }
  return findings;
}
