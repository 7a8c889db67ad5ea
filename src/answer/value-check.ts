/**
 * The check of the value a direct answer states. Pure.
 *
 * A question asking for a value ("Which port does CoreDNS serve its metrics on?", "On which port does kube-proxy
 * answer the health checks of an externalTrafficPolicy: Local service?") is answered by a runbook line that
 * states it (`指标端口 9153`, "kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`"). The runbook's check that
 * reads that very value (`curl -s http://<pod-ip>:9153/metrics`, the jsonpath printing `healthCheckNodePort`) is
 * how the engineer sees it on the cluster; ranked over a long report's words it fell below the cut.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import type { CommandRecord, DocRecord } from '../core/types.js';

// What a quoted line names as a value: a code span, a port-like number, an IPv4 address.
const CODE_SPAN = /`([^`]+)`/g;
const VALUE = /(?<![\w.])(?:\d{1,3}(?:\.\d{1,3}){3}|\d{3,5})(?![\w]|\.\d)/g;

/** A code span this short (`53`, `ip`) names too little to find one check by. */
const MIN_SPAN = 4;

/** The values a quoted line names, in the order it names them, lower-cased. */
export function quotedValues(quote: string): string[] {
  const out: string[] = [];
  const add = (value: string) => {
    const folded = value.trim().toLowerCase();
    if (folded && !out.includes(folded)) out.push(folded);
  };
  const spans = [...quote.matchAll(CODE_SPAN)];
  for (const [, span] of spans) if (span && span.trim().length >= MIN_SPAN) add(span);
  for (const [value] of quote.replace(CODE_SPAN, ' ').matchAll(VALUE)) add(value);
  return out;
}

function holds(command: string, value: string): boolean {
  const text = command.toLowerCase();
  if (!/^[\d.]+$/.test(value)) return text.includes(value);
  // A number or address is itself, not part of a longer one (`9153`, not `19153`).
  return new RegExp(`(?<![\\d.])${escapeRegExp(value)}(?![\\d]|\\.\\d)`).test(text);
}

// The words of a command's own text: `metrics`, `externaltrafficpolicy` (placeholders aside).
const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .replace(/<[^>\s]+>/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= MIN_WORD),
  );
const MIN_WORD = 5;
/** A word in this many of a runbook's commands (`kubectl`, `kube-system`, `coredns`) tells none apart. */
const COMMON_WORD = 4;

/**
 * The read-only check of `doc` that reads the value the quote states: of the values (in the quote's order) that
 * exactly one of the doc's read-only checks holds, the first whose check is not `chosen` yet and whose text has a
 * word the question names that few of the doc's commands have (`metrics` for `curl …:9153/metrics`): the line may
 * state several values, and the check must read the one asked about. Undefined when no value names such a check.
 */
export function valueCheck(
  question: string,
  quote: string,
  doc: DocRecord,
  chosen: readonly CommandRecord[],
): CommandRecord | undefined {
  const checks = doc.commands.filter((record) => record.safety === 'read-only');
  const asked = words(question);
  const counts = new Map<string, number>();
  for (const record of doc.commands)
    for (const word of words(record.command)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const namedByQuestion = (record: CommandRecord) =>
    [...words(record.command)].some((word) => (counts.get(word) ?? 0) < COMMON_WORD && asked.has(word));
  for (const value of quotedValues(quote)) {
    const holders = checks.filter((record) => holds(record.command, value));
    if (holders.length !== 1) continue;
    const [check] = holders;
    if (check && !chosen.includes(check) && namedByQuestion(check)) return check;
  }
  return undefined;
}

/**
 * `check` after the diagnostics of `picks`, before its fixes; when the diagnostics are already `maxDiagnose`, in
 * place of the last (lowest-ranked) one: the answer stays as long, and the value asked about is checked.
 */
export function placeValueCheck(
  picks: readonly CommandRecord[],
  check: CommandRecord,
  maxDiagnose: number,
): CommandRecord[] {
  const diagnose = picks.filter((record) => record.safety === 'read-only');
  const fixes = picks.filter((record) => record.safety !== 'read-only');
  if (diagnose.length >= maxDiagnose) diagnose.splice(Math.max(0, maxDiagnose - 1));
  return [...diagnose, check, ...fixes];
}
