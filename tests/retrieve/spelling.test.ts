import { describe, expect, it } from 'vitest';
import {
  buildSpellingCorrector,
  editDistance,
  letterDistance,
  typoLike,
} from '../../src/retrieve/spelling.js';

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
  it('fixes the same words of a question however often it was asked before (a remembered fix counts too)', () => {
    const fresh = buildSpellingCorrector(
      new Map([
        ['kubectl', 50],
        ['coredns', 20],
        ['geneve', 5],
      ]),
    );
    const question = 'kubeclt coredsn genve';
    const first = fresh.correct(question, 1);
    expect(first).toBe('kubectl coredsn genve');
    expect(fresh.correct(question, 1)).toBe(first);
    expect(fresh.correct(question, 1)).toBe(first);
    expect(fresh.correct(question)).toBe('kubectl coredns geneve');
    expect(fresh.correct(question, 1)).toBe(first);
  });

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
    // `route` (a letter swapped for another) is no typo-like edit: the vowel left out of `routes` is.
    expect(corrector.correct('routs')).toBe('routes');
    const byDistance = buildSpellingCorrector(
      new Map([
        ['abcdefgh', 1],
        ['bacdefhg', 1000],
      ]),
    );
    expect(byDistance.correct('abcdefhg')).toBe('abcdefgh');
  });

  it('does not touch parts of file names, IPs or technical tokens', () => {
    expect(corrector.correct('kubeclt.yaml')).toBe('kubeclt.yaml');
    expect(corrector.correct('10.0.0.1.coredsn')).toBe('10.0.0.1.coredsn');
    expect(corrector.correct('coredsn_1')).toBe('coredsn_1');
  });

  it('leaves words without a close candidate alone', () => {
    expect(corrector.correct('calico')).toBe('calico');
  });

  it('leaves a real word the KB lacks alone instead of turning it into a KB word a letter away', () => {
    const kb = buildSpellingCorrector(
      new Map([
        ['stat', 9],
        ['container', 30],
        ['conflist', 4],
        ['kube-sep', 6],
        ['provider', 5],
        ['masquerade', 7],
        ['flannel', 40],
        ['kube-ovn', 50],
      ]),
    );
    // Real reports (reports8, questions.yaml): a product, a verb, a config word the KB never uses.
    expect(kb.correct('i deploy kube-vip by static pod in 3 master nodes')).toBe(
      'i deploy kube-vip by static pod in 3 master nodes',
    );
    expect(kb.correct('containerd restarted and the pod cannot start')).toBe(
      'containerd restarted and the pod cannot start',
    );
    expect(kb.correct('ip conflict when kube-ovn-controller restart')).toBe(
      'ip conflict when kube-ovn-controller restart',
    );
    expect(kb.correct('containerd 重启后 pod 起不来，conflict 报错')).toBe(
      'containerd 重启后 pod 起不来，conflict 报错',
    );
    // Slips and endings still fold to the KB's word.
    expect(kb.correct('pod to external traffic is not masqueraded')).toBe(
      'pod to external traffic is not masquerade',
    );
    expect(kb.correct('flanel集群跨节点pod不通')).toBe('flannel集群跨节点pod不通');
    expect(kb.correct('kubeovn升级后coredns起不来')).toBe('kube-ovn升级后coredns起不来');
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

describe('typoLike', () => {
  it('accepts swapped, doubled or dropped letters, hyphens and inner vowels', () => {
    expect(typoLike('kubeclt', 'kubectl', 1)).toBe(true);
    expect(typoLike('metalb', 'metallb', 1)).toBe(true);
    expect(typoLike('kubedns', 'kube-dns', 1)).toBe(true);
    expect(typoLike('genve', 'geneve', 1)).toBe(true);
    expect(typoLike('kubrenetse', 'kubernetes', 2)).toBe(true);
    expect(typoLike('rejected', 'reject', 2)).toBe(true);
  });

  it('rejects another letter, a changed ending, or a rewritten part of a name', () => {
    expect(typoLike('start', 'stat', 1)).toBe(false);
    expect(typoLike('conflict', 'conflist', 2)).toBe(false);
    expect(typoLike('containerd', 'container', 2)).toBe(false);
    expect(typoLike('kube-vip', 'kube-sep', 2)).toBe(false);
    expect(typoLike('provide', 'provider', 1)).toBe(false);
    expect(typoLike('checkout', 'checksum', 2)).toBe(false);
  });
});
