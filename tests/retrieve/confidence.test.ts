/** The lexical confidence signals and their normalisation to the KB's size (issue 17). */
import { describe, expect, it } from 'vitest';
import { highestIdf, kbSizeRatio, lexicalSignals } from '../../src/retrieve/confidence.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';

const CONFIG = {
  fullScore: 100,
  fullCoverage: 0.5,
  topicWeight: 2,
  referenceChunks: 200,
  scaleExponent: 1.5,
  topicScaleExponent: 1,
};

describe('kbSizeRatio', () => {
  it('is 1 for a KB no larger than the reference', () => {
    expect(kbSizeRatio(200, 200)).toBe(1);
    expect(kbSizeRatio(200, 10)).toBe(1);
    expect(kbSizeRatio(200, 0)).toBe(1);
  });

  it('is the ratio of the highest IDFs for a larger KB, smaller the larger the KB', () => {
    expect(kbSizeRatio(200, 5000)).toBeCloseTo(highestIdf(200) / highestIdf(5000), 12);
    expect(kbSizeRatio(200, 5000)).toBeLessThan(1);
    expect(kbSizeRatio(200, 50_000)).toBeLessThan(kbSizeRatio(200, 5000));
  });
});

describe('lexicalSignals', () => {
  const evidence = { score: 40, coverage: 0.25, topicCoverage: 0.3, chunks: 200 };

  it('at the reference size: strength × coverage share, and strength × topic weight × topic coverage', () => {
    const signals = lexicalSignals(evidence, CONFIG);
    expect(signals.lexical_coverage).toBeCloseTo(0.4 * 0.5, 12);
    expect(signals.lexical_topic).toBeCloseTo(0.4 * 2 * 0.3, 12);
    // A smaller KB is not scaled up.
    expect(lexicalSignals({ ...evidence, chunks: 20 }, CONFIG)).toEqual(signals);
  });

  it('in a larger KB scales the score by the size ratio^scaleExponent, topic coverage by ^topicScaleExponent', () => {
    const ratio = kbSizeRatio(200, 20_000);
    const signals = lexicalSignals({ ...evidence, chunks: 20_000 }, CONFIG);
    const strength = 0.4 * ratio ** 1.5;
    expect(signals.lexical_coverage).toBeCloseTo(strength * 0.5, 12);
    expect(signals.lexical_topic).toBeCloseTo(strength * 2 * 0.3 * ratio, 12);
    // Without the topic exponent the topic coverage itself is not scaled (only the score is).
    const unscaledTopic = lexicalSignals(
      { ...evidence, chunks: 20_000 },
      { ...CONFIG, topicScaleExponent: 0 },
    );
    expect(unscaledTopic.lexical_coverage).toBe(signals.lexical_coverage);
    expect(unscaledTopic.lexical_topic).toBeCloseTo(strength * 2 * 0.3, 12);
    expect(signals.lexical_topic).toBeLessThan(unscaledTopic.lexical_topic);
  });

  it('caps both signals at 1; no coverage function counts as full coverage, no topic function as none', () => {
    const strong = lexicalSignals({ score: 1000, coverage: 0.9, topicCoverage: 0.9, chunks: 200 }, CONFIG);
    expect(strong).toEqual({ lexical_coverage: 1, lexical_topic: 1 });
    const bare = lexicalSignals({ score: 50, coverage: null, topicCoverage: null, chunks: 200 }, CONFIG);
    expect(bare).toEqual({ lexical_coverage: 0.5, lexical_topic: 0 });
  });

  it('the shipped config scales topic coverage in a larger KB and leaves the reference size alone', () => {
    const shipped = RETRIEVAL_CONFIG.lexicalConfidence;
    const at = (chunks: number) =>
      lexicalSignals({ score: 30, coverage: 0.4, topicCoverage: 0.3, chunks }, shipped).lexical_topic;
    expect(shipped.topicScaleExponent).toBeGreaterThan(0);
    expect(at(shipped.referenceChunks)).toBe(at(1));
    expect(at(shipped.referenceChunks * 100)).toBeLessThan(at(shipped.referenceChunks));
  });
});
