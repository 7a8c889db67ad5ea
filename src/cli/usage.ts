/**
 * Usage lines of the maintainer commands, apart from their code: `netkb` loads those modules (and their
 * dependencies: SQLite, markdown linting, HTML rendering) only when the command runs.
 */
export const LINT_USAGE = 'netkb lint --kb DIR [--strict] [-o text|json|github]';
export const EXPLAIN_USAGE =
  'netkb explain "question" [--kb DIR] [--index DIR] [--json] [--top-k N] [--category C]';
export const COVERAGE_USAGE =
  'netkb coverage --kb DIR --questions FILE [--index DIR] [-o text|json|html] [--out FILE] [--min-hit1 X]';
export const REPORT_USAGE = 'netkb report [unanswered|feedback|docs] [--since 7d] [-o text|json|csv]';
