/**
 * Trigger coverage of a question set: where each question lands, which triggers fired, which never do, which
 * collide, which docs no question reaches, which questions are misrouted, and a category confusion table.
 * Pure: built from each question's explanation (src/retrieve/explain.ts) and the KB's docs.
 */
import type { DocMeta } from '../core/types.js';
import type { Explanation } from '../retrieve/explain.js';
import type { EvalQuestion } from './questions.js';

export interface CoverageQuestion {
  question: string;
  expected: string[];
  should_abstain: boolean;
  /** Top fused doc (null when nothing was found) and its category. */
  doc: string | null;
  category: string | null;
  abstained: boolean;
  confidence: number;
  hit1: boolean;
  triggers_fired: Array<{ doc: string; triggers: string[] }>;
  /** The landing doc's score in each retriever (null when the retriever is off or did not find it). */
  scores: { fused: number | null; trigger: number | null; lexical: number | null; vector: number | null };
}

export interface CoverageTrigger {
  doc: string;
  trigger: string;
  fired: number;
  questions: string[];
  /** Other docs in the top 3 when it fired, with how often. */
  competitors: Array<{ doc: string; count: number }>;
}

export interface CoverageCollision {
  /** Docs whose triggers fired on the same questions, with the triggers. */
  docs: Array<{ doc: string; triggers: string[] }>;
  questions: string[];
}

export interface CoverageReport {
  questions: CoverageQuestion[];
  triggers: CoverageTrigger[];
  never_fired: Array<{ doc: string; trigger: string }>;
  collisions: CoverageCollision[];
  unreached_docs: string[];
  misrouted: Array<{
    question: string;
    expected: string[];
    got: string | null;
    abstained: boolean;
    why: string;
  }>;
  /** expected category → landed category → count; `(abstain)` / `(abstained)` for no answer. */
  confusion: Record<string, Record<string, number>>;
}

export interface DocInfo extends Pick<DocMeta, 'category' | 'triggers'> {
  path: string;
}

const NO_ANSWER_EXPECTED = '(abstain)';
const NO_ANSWER_GIVEN = '(abstained)';

export function buildCoverage(
  docs: readonly DocInfo[],
  runs: ReadonlyArray<{ question: EvalQuestion; explanation: Explanation }>,
): CoverageReport {
  const categoryOf = new Map(docs.map((doc) => [doc.path, doc.category ?? '(none)']));
  const triggerStats = new Map<string, CoverageTrigger>();
  const key = (doc: string, trigger: string) => `${doc}\u0000${trigger}`;
  for (const doc of docs) {
    for (const trigger of doc.triggers) {
      triggerStats.set(key(doc.path, trigger), {
        doc: doc.path,
        trigger,
        fired: 0,
        questions: [],
        competitors: [],
      });
    }
  }
  const competitorCounts = new Map<string, Map<string, number>>();
  const collisions = new Map<string, CoverageCollision>();
  const confusion: Record<string, Record<string, number>> = {};
  const reached = new Set<string>();

  const questions = runs.map(({ question, explanation: e }): CoverageQuestion => {
    const top = e.fused[0] ?? null;
    const doc = top?.doc ?? null;
    if (doc && !e.abstained) reached.add(doc);
    const fired = (e.triggers ?? []).map((hit) => ({ doc: hit.doc, triggers: hit.matched }));
    const top3 = [...new Set(e.fused.map((hit) => hit.doc))].slice(0, 3);
    for (const { doc: firedDoc, triggers } of fired) {
      for (const trigger of triggers) {
        const stats = triggerStats.get(key(firedDoc, trigger));
        if (!stats) continue;
        stats.fired++;
        stats.questions.push(question.question);
        const counts = competitorCounts.get(key(firedDoc, trigger)) ?? new Map<string, number>();
        for (const other of top3) if (other !== firedDoc) counts.set(other, (counts.get(other) ?? 0) + 1);
        competitorCounts.set(key(firedDoc, trigger), counts);
      }
    }
    if (fired.length > 1) {
      const sorted = [...fired].sort((a, b) => a.doc.localeCompare(b.doc));
      const id = sorted.map((f) => `${f.doc}:${[...f.triggers].sort().join('|')}`).join(' ');
      const collision = collisions.get(id) ?? { docs: sorted, questions: [] };
      collision.questions.push(question.question);
      collisions.set(id, collision);
    }
    const expectedCategory = question.abstain
      ? NO_ANSWER_EXPECTED
      : (categoryOf.get(question.docs[0] ?? '') ?? '(none)');
    const landedCategory = e.abstained || !doc ? NO_ANSWER_GIVEN : (categoryOf.get(doc) ?? '(none)');
    const row = confusion[expectedCategory] ?? {};
    row[landedCategory] = (row[landedCategory] ?? 0) + 1;
    confusion[expectedCategory] = row;
    const bestOf = (list: Array<{ doc: string; score: number }> | null) =>
      list === null ? null : (list.find((item) => item.doc === doc)?.score ?? null);
    return {
      question: question.question,
      expected: question.docs,
      should_abstain: Boolean(question.abstain),
      doc,
      category: doc ? (categoryOf.get(doc) ?? null) : null,
      abstained: e.abstained,
      confidence: e.confidence.combined,
      hit1: !question.abstain && doc !== null && question.docs.includes(doc),
      triggers_fired: fired,
      scores: {
        fused: top?.score ?? null,
        trigger: bestOf(e.triggers),
        lexical: bestOf(e.lexical),
        vector: bestOf(e.vector),
      },
    };
  });

  const triggers = [...triggerStats.entries()].map(([id, stats]) => ({
    ...stats,
    competitors: [...(competitorCounts.get(id) ?? new Map<string, number>()).entries()]
      .map(([doc, count]) => ({ doc, count }))
      .sort((a, b) => b.count - a.count || a.doc.localeCompare(b.doc)),
  }));
  return {
    questions,
    triggers,
    never_fired: triggers.filter((t) => t.fired === 0).map(({ doc, trigger }) => ({ doc, trigger })),
    collisions: [...collisions.values()].sort((a, b) => b.questions.length - a.questions.length),
    unreached_docs: docs.map((doc) => doc.path).filter((path) => !reached.has(path)),
    misrouted: questions.flatMap((q) => {
      const why = misrouteReason(q);
      return why
        ? [{ question: q.question, expected: q.expected, got: q.doc, abstained: q.abstained, why }]
        : [];
    }),
    confusion,
  };
}

function misrouteReason(q: CoverageQuestion): string | null {
  if (q.should_abstain) return q.abstained ? null : 'answered an out-of-scope question';
  if (!q.hit1) return 'landed on another doc';
  if (q.abstained) return 'abstained on the right doc (confidence too low)';
  return null;
}

/** Hit@1 over answerable questions (as `netkb eval` counts it). */
export function coverageHit1(report: CoverageReport): number {
  const answerable = report.questions.filter((q) => !q.should_abstain);
  return answerable.length === 0 ? 1 : answerable.filter((q) => q.hit1).length / answerable.length;
}
