/** Text and HTML views of a coverage report. Pure. */
import { type CoverageReport, coverageHit1 } from './coverage.js';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export function renderCoverageText(report: CoverageReport): string {
  const out: string[] = [];
  const answerable = report.questions.filter((q) => !q.should_abstain).length;
  const fired = report.triggers.filter((t) => t.fired > 0).length;
  out.push(
    `${report.questions.length} questions (${answerable} answerable): hit@1 ${coverageHit1(report).toFixed(3)}, ${report.misrouted.length} misrouted`,
    `${report.triggers.length} triggers: ${fired} fired, ${report.never_fired.length} never fired, ${report.collisions.length} collisions`,
    `${report.unreached_docs.length} docs no question reaches`,
  );
  if (report.misrouted.length > 0) {
    out.push('', 'misrouted:');
    for (const m of report.misrouted) {
      out.push(
        `  ${m.question}`,
        `    ${m.why}: expected ${m.expected.join(', ') || '(abstain)'}, got ${m.got ?? '(nothing)'}${m.abstained ? ' (abstained)' : ''}`,
      );
    }
  }
  if (report.unreached_docs.length > 0)
    out.push('', 'docs no question reaches:', ...report.unreached_docs.map((d) => `  ${d}`));
  if (report.never_fired.length > 0) {
    out.push('', 'triggers that never fired:');
    const byDoc = new Map<string, string[]>();
    for (const t of report.never_fired) byDoc.set(t.doc, [...(byDoc.get(t.doc) ?? []), t.trigger]);
    for (const [doc, triggers] of byDoc) out.push(`  ${doc}: ${triggers.join(' | ')}`);
  }
  if (report.collisions.length > 0) {
    out.push('', 'collisions (triggers of several docs fired on the same question):');
    for (const c of report.collisions) {
      out.push(
        `  ${c.questions.length}× ${c.docs.map((d) => `${d.doc} [${d.triggers.join(' | ')}]`).join(' vs ')}`,
      );
    }
  }
  out.push('', 'most fired triggers:');
  for (const t of [...report.triggers]
    .sort((a, b) => b.fired - a.fired)
    .slice(0, 15)
    .filter((t) => t.fired > 0)) {
    const rivals = t.competitors
      .slice(0, 3)
      .map((c) => `${c.doc}×${c.count}`)
      .join(', ');
    out.push(
      `  ${String(t.fired).padStart(3)}  ${t.doc}: ${t.trigger}${rivals ? `  (competing: ${rivals})` : ''}`,
    );
  }
  out.push('', 'category confusion (expected → landed):');
  for (const [expected, row] of Object.entries(report.confusion).sort(([a], [b]) => a.localeCompare(b))) {
    const total = Object.values(row).reduce((sum, n) => sum + n, 0);
    const cells = Object.entries(row)
      .sort((a, b) => b[1] - a[1])
      .map(([landed, n]) => `${landed === expected ? '✓' : ''}${landed} ${n}`);
    out.push(`  ${expected} (${total}): ${cells.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One self-contained HTML file (inline CSS, no scripts, no external resources). */
export function renderCoverageHtml(report: CoverageReport, title = 'netkb trigger coverage'): string {
  const e = escapeHtml;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const categories = [
    ...new Set([
      ...Object.keys(report.confusion),
      ...Object.values(report.confusion).flatMap((row) => Object.keys(row)),
    ]),
  ].sort();
  const expectedRows = Object.keys(report.confusion).sort();
  const sections = [
    `<h1>${e(title)}</h1>`,
    `<p class="summary">${report.questions.length} questions · hit@1 <b>${pct(coverageHit1(report))}</b> · ${report.misrouted.length} misrouted · ${report.triggers.length} triggers, ${report.never_fired.length} never fired · ${report.collisions.length} collisions · ${report.unreached_docs.length} unreached docs</p>`,
    '<h2>Misrouted questions</h2>',
    table(
      ['question', 'why', 'expected', 'landed on'],
      report.misrouted.map((m) => [
        e(m.question),
        e(m.why),
        e(m.expected.join(', ') || '(abstain)'),
        e(`${m.got ?? '—'}${m.abstained ? ' (abstained)' : ''}`),
      ]),
    ),
    '<h2>Category confusion</h2><p>Rows: expected category; columns: where questions landed.</p>',
    table(
      ['expected \\ landed', ...categories],
      expectedRows.map((row) => [
        `<b>${e(row)}</b>`,
        ...categories.map((col) => {
          const n = report.confusion[row]?.[col] ?? 0;
          return n === 0
            ? ''
            : `<span class="${row === col || (row === '(abstain)' && col === '(abstained)') ? 'ok' : 'bad'}">${n}</span>`;
        }),
      ]),
    ),
    '<h2>Docs no question reaches</h2>',
    report.unreached_docs.length
      ? `<ul>${report.unreached_docs.map((d) => `<li>${e(d)}</li>`).join('')}</ul>`
      : '<p>None.</p>',
    '<h2>Triggers</h2>',
    table(
      ['doc', 'trigger', 'fired', 'competing docs', 'questions'],
      [...report.triggers]
        .sort((a, b) => a.fired - b.fired || a.doc.localeCompare(b.doc))
        .map((t) => [
          e(t.doc),
          `<code>${e(t.trigger)}</code>`,
          t.fired === 0 ? '<span class="bad">0</span>' : String(t.fired),
          e(t.competitors.map((c) => `${c.doc}×${c.count}`).join(', ')),
          t.questions.length
            ? `<details><summary>${t.questions.length}</summary>${t.questions.map((q) => e(q)).join('<br>')}</details>`
            : '',
        ]),
    ),
    '<h2>Collisions</h2>',
    table(
      ['docs and triggers', 'questions'],
      report.collisions.map((c) => [
        c.docs.map((d) => `${e(d.doc)}: <code>${e(d.triggers.join(' | '))}</code>`).join('<br>'),
        `<details><summary>${c.questions.length}</summary>${c.questions.map((q) => e(q)).join('<br>')}</details>`,
      ]),
    ),
    '<h2>Questions</h2>',
    table(
      [
        'question',
        'landed on',
        'category',
        'confidence',
        'triggers fired',
        'scores (fused / trigger / lexical / vector)',
      ],
      report.questions.map((q) => [
        e(q.question),
        `<span class="${q.should_abstain ? (q.abstained ? 'ok' : 'bad') : q.hit1 ? 'ok' : 'bad'}">${e(q.abstained ? `(abstained) ${q.doc ?? ''}` : (q.doc ?? '—'))}</span>`,
        e(q.category ?? ''),
        q.confidence.toFixed(3),
        e(q.triggers_fired.map((f) => `${f.doc}: ${f.triggers.join(' | ')}`).join('; ')),
        [q.scores.fused, q.scores.trigger, q.scores.lexical, q.scores.vector]
          .map((s) => (s === null ? '—' : s.toFixed(3)))
          .join(' / '),
      ]),
    ),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:13px}
th,td{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4;position:sticky;top:0}
.ok{color:#176f2c;font-weight:600}.bad{color:#b3261e;font-weight:600}
code{background:#f6f6f6;padding:0 .2rem}.summary{font-size:15px}
</style></head><body>
${sections.join('\n')}
</body></html>
`;
}
