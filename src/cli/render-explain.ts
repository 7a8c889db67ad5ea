import type { ExplainedChunk, Explanation } from '../retrieve/explain.js';

/** The terminal view of an explanation: one section per step, best candidates first. Pure. */
export function renderExplanation(question: string, explanation: Explanation): string {
  const out: string[] = [];
  const chunk = (c: ExplainedChunk) =>
    `${c.doc}:${c.lines[0]}-${c.lines[1]} ${c.heading ? `«${c.heading}» ` : ''}`;
  out.push(`question:   ${question}`);
  out.push(`normalized: ${explanation.normalized}`);
  if (explanation.corrected !== explanation.normalized) out.push(`corrected:  ${explanation.corrected}`);
  out.push(`focus:      ${explanation.focus}`);
  if (explanation.working) out.push(`works:      ${explanation.working} (counts less)`);
  out.push(`tokens:     ${explanation.tokens.join(' ')}`);
  out.push(
    `terms:      ${explanation.terms.map((t) => (t.weight === 1 ? t.term : `${t.term}×${t.weight}`)).join(' ')}`,
  );
  out.push('', 'glossary groups:');
  if (explanation.glossary.length === 0) out.push('  (none)');
  for (const group of explanation.glossary) {
    out.push(
      `  ${group.group}: ${group.terms.join(', ')}${group.exclusive ? ` [exclusive: ${group.exclusive}]` : ''}`,
    );
  }
  out.push('', 'trigger hits:');
  if (explanation.triggers === null) out.push('  (disabled)');
  else if (explanation.triggers.length === 0) out.push('  (none)');
  for (const hit of explanation.triggers ?? [])
    out.push(`  ${hit.score.toFixed(3)}  ${hit.doc}  ← ${hit.matched.join(' | ')}`);
  for (const [name, list] of [
    ['lexical (BM25)', explanation.lexical],
    ['vector (cosine)', explanation.vector],
  ] as const) {
    out.push('', `${name} candidates:`);
    if (list === null) out.push('  (disabled)');
    else if (list.length === 0) out.push('  (none)');
    for (const c of list ?? []) out.push(`  ${c.score.toFixed(3)}  ${chunk(c)}`);
  }
  out.push('', 'fused ranking:');
  if (explanation.fused.length === 0) out.push('  (empty)');
  for (const hit of explanation.fused) {
    const extra = [
      `via ${hit.via.join('+')}`,
      hit.coverage === null ? '' : `covers ${hit.coverage}`,
      hit.topic_coverage === null ? '' : `topic ${hit.topic_coverage}`,
      hit.matched_triggers.length > 0 ? `triggers: ${hit.matched_triggers.join(' | ')}` : '',
    ].filter(Boolean);
    out.push(`  ${hit.rank}. ${hit.score.toFixed(3)}  ${chunk(hit)}(${extra.join('; ')})`);
  }
  const c = explanation.confidence;
  out.push(
    '',
    `confidence: ${c.combined} = noisy-or(trigger ${c.trigger}, lexical×coverage ${c.lexical_coverage}, lexical×topic ${c.lexical_topic}, vector ${c.vector}); abstain below ${c.threshold}`,
  );
  out.push(`decision:   ${explanation.reason}`);
  return `${out.join('\n')}\n`;
}
