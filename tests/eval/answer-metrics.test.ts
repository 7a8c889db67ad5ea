import { describe, expect, it } from 'vitest';
import type { ChatBody } from '../../src/answer/types.js';
import { allowedFills, computeAnswerMetrics } from '../../src/eval/answer-metrics.js';

describe('allowedFills', () => {
  it('allows the labelled names, case-folded', () => {
    const allowed = allowedFills({ question: 'pod Web-0 cannot reach db', docs: ['a.md'], names: ['Web-0'] });
    expect(allowed.has('web-0')).toBe(true);
    expect(allowed.has('db')).toBe(false);
  });

  it('allows a number that ends a sentence ("--port=80.")', () => {
    const allowed = allowedFills({ question: 'kubectl expose pod n1 --port=80. It fails.', docs: ['a.md'] });
    expect(allowed.has('80')).toBe(true);
  });

  it('allows IPs and CIDRs whole, not their octets as numbers', () => {
    const allowed = allowedFills({ question: 'curl 10.96.0.10 from 10.16.0.0/16 fails', docs: ['a.md'] });
    expect(allowed.has('10.96.0.10')).toBe(true);
    expect(allowed.has('10.16.0.0/16')).toBe(true);
    expect(allowed.has('10')).toBe(false);
    expect(allowed.has('96')).toBe(false);
  });
});

describe('computeAnswerMetrics', () => {
  const body = (lexical: 'ok' | 'over_budget') =>
    ({
      abstained: false,
      citations: [{ path: 'a.md' }],
      commands: [],
      structured: { kind: 'answer' },
      retrievers: {
        trigger: { hits: 1, took_ms: 0, status: 'ok' },
        lexical: { hits: 0, took_ms: 0, status: lexical },
      },
    }) as unknown as ChatBody;

  it('counts the answers that ran out of their time budget', () => {
    const question = { question: 'pod cannot reach node', docs: ['a.md'] };
    const { metrics } = computeAnswerMetrics([
      { question, body: body('ok') },
      { question, body: body('over_budget') },
    ]);
    expect(metrics.over_budget).toBe(1);
    expect(metrics.first_cited_right).toBe(1);
  });
});
