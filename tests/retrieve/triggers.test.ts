import { describe, expect, it } from 'vitest';
import type { Chunk, DocRecord } from '../../src/core/types.js';
import { RETRIEVAL_CONFIG } from '../../src/retrieve/config.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import type { AnalyzedQuery } from '../../src/retrieve/query.js';
import {
  buildTriggerTable,
  matchForm,
  matchQueryTriggers,
  matchTriggers,
} from '../../src/retrieve/triggers.js';

function doc(path: string, triggers: string[]): DocRecord {
  const chunk: Chunk = {
    id: `${path}#0`,
    path,
    title: path,
    headingPath: [],
    lines: [1, 1],
    kind: 'section',
    text: '',
    weight: 1,
  };
  const meta = { title: path, category: null, priority: 0, triggers, extra: {} };
  return { ...meta, path, hash: '', chunks: [chunk], commands: [], troubleshooting: [], findings: [] };
}

const noGlossary = compileGlossary([]);

function hits(docs: DocRecord[], question: string, glossary = noGlossary) {
  const table = buildTriggerTable(docs, glossary, RETRIEVAL_CONFIG);
  return matchTriggers(table, question, glossary, RETRIEVAL_CONFIG);
}

const paths = (list: ReturnType<typeof hits>) => list.map((hit) => hit.docPath);

describe('matchTriggers', () => {
  it('matches traditional, full-width, upper-case and differently spaced variants', () => {
    const docs = [doc('a.md', ['跨节点 网络不通']), doc('b.md', ['ovs br-int'])];
    expect(paths(hits(docs, '跨節點網路不通'))).toEqual(['a.md']);
    expect(paths(hits(docs, 'Pod 跨节点  网络 不通怎么办'))).toEqual(['a.md']);
    expect(paths(hits(docs, 'ＯＶＳ　ＢＲ－ＩＮＴ 丢包'))).toEqual(['b.md']);
    expect(paths(hits(docs, 'OVS br_int'))).toEqual(['b.md']);
    expect(paths(hits(docs, 'ovs   br int'))).toEqual(['b.md']);
  });

  it('reports the triggers as written', () => {
    expect(hits([doc('a.md', ['跨节点 网络不通'])], '跨節點網路不通')[0]?.matched).toEqual([
      '跨节点 网络不通',
    ]);
  });

  it('scores longer triggers higher', () => {
    const result = hits([doc('short.md', ['dns']), doc('long.md', ['dns 超时'])], 'DNS 超时了');
    expect(paths(result)).toEqual(['long.md', 'short.md']);
    expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? Infinity);
  });

  it('scores a trigger shared by two docs lower than a unique one', () => {
    const docs = [doc('a.md', ['域名解析']), doc('b.md', ['域名解析']), doc('c.md', ['解析超时'])];
    const result = hits(docs, '域名解析超时');
    expect(result[0]?.docPath).toBe('c.md');
    const shared = result.find((hit) => hit.docPath === 'a.md')?.score ?? 0;
    expect(shared).toBeCloseTo((result[0]?.score ?? 0) / Math.sqrt(2));
  });

  it('adds a bonus for each further trigger of the same doc', () => {
    const one = hits([doc('a.md', ['解析超时', 'coredns'])], '解析超时');
    const two = hits([doc('a.md', ['解析超时', 'coredns'])], 'coredns 解析超时');
    expect(two[0]?.score).toBeGreaterThan(one[0]?.score ?? Infinity);
    expect(two[0]?.matched).toEqual(['解析超时', 'coredns']);
  });

  it('does not match a Latin trigger inside a longer Latin word', () => {
    const docs = [doc('ovn.md', ['ovn'])];
    expect(hits(docs, 'ovn0 网卡不存在')).toEqual([]);
    expect(hits(docs, 'kube-ovn0')).toEqual([]);
    expect(paths(hits(docs, 'ovn 网卡不存在'))).toEqual(['ovn.md']);
    expect(paths(hits(docs, 'ovn-controller 重启'))).toEqual(['ovn.md']);
  });

  it('returns nothing when no trigger matches', () => {
    expect(hits([doc('a.md', ['coredns'])], 'calico bgp')).toEqual([]);
  });

  it('ignores triggers that normalize to nothing', () => {
    const table = buildTriggerTable([doc('a.md', ['  ', '-'])], noGlossary, RETRIEVAL_CONFIG);
    expect(table.entries).toEqual([]);
  });

  describe('with a glossary', () => {
    const glossary = compileGlossary([{ terms: ['网络', 'network'] }]);

    it('matches a trigger through its synonym', () => {
      const docs = [doc('a.md', ['网络不通'])];
      expect(paths(hits(docs, 'network 不通', glossary))).toEqual(['a.md']);
      expect(paths(hits(docs, '網路不通', glossary))).toEqual(['a.md']);
      expect(hits(docs, 'network 不通')).toEqual([]);
    });

    it('matches a synonym written in another script regardless of spacing', () => {
      // normalizeText drops the space next to 网络 but keeps it after `network`: the forms must still meet.
      expect(paths(hits([doc('a.md', ['network unreachable'])], '网络 unreachable', glossary))).toEqual([
        'a.md',
      ]);
      expect(paths(hits([doc('b.md', ['网络 timeout'])], 'network timeout', glossary))).toEqual(['b.md']);
    });

    it('reads an article between two glossary terms as the bare words of a trigger', () => {
      const words = compileGlossary([
        { terms: ['外网', 'outside world', 'internet'] },
        { terms: ['访问不了', 'cannot access'] },
        { terms: ['服务', 'service'] },
      ]);
      const docs = [doc('egress.md', ['访问不了外网'])];
      expect(paths(hits(docs, 'pods cannot access the outside world', words))).toEqual(['egress.md']);
      expect(paths(hits(docs, 'pods cannot access an internet', words))).toEqual(['egress.md']);
      expect(matchForm('cannot access the outside world', words)).toBe(matchForm('访问不了外网', words));
      // Only between two terms: an article before a word outside the glossary, or a copula, stays.
      expect(hits([doc('a.md', ['访问不了 dashboard'])], 'cannot access the dashboard', words)).toEqual([]);
      expect(hits([doc('b.md', ['服务访问不了'])], 'the service is cannot access', words)).toEqual([]);
      // Not inside a word: "then" and "theory" are not "the".
      expect(hits(docs, 'cannot access then outside world', words)).toEqual([]);
    });

    // Groups 0..11: `g1` is a prefix of `g10` and `g11`, so a form opening with one group must not match another.
    const many = compileGlossary([
      { terms: ['网络', 'network'] },
      { terms: ['超时', 'timeout'] },
      { terms: ['节点', 'node'] },
      { terms: ['防火墙', 'firewall'] },
      { terms: ['服务', 'service'] },
      { terms: ['隧道', 'tunnel'] },
      { terms: ['路由', 'route'] },
      { terms: ['网关', 'gateway'] },
      { terms: ['网卡', 'nic'] },
      { terms: ['丢包', 'packet loss'] },
      { terms: ['端口', 'port'] },
      { terms: ['解析', 'resolve'] },
    ]);

    it('matches triggers that open with a glossary term among many glossary terms of the question', () => {
      const docs = [
        doc('timeout.md', ['timeout 之后重试']),
        doc('port.md', ['port 被占用']),
        doc('resolve.md', ['解析失败']),
        doc('route.md', ['route 缺失']),
      ];
      const question =
        'The service on node-3 times out through the tunnel: firewall and gateway look fine, the nic shows ' +
        'packet loss, 路由正常, 超时之后重试也不行, and the port 被占用 by another pod.';
      expect(paths(hits(docs, question, many)).sort()).toEqual(['port.md', 'timeout.md']);
      // The same group at several places: any of them may start the trigger.
      expect(paths(hits(docs, '超时了, 网络超时, 超时之后重试', many))).toEqual(['timeout.md']);
      expect(hits(docs, '超时 超时 超时 之后 port 没有被占用', many)).toEqual([]);
    });
  });
});

describe('matchQueryTriggers', () => {
  const docs = [doc('cross.md', ['跨节点']), doc('same.md', ['同节点']), doc('dns.md', ['coredns'])];
  const table = buildTriggerTable(docs, noGlossary, RETRIEVAL_CONFIG);
  const query = (focus: string, working: string): AnalyzedQuery => ({
    text: [focus, working].filter(Boolean).join(', '),
    focus,
    working,
    terms: new Map(),
    headline: null,
  });
  const match = (q: AnalyzedQuery) => matchQueryTriggers(table, q, noGlossary, RETRIEVAL_CONFIG);

  it('scores triggers of working-path clauses down', () => {
    const hits = match(query('跨节点不通', '同节点是通的'));
    expect(paths(hits)).toEqual(['cross.md', 'same.md']);
    expect(hits[1]?.score).toBeCloseTo((hits[0]?.score ?? 0) * RETRIEVAL_CONFIG.query.workingPathWeight);
  });

  it('keeps the full score of a doc the failing part names too', () => {
    const hits = match(query('coredns 跨节点不通', '跨节点 coredns 是通的'));
    const direct = matchTriggers(table, 'coredns 跨节点不通', noGlossary, RETRIEVAL_CONFIG);
    expect(hits).toEqual(direct);
  });

  it('is plain trigger matching on the focus when nothing is contrasted', () => {
    const focus = '跨节点 coredns 超时';
    expect(match(query(focus, ''))).toEqual(matchTriggers(table, focus, noGlossary, RETRIEVAL_CONFIG));
  });

  it('scores a doc whose triggers fire only in the body of a long report down, not one the headline names', () => {
    const text = '跨节点不通. 抓包看到 coredns 的包';
    const hits = match({ ...query(text, ''), headline: '跨节点不通' });
    const plain = matchTriggers(table, text, noGlossary, RETRIEVAL_CONFIG);
    const score = (list: typeof hits, path: string) => list.find((hit) => hit.docPath === path)?.score ?? 0;
    expect(score(hits, 'cross.md')).toBeCloseTo(score(plain, 'cross.md'));
    expect(score(hits, 'dns.md')).toBeCloseTo(score(plain, 'dns.md') * RETRIEVAL_CONFIG.query.bodyWeight);
  });
});
