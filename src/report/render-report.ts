/** Text and CSV views of `netkb report`. Pure. */
import { type DocUsage, toCsv, type UnansweredGroup, type UnhelpfulAnswer } from './reports.js';

export type ReportKind = 'unanswered' | 'feedback' | 'docs';
export type ReportRows =
  | { kind: 'unanswered'; rows: UnansweredGroup[] }
  | { kind: 'feedback'; rows: UnhelpfulAnswer[] }
  | { kind: 'docs'; rows: DocUsage[] };

export function renderReportText(report: ReportRows, since: string): string {
  const out: string[] = [];
  if (report.kind === 'unanswered') {
    out.push(`${report.rows.length} groups of abstained or low-confidence questions since ${since}`);
    for (const g of report.rows) {
      out.push(
        '',
        `${g.count}× (${g.abstained} abstained) closest: ${g.closest_doc ?? '(none)'}; suggested trigger: ${g.suggested_trigger || '(none)'}`,
        ...g.examples.map((q) => `  - ${q}`),
      );
      if (g.examples.length === 0) out.push('  (questions are logged as hashes only)');
    }
  } else if (report.kind === 'feedback') {
    out.push(`${report.rows.length} answers marked unhelpful since ${since}`);
    for (const f of report.rows) {
      out.push(
        '',
        `${f.at} ${f.channel}${f.user ? ` ${f.user}` : ''} ${f.top_doc ?? '(abstained)'}`,
        `  Q: ${f.question ?? '(hash only)'}`,
        `  comment: ${f.comment || '(none)'}`,
      );
    }
  } else {
    out.push(`${report.rows.length} docs answered questions since ${since}`, '');
    out.push('answered  helpful  unhelpful  ratio  last hit                  doc');
    for (const d of report.rows) {
      out.push(
        `${String(d.answered).padStart(8)}  ${String(d.helpful).padStart(7)}  ${String(d.unhelpful).padStart(9)}  ${(d.helpful_ratio === null ? '-' : d.helpful_ratio.toFixed(2)).padStart(5)}  ${d.last_hit.padEnd(24)}  ${d.doc}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderReportCsv(report: ReportRows): string {
  if (report.kind === 'unanswered') {
    return toCsv(
      ['count', 'abstained', 'closest_doc', 'suggested_trigger', 'last_asked', 'examples'],
      report.rows.map((g) => [
        g.count,
        g.abstained,
        g.closest_doc,
        g.suggested_trigger,
        g.last_asked,
        g.examples,
      ]),
    );
  }
  if (report.kind === 'feedback') {
    return toCsv(
      ['at', 'answer_id', 'channel', 'user', 'top_doc', 'question', 'comment'],
      report.rows.map((f) => [f.at, f.answer_id, f.channel, f.user, f.top_doc, f.question, f.comment]),
    );
  }
  return toCsv(
    ['doc', 'answered', 'helpful', 'unhelpful', 'helpful_ratio', 'last_hit'],
    report.rows.map((d) => [d.doc, d.answered, d.helpful, d.unhelpful, d.helpful_ratio, d.last_hit]),
  );
}
