import { describe, expect, it } from 'vitest';
import { buildSpellingCorrector, editDistance, letterDistance } from '../../src/retrieve/spelling.js';

const corrector = buildSpellingCorrector(
  new Map([
    ['kubectl', 50],
    ['coredns', 20],
    ['geneve', 5],
    ['kubernetes', 3],
    ['node', 40],
    ['nodes', 30],
    ['route', 10],
    ['routes', 2],
    ['router', 1],
  ]),
);

describe('buildSpellingCorrector', () => {
  it('fixes transposed letters', () => {
    expect(corrector.correct('kubeclt get pods')).toBe('kubectl get pods');
    expect(corrector.correct('coredsn 超时')).toBe('coredns 超时');
  });

  it('fixes a missing letter in a five-letter word', () => {
    expect(corrector.correct('genve 隧道')).toBe('geneve 隧道');
  });

  it('leaves words shorter than five letters alone', () => {
    expect(corrector.correct('ndoe')).toBe('ndoe');
    expect(corrector.correct('genv')).toBe('genv');
  });

  it('leaves known words alone even when a more frequent word is one edit away', () => {
    expect(corrector.correct('router')).toBe('router');
  });

  it('allows one edit below eight letters and two from eight letters on', () => {
    expect(corrector.correct('kuebclt')).toBe('kuebclt');
    expect(corrector.correct('kubrenetse')).toBe('kubernetes');
  });

  it('prefers the closest candidate, then the most frequent one', () => {
    expect(corrector.correct('routs')).toBe('route');
    const byDistance = buildSpellingCorrector(
      new Map([
        ['abcdefgh', 1],
        ['abcdefxy', 1000],
      ]),
    );
    expect(byDistance.correct('abcdefgx')).toBe('abcdefgh');
  });

  it('does not touch parts of file names, IPs or technical tokens', () => {
    expect(corrector.correct('kubeclt.yaml')).toBe('kubeclt.yaml');
    expect(corrector.correct('10.0.0.1.coredsn')).toBe('10.0.0.1.coredsn');
    expect(corrector.correct('coredsn_1')).toBe('coredsn_1');
  });

  it('leaves words without a close candidate alone', () => {
    expect(corrector.correct('calico')).toBe('calico');
  });

  it('fixes each misspelled word of a question', () => {
    expect(corrector.correct('kubeclt logs coredsn')).toBe('kubectl logs coredns');
  });
});

describe('editDistance', () => {
  it('is zero for equal strings', () => {
    expect(editDistance('kubectl', 'kubectl', 2)).toBe(0);
    expect(editDistance('', '', 0)).toBe(0);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('kubectl', 'kubeclt', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('genve', 'geneve', 2)).toBe(1);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('stops at limit + 1', () => {
    expect(editDistance('aaaaaa', 'bbbbbb', 1)).toBe(2);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });
});

describe('spelling work per word', () => {
  it('checks at most maxChecks words of the vocabulary per unknown word', () => {
    const vocabulary = new Map([
      ['kubectl', 1],
      ['kubeadm', 1],
    ]);
    expect(buildSpellingCorrector(vocabulary, 0).correct('kubeclt')).toBe('kubeclt');
    expect(buildSpellingCorrector(vocabulary, 1).correct('kubeclt')).toBe('kubectl');
  });

  it('does not spend checks on words whose letters are too different', () => {
    // Seven words of the same bucket differ in two letters or more: only `kubectl` reaches the one check.
    const vocabulary = new Map(
      ['kaaaaaa', 'kbbbbbb', 'kcccccc', 'kdddddd', 'keeeeee', 'kffffff', 'kgggggg', 'kubectl'].map(
        (word) => [word, 1] as const,
      ),
    );
    expect(buildSpellingCorrector(vocabulary, 1).correct('kubeclt')).toBe('kubectl');
  });
});

describe('letterDistance', () => {
  const countsOf = (word: string) => {
    const counts = new Int32Array(27);
    for (const char of word) {
      const slot = char === '-' ? 26 : char.charCodeAt(0) - 97;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    return counts;
  };

  it('is a lower bound of the edit distance and leaves the counts unchanged', () => {
    const pairs: Array<[string, string]> = [
      ['kubectl', 'kubeclt'],
      ['genve', 'geneve'],
      ['kitten', 'sitting'],
      ['br-int', 'brint'],
      ['aaaaaa', 'bbbbbb'],
    ];
    for (const [a, b] of pairs) {
      const counts = countsOf(a);
      expect(letterDistance(counts, b)).toBeLessThanOrEqual(editDistance(a, b, 10));
      expect(counts).toEqual(countsOf(a));
    }
    expect(letterDistance(countsOf('kubectl'), 'kubeclt')).toBe(0);
    expect(letterDistance(countsOf('aaaaaa'), 'bbbbbb')).toBe(6);
  });
});
