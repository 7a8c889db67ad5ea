import { describe, expect, it } from 'vitest';
import { foldWordVariants, singularOf } from '../../src/retrieve/variants.js';

/** A KB that knows these words and nothing else. */
const KNOWN = new Set([
  'pod',
  'node',
  'service',
  'policy',
  'address',
  'match',
  'timeout',
  'route',
  'masquerade',
  'block',
  'drop',
  'timed',
]);
const knows = (word: string) => KNOWN.has(word);
const fold = (text: string) => foldWordVariants(text, knows);

describe('foldWordVariants', () => {
  it("folds minion, Kubernetes' old name for a node, to node (English and Chinese reports)", () => {
    expect(fold("networking between pods on different minions doesn't work")).toBe(
      "networking between pod on different node doesn't work",
    );
    expect(fold('cannot ping pods on the minion')).toBe('cannot ping pod on the node');
    expect(fold('minion节点上的 pod 无法访问')).toBe('node节点上的 pod 无法访问');
  });

  it('keeps a minion that names one node (minion1, minion-3, k8s-minion, a path)', () => {
    expect(fold('nodeport is visible on minion1 and minion-3')).toBe(
      'nodeport is visible on minion1 and minion-3',
    );
    expect(fold('k8s-minion and /etc/minion are fine')).toBe('k8s-minion and /etc/minion are fine');
  });

  it('folds plurals to the singular the KB knows (-s, -ies, -es)', () => {
    expect(fold('pods on different nodes cannot reach services')).toBe(
      'pod on different node cannot reach service',
    );
    expect(fold('network policies and addresses')).toBe('network policy and address');
    expect(fold('timeouts on all routes')).toBe('timeout on all route');
  });

  it('leaves words alone whose singular the KB does not know, and -ss / -us / -is words', () => {
    expect(fold('kubernetes ipvs ndots status analysis class')).toBe(
      'kubernetes ipvs ndots status analysis class',
    );
  });

  it('does not touch names inside paths, domains, flags or hyphenated compounds', () => {
    expect(fold('nslookup pods.default failed')).toBe('nslookup pods.default failed');
    expect(fold('/var/pods and my-pods')).toBe('/var/pods and my-pods');
  });

  it('reads the ways English says "cannot" as one word', () => {
    expect(fold("pods can't reach the service")).toBe('pod cannot reach the service');
    expect(fold('node can not ping the pod')).toBe('node cannot ping the pod');
    expect(fold('we are unable to access it, and it failed to connect')).toBe(
      'we cannot access it, and it cannot connect',
    );
    expect(fold('the pod is not able to reach dns')).toBe('the pod cannot reach dns');
  });

  it('folds a past participle the KB does not contain to the verb it does', () => {
    expect(fold('traffic is not masqueraded, packets dropped and blocked')).toBe(
      'traffic is not masquerade, packets drop and block',
    );
    // Known as written (part of "timed out"), or no known base: unchanged.
    expect(fold('connection timed out, tunnel created')).toBe('connection timed out, tunnel created');
  });

  it('passes Chinese through untouched', () => {
    expect(fold('pod 访问 service 不通')).toBe('pod 访问 service 不通');
  });
});

describe('singularOf', () => {
  it('tries -ies → -y, then -s, then -es, and returns null when none is known', () => {
    expect(singularOf('policies', knows)).toBe('policy');
    expect(singularOf('pods', knows)).toBe('pod');
    expect(singularOf('matches', knows)).toBe('match');
    expect(singularOf('widgets', knows)).toBeNull();
    expect(singularOf('comes', (word) => word === 'com')).toBeNull();
  });
});
