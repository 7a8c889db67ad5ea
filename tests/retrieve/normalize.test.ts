import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  convertInPieces,
  dictionaryUnits,
  foldText,
  isHan,
  normalizeText,
  normalizeWithWord,
} from '../../src/retrieve/normalize.js';

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

describe('convertInPieces', () => {
  const units = new Uint8Array(65536);
  for (const char of 'ab') units[char.charCodeAt(0)] = 1;
  const reverse = (text: string) => [...text].reverse().join('');

  it('converts the runs of dictionary characters and keeps the others as they are', () => {
    expect(convertInPieces('abxbaay', units, reverse, new Map())).toBe('baxaaby');
    expect(convertInPieces('xyz', units, reverse, new Map())).toBe('xyz');
    expect(convertInPieces('', units, reverse, new Map())).toBe('');
  });

  it('converts a piece met before from the map, and the whole text without units', () => {
    const pieces = new Map([['ab', 'Q']]);
    expect(convertInPieces('ab ab aab', units, reverse, pieces)).toBe('Q Q baa');
    expect(pieces.get('aab')).toBe('baa');
    expect(convertInPieces('ab ab', null, reverse, new Map())).toBe('ba ba');
  });

  it('converts a text with an ideographic description character whole', () => {
    expect(convertInPieces('ab⿰ab', units, reverse, new Map())).toBe('ba⿰ba');
  });

  // The same text as OpenCC converting it whole, on the KB's and the eval questions' text and on random runs of
  // dictionary keys and values of both scripts.
  const whole = OpenCC.Converter({ from: 'twp', to: 'cn' });
  const dictionary = dictionaryUnits();
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

  it('finds the dictionaries of the conversion', () => {
    expect(dictionary).not.toBeNull();
    // Simplified-only characters are in no key: texts split into pieces.
    expect(dictionary?.['网'.charCodeAt(0)]).toBe(0);
    expect(dictionary?.['網'.charCodeAt(0)]).toBe(1);
  });

  it('converts the KB and the eval questions as OpenCC does', () => {
    const files = [
      ...readdirSync(path.join(root, 'kb'), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(md|ya?ml)$/.test(file))
        .map((file) => path.join(root, 'kb', file)),
      ...readdirSync(path.join(root, 'tests/eval'))
        // The tuning sets only: no held-out set is read.
        .filter((file) => file.endsWith('.yaml') && !file.startsWith('heldout'))
        .map((file) => path.join(root, 'tests/eval', file)),
    ];
    let lines = 0;
    for (const file of files)
      for (const line of readFileSync(file, 'utf8').toLowerCase().split('\n')) {
        lines++;
        const text = `${line} 網路 叢集 節點 伺服器`;
        expect(convertInPieces(text, dictionary, whole, new Map())).toBe(whole(text));
      }
    expect(lines).toBeGreaterThan(1000);
  });

  it('converts random runs of dictionary words as OpenCC does', () => {
    const config = (OpenCC.Locale as unknown as { configs: Record<string, Record<string, unknown>> }).configs
      .tw2sp as Record<string, unknown>;
    const words = [config.conversionChain, config.segmentation, config.normalizationChain]
      .flat(3)
      .flatMap((dictionary) => String(dictionary).split('|'))
      .flatMap((entry) => entry.split(' '))
      .filter(Boolean);
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = new Map<string, string>();
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 10); k > 0; k--) {
        const word = words[Math.floor(next() * words.length)] ?? '';
        text += next() < 0.5 ? word : word.slice(Math.floor(next() * word.length));
        if (next() < 0.3) text += '网 a，络'[Math.floor(next() * 6)];
      }
      expect(convertInPieces(text, dictionary, whole, pieces)).toBe(whole(text));
    }
  });
});
