import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { tokenize } from '../../src/retrieve/tokenize.js';

const tokensOf = (text: string) => tokenize(normalizeText(text));
const isHanToken = (token: string) => /^\p{Script=Han}+$/u.test(token);

describe('tokenize: Chinese', () => {
  // A tokenizer that leaves whole Chinese clauses as single tokens silently turns hybrid into vector-only.
  it('segments a Chinese clause into short words with jieba', () => {
    const tokens = tokensOf('跨节点的pod之间网络不通');
    expect(tokens).toEqual(expect.arrayContaining(['节点', 'pod', '之间', '网络', '不通']));
    expect(tokens).not.toContain('之间网络不通');
    expect(tokens).not.toContain('跨节点的');
    expect(tokens.filter(isHanToken).length).toBeGreaterThanOrEqual(4);
  });

  it('never keeps a long all-Chinese clause as one token', () => {
    const clause = '集群内部服务之间的域名解析总是超时';
    const tokens = tokensOf(clause);
    expect(tokens).toEqual(expect.arrayContaining(['集群', '服务', '域名', '解析', '超时']));
    expect(tokens).not.toContain(clause);
    for (const token of tokens) expect(token.length).toBeLessThanOrEqual(4);
  });

  it('splits Chinese from adjacent Latin', () => {
    expect(tokensOf('pod不通')).toEqual(['pod', '不通']);
  });

  it('adds overlapping bigrams only when asked', () => {
    expect(tokenize('跨节点网络', { cjkBigrams: true })).toContain('点网');
    expect(tokenize('跨节点网络')).not.toContain('点网');
  });
});

describe('tokenize: technical tokens', () => {
  it('keeps interface names whole', () => {
    expect(tokensOf('ovn0')).toEqual(['ovn0']);
    expect(tokensOf('genev_sys_6081')).toEqual(['genev_sys_6081', 'genev', 'sys', '6081']);
  });

  it('keeps hyphenated names whole and also emits their parts', () => {
    expect(tokensOf('br-int')).toEqual(['br-int', 'br', 'int']);
    expect(tokensOf('kubectl-ko')).toEqual(['kubectl-ko', 'kubectl', 'ko']);
  });

  it('keeps CIDRs, IPs and ports whole', () => {
    expect(tokensOf('100.64.0.0/16')).toEqual(['100.64.0.0/16', '100.64', '100.64.0.0', '16']);
    expect(tokensOf('10.16.0.5')).toEqual(['10.16.0.5']);
  });

  it('names a CIDR of /16 or longer by its /16 network too, as a range is named in speech (the 100.64 range)', () => {
    expect(tokensOf('10.244.1.0/24')).toContain('10.244');
    expect(tokensOf('10.0.0.0/8')).not.toContain('10.0');
    expect(tokensOf('100.64 网段')).toContain('100.64');
    expect(tokensOf('6443')).toEqual(['6443']);
    expect(tokensOf('apiserver:6443')).toEqual(['apiserver:6443', 'apiserver', '6443']);
  });

  it('splits domain names into labels but keeps IPs whole', () => {
    expect(tokensOf('kubernetes.default.svc')).toEqual([
      'kubernetes.default.svc',
      'kubernetes',
      'default',
      'svc',
    ]);
    expect(tokensOf('10.96.0.10')).toEqual(['10.96.0.10']);
  });

  it('drops one-character parts', () => {
    expect(tokensOf('k8s-x')).toEqual(['k8s-x', 'k8s']);
  });

  it('handles full-width technical tokens once normalized', () => {
    expect(tokensOf('ＢＲ－ＩＮＴ')).toEqual(['br-int', 'br', 'int']);
  });
});

describe('tokenize: stop words', () => {
  it('drops Chinese and English stop words', () => {
    expect(tokensOf('the pod is 超时了')).toEqual(['pod', '超时']);
    const tokens = tokensOf('为什么节点的网络不通了');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('了');
    expect(tokens).not.toContain('为什么');
  });

  it('keeps English contractions as one token and drops them as stop words', () => {
    const tokens = tokensOf("pods can't reach");
    expect(tokens).toEqual(expect.arrayContaining(['pods', 'reach']));
    for (const stray of ['t', 'can', "can't"]) expect(tokens).not.toContain(stray);
  });

  it('treats a typographic apostrophe like a plain one', () => {
    expect(tokensOf('dns doesn’t resolve')).toEqual(['dns', 'resolve']);
  });
});

describe('tokenize: glossary groups', () => {
  const glossary = compileGlossary([{ terms: ['网络', 'network'] }, { terms: ['dns', '域名解析'] }]);

  it('adds a g<n> token for each glossary group found', () => {
    expect(tokenize(normalizeText('Network 不通'), { glossary })).toContain('g0');
    expect(tokenize(normalizeText('網路不通'), { glossary })).toContain('g0');
    expect(tokenize(normalizeText('域名解析超时'), { glossary })).toEqual(expect.arrayContaining(['g1']));
    expect(tokenize(normalizeText('域名解析超时'), { glossary })).not.toContain('g0');
  });

  it('adds no group tokens without a glossary', () => {
    expect(tokensOf('network dns').some((token) => /^g\d+$/.test(token))).toBe(false);
  });
});

describe('tokenize possessives', () => {
  it("reads pod's as pod", () => {
    expect(tokenize("the pod's ip")).toContain('pod');
    expect(tokenize('the pod’s ip')).not.toContain("pod's");
  });
});
