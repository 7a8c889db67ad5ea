import { storeConfigFromEnv } from '../core/config.js';
import { NetkbError } from '../core/errors.js';
import { type ReportRows, renderReportCsv, renderReportText } from '../report/render-report.js';
import { docsReport, feedbackReport, parseSince, unansweredReport } from '../report/reports.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { parseFlags, stringFlag } from './args.js';

export const REPORT_USAGE = 'netkb report [unanswered|feedback|docs] [--since 7d] [-o text|json|csv]';

const KINDS = new Set(['unanswered', 'feedback', 'docs']);
const FORMATS = new Set(['text', 'json', 'csv']);

/** What to write next: unanswered questions, unhelpful answers, per-doc usage (reads NETKB_DB). */
export async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    since: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (positionals.length > 1) throw new NetkbError('USAGE', `Unexpected argument '${positionals[1]}'`);
  const kind = positionals[0] ?? 'unanswered';
  if (!KINDS.has(kind))
    throw new NetkbError('USAGE', `Unknown report '${kind}' (unanswered, feedback or docs)`);
  const format = values.output === undefined ? 'text' : stringFlag(values, 'output');
  if (!FORMATS.has(format)) throw new NetkbError('USAGE', '-o must be text, json or csv');
  const sinceText = values.since === undefined ? '7d' : stringFlag(values, 'since');
  const since = parseSince(sinceText, Date.now());
  if (since === null)
    throw new NetkbError('USAGE', '--since must be like 7d, 12h, 2w or a date (2026-01-31)');

  const config = storeConfigFromEnv();
  const store = new SqliteStore({ path: config.dbPath });
  let report: ReportRows;
  try {
    const range = { since };
    if (kind === 'unanswered') report = { kind, rows: unansweredReport(await store.answers(range)) };
    else if (kind === 'feedback') report = { kind, rows: feedbackReport(await store.feedback(range)) };
    else report = { kind: 'docs', rows: docsReport(await store.answers(range), await store.feedback(range)) };
  } finally {
    await store.close();
  }
  const sinceLabel = new Date(since).toISOString();
  if (format === 'json')
    process.stdout.write(`${JSON.stringify({ report: kind, since: sinceLabel, rows: report.rows })}\n`);
  else if (format === 'csv') process.stdout.write(renderReportCsv(report));
  else process.stdout.write(renderReportText(report, sinceLabel));
  return 0;
}
