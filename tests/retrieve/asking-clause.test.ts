/**
 * A clause that asks is not a clause saying something works (src/retrieve/asking-clause.ts), so its subject keeps
 * its full weight in the query (splitWorking in src/retrieve/query.ts).
 */
import { describe, expect, it } from 'vitest';
import { asksInClause } from '../../src/retrieve/asking-clause.js';
import { normalizeText } from '../../src/retrieve/normalize.js';
import { splitWorking } from '../../src/retrieve/query.js';

describe('asksInClause', () => {
  it.each([
    // Real (facts2.yaml): the subject of the question is a setting whose name says "reachable".
    '大佬,这个calico reachable ip address是啥',
    // Constructed: asking whether a path works, in Chinese and in English.
    'pod 能访问 service 吗',
    'pod 能不能访问节点上的 6443',
    'what is the reachable address calico picks for bgp',
    'is it ok to run two coredns replicas on one node',
    'which interface is reachable from the other nodes',
  ])('%s', (clause) => {
    expect(asksInClause(clause)).toBe(true);
  });

  it.each([
    // Constructed: statements that something works, and a failure.
    '节点上 curl clusterip 是通的',
    'same-node traffic works fine',
    'the node can ping the pod ip',
    'pod 里访问正常',
    'ping from the master is ok',
    'dns lookups of kubernetes.default time out',
  ])('not: %s', (clause) => {
    expect(asksInClause(clause)).toBe(false);
  });
});

describe('splitWorking with a question', () => {
  it('keeps a question about a "reachable" setting in the failing part', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('这个calico reachable ip address是啥？可以自定义吗？'),
    );
    expect(focus).toContain('reachable ip address');
    expect(workingClauses).toEqual([]);
  });

  it('still reads a stated working path as working', () => {
    const { focus, workingClauses } = splitWorking(
      normalizeText('节点上 curl clusterIP 是通的，pod 里访问超时'),
    );
    expect(workingClauses).toEqual(['节点上curl clusterip是通的']);
    expect(focus).toContain('超时');
  });
});
