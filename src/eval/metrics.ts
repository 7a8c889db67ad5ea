import type { EvalQuestion } from './questions.js';

export interface QuestionOutcome {
  question: EvalQuestion;
  /** Distinct doc paths, best first. */
  rankedDocs: string[];
  abstained: boolean;
  ms: number;
}

export interface EvalMetrics {
  questions: number;
  answerable: number;
  hit_at_1: number;
  hit_at_3: number;
  mrr: number;
  abstain_precision: number;
  abstain_recall: number;
  latency_p50_ms: number;
  latency_p95_ms: number;
}

/** Hit@k and MRR by doc over answerable questions; abstention precision/recall over all. Pure. */
export function computeMetrics(outcomes: readonly QuestionOutcome[]): EvalMetrics {
  const answerable = outcomes.filter((o) => !o.question.abstain);
  const rankOf = (o: QuestionOutcome) => o.rankedDocs.findIndex((doc) => o.question.docs.includes(doc));
  const share = (count: number, total: number) => (total === 0 ? 1 : count / total);
  const ranks = answerable.map(rankOf);
  const abstained = outcomes.filter((o) => o.abstained);
  const shouldAbstain = outcomes.filter((o) => o.question.abstain);
  const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    hit_at_1: round(share(ranks.filter((r) => r === 0).length, answerable.length)),
    hit_at_3: round(share(ranks.filter((r) => r >= 0 && r < 3).length, answerable.length)),
    mrr: round(
      share(
        ranks.reduce((sum, r) => sum + (r >= 0 ? 1 / (r + 1) : 0), 0),
        answerable.length,
      ),
    ),
    abstain_precision: round(share(abstained.filter((o) => o.question.abstain).length, abstained.length)),
    abstain_recall: round(share(shouldAbstain.filter((o) => o.abstained).length, shouldAbstain.length)),
    latency_p50_ms: round(percentile(latencies, 0.5)),
    latency_p95_ms: round(percentile(latencies, 0.95)),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
