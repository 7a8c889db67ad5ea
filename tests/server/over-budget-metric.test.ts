import { describe, expect, it } from 'vitest';
import { spentBudget } from '../../src/answer/spent-budget.js';
import { NetkbMetrics } from '../../src/server/metrics.js';

describe('answers over the time budget', () => {
  it('are told by a skipped retriever', () => {
    expect(spentBudget({ retrievers: { trigger: { status: 'ok' }, lexical: { status: 'ok' } } })).toBe(false);
    expect(
      spentBudget({ retrievers: { trigger: { status: 'ok' }, lexical: { status: 'over_budget' } } }),
    ).toBe(true);
  });

  it('are counted per channel', async () => {
    const metrics = new NetkbMetrics();
    metrics.recordAnswer('api', 'answered', true);
    metrics.recordAnswer('api', 'answered');
    metrics.recordAnswer('slack', 'abstained', true);
    const text = await metrics.text();
    expect(text).toContain('netkb_answers_over_budget_total{channel="api"} 1');
    expect(text).toContain('netkb_answers_over_budget_total{channel="slack"} 1');
    expect(text).toContain('netkb_answers_total{channel="api",outcome="answered"} 2');
  });
});
