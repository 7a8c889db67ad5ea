import { describe, expect, it } from 'vitest';
import { foldText, isHan, normalizeText, normalizeWithWord } from '../../src/retrieve/normalize.js';

describe('foldText', () => {
  it('turns full-width characters into half-width ones (NFKC)', () => {
    expect(foldText('ＯＶＳ　ｂｒ－ｉｎｔ')).toBe('ovs br-int');
    expect(foldText('１００．６４．０．０／１６')).toBe('100.64.0.0/16');
  });

  it('folds case', () => {
    expect(foldText('CoreDNS Kube-OVN')).toBe('coredns kube-ovn');
  });

  it('converts traditional Chinese to simplified, including Taiwan phrases', () => {
    expect(foldText('網路')).toBe('网络');
    expect(foldText('節點')).toBe('节点');
    expect(foldText('叢集')).toBe('集群');
    expect(foldText('伺服器')).toBe('服务器');
  });

  it('leaves spacing untouched', () => {
    expect(foldText('  join \t 网络 ')).toBe('  join \t 网络 ');
  });
});

describe('normalizeText', () => {
  it('collapses and trims whitespace', () => {
    expect(normalizeText('  kube-ovn \t\n  pod  ')).toBe('kube-ovn pod');
  });

  it('removes spaces next to Chinese characters but keeps them between Latin words', () => {
    expect(normalizeText('join 网络')).toBe('join网络');
    expect(normalizeText('join 网络')).toBe(normalizeText('join网络'));
    expect(normalizeText('网络 不通')).toBe('网络不通');
    expect(normalizeText('Pod  之間 網路 不通')).toBe('pod之间网络不通');
    expect(normalizeText('br int')).toBe('br int');
  });

  it('applies full-width, case and traditional folding too', () => {
    expect(normalizeText('ＯＶＳ　ｂｒ－ｉｎｔ　網路')).toBe('ovs br-int网络');
  });

  it('is idempotent', () => {
    const samples = [
      'ＯＶＳ　ｂｒ－ｉｎｔ',
      ' 跨節點 Pod 之間 網路不通 ',
      'join\t\t网络',
      'kubectl-ko  nbctl show',
      '伺服器 ｓｖｃ',
    ];
    for (const sample of samples) {
      const once = normalizeText(sample);
      expect(normalizeText(once)).toBe(once);
      expect(foldText(foldText(sample))).toBe(foldText(sample));
    }
  });
});

describe('isHan', () => {
  it('recognizes Chinese characters only', () => {
    expect(isHan('网')).toBe(true);
    expect(isHan('網')).toBe(true);
    expect(isHan('a')).toBe(false);
    expect(isHan('ｂ')).toBe(false);
    expect(isHan('，')).toBe(false);
  });
});

describe('normalizeWithWord', () => {
  it('equals normalizing the text with the word appended', () => {
    const texts = [
      'Pod 跨节点 ping 不通',
      'geneve 隧道不通，跨節點網路',
      'DNS lookups time out  ',
      '  ',
      '',
      'ＯＶＳ　ｂｒ－ｉｎｔ',
      'ΟΔΟΣ',
      '节点之间不通\n',
    ];
    for (const text of texts)
      for (const word of ['calico', 'kube-ovn', 'ovn-kubernetes', '网络', 'Cilium'])
        expect(normalizeWithWord(text, word)).toBe(normalizeText(`${text} ${word}`));
  });
});
