import { describe, expect, it } from 'vitest';
import {
  boundedDistance,
  buildBigramIndex,
  FuzzyDictionary,
  MAX_BIGRAM_TERMS,
  skippedBigrams,
  updateBigramIndex,
} from '../../src/retrieve/fuzzy-terms.js';

describe('skippedBigrams', () => {
  it('skips the longest lists past the limit while the bar stays above 0', () => {
    const lists = [
      { times: 1, length: 10 },
      { times: 1, length: 9000 },
      { times: 2, length: 5000 },
      { times: 1, length: 100 },
    ];
    expect(skippedBigrams(lists, 5, 4096)).toEqual({ lists: new Set([1, 2]), weight: 3 });
    // A bar of 3 allows skipping only the longest (weight 1): the next (weight 2) would bring it to 0.
    expect(skippedBigrams(lists, 3, 4096)).toEqual({ lists: new Set([1]), weight: 1 });
    expect(skippedBigrams(lists, 1, 4096)).toEqual({ lists: new Set(), weight: 0 });
    expect(skippedBigrams(lists, 5, 20_000)).toEqual({ lists: new Set(), weight: 0 });
  });
});

describe('FuzzyDictionary.near', () => {
  it('finds exactly the terms a check of every term finds, also when common bigrams are skipped', () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const letters = 'aeinorst';
    // Far more terms share `er` and `in` than MAX_BIGRAM_TERMS: their lists are skipped.
    const terms = [
      ...new Set(
        Array.from({ length: MAX_BIGRAM_TERMS * 2 }, () => {
          const word = Array.from({ length: 4 + Math.floor(next() * 6) }, () =>
            letters.charAt(Math.floor(next() * letters.length)),
          ).join('');
          return next() < 0.5 ? `${word}er` : `in${word}`;
        }),
      ),
    ].sort();
    const dictionary = new FuzzyDictionary(terms, buildBigramIndex(terms));
    for (const word of ['interstate', 'retriever', 'inserter', 'orientation', 'sentinel', 'transistor']) {
      for (const maxDistance of [1, 2]) {
        const expected = terms
          .map((term, index) => ({ index, distance: boundedDistance(word, term, maxDistance) }))
          .filter(({ distance }) => distance <= maxDistance);
        expect(dictionary.near(word, maxDistance)).toEqual(expected);
      }
    }
  });

  it('answers a word again as it did the first time, per distance', () => {
    const terms = ['calico', 'callico', 'cilium', 'flannel', 'flannels', 'flanel'].sort();
    const dictionary = new FuzzyDictionary(terms, buildBigramIndex(terms));
    const ids = (word: string, distance: number) =>
      dictionary.near(word, distance).map(({ index }) => terms[index]);
    expect(ids('flannel', 1)).toEqual(['flanel', 'flannel', 'flannels']);
    expect(ids('calicoo', 1)).toEqual(['calico']);
    expect(ids('calicoo', 2)).toEqual(['calico', 'callico']);
    // The same words again: the remembered answers, not each other's.
    expect(ids('calicoo', 1)).toEqual(['calico']);
    expect(ids('flannel', 1)).toEqual(['flanel', 'flannel', 'flannels']);
    expect(ids('calicoo', 2)).toEqual(['calico', 'callico']);
  });
});

describe('updateBigramIndex', () => {
  it('equals a fresh build of the new dictionary, whatever terms came and went', () => {
    let seed = 23;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const word = () =>
      Array.from({ length: 1 + Math.floor(next() * 6) }, () => 'abcdeΩ网络'[Math.floor(next() * 9)]).join('');
    for (let round = 0; round < 20; round++) {
      const before = [...new Set(Array.from({ length: 200 }, word))].sort();
      // Keep some, drop the rest, add new ones (some new bigrams among them), then renumber as the postings do.
      const kept = before.filter(() => next() > 0.2);
      const added = [
        ...new Set(Array.from({ length: 1 + Math.floor(next() * 30) }, () => `${word()}zq`)),
      ].filter((term) => !kept.includes(term));
      const after = [...new Set([...kept, ...added])].sort();
      const oldToNew = Int32Array.from(before, (term) => (kept.includes(term) ? after.indexOf(term) : -1));
      const newToOld = after.map((term) => (kept.includes(term) ? before.indexOf(term) : -1));
      expect(updateBigramIndex(buildBigramIndex(before), after, oldToNew, newToOld)).toEqual(
        buildBigramIndex(after),
      );
    }
    // Every term gone; every term new.
    const terms = ['pod', 'pods', 'dns'];
    expect(updateBigramIndex(buildBigramIndex(terms), [], Int32Array.from([-1, -1, -1]), [])).toEqual(
      buildBigramIndex([]),
    );
    expect(updateBigramIndex(buildBigramIndex([]), terms, new Int32Array(0), [-1, -1, -1])).toEqual(
      buildBigramIndex(terms),
    );
  });
});
