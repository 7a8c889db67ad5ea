/**
 * A troubleshooting row naming a check by its shorthand, and the full check the runbook spells out. Pure.
 *
 * A row's diagnostic cell is short (`kubectl get endpointslices -n <namespace> -l
 * kubernetes.io/service-name=<service-name>`, `kubectl ko trace`, `hubble observe`), while the runbook's diagnostics
 * section gives the same check in the form to run (`… -o wide` listing each endpoint's address and readiness,
 * `kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>`). The answer shows the runbook's full form: the
 * shorthand alone prints less than the check was written for, or does not run at all.
 */
import type { CommandRecord, DocRecord } from '../core/types.js';

const collapse = (command: string): string => command.replace(/\s+/g, ' ').trim();

/** Whether the record was written in a troubleshooting row's cell (not in a code block of the runbook). */
function writtenInRow(record: CommandRecord, doc: DocRecord): boolean {
  return doc.troubleshooting.some(
    (row) => row.source.line === record.source.line && row.commands.includes(record.command),
  );
}

/**
 * The runbook's full form of a check a row names by its shorthand: the one command of a code block that starts with
 * the shorthand and goes on with more words, of the same safety. `undefined` when the record is no row's shorthand,
 * or when the runbook spells it out in several ways (which one the row means is unknown).
 */
export function fullFormOf(record: CommandRecord, doc: DocRecord): CommandRecord | undefined {
  if (record.source.path !== doc.path || !writtenInRow(record, doc)) return undefined;
  const short = `${collapse(record.command)} `;
  const longer = doc.commands.filter(
    (other) =>
      other !== record &&
      other.safety === record.safety &&
      collapse(other.command).startsWith(short) &&
      !writtenInRow(other, doc),
  );
  return longer.length === 1 ? longer[0] : undefined;
}

/**
 * The picked checks with each row shorthand replaced by its runbook's full form (`docs` holds the runbooks they come
 * from); a full form picked already is not shown twice.
 */
export function spelledOut(records: readonly CommandRecord[], docs: readonly DocRecord[]): CommandRecord[] {
  const out: CommandRecord[] = [];
  for (const record of records) {
    const doc = docs.find((candidate) => candidate.path === record.source.path);
    const shown = (doc && fullFormOf(record, doc)) ?? record;
    if (!out.includes(shown)) out.push(shown);
  }
  return out;
}
