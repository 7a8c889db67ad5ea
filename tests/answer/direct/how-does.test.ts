import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { asksHowItWorks } from '../../../src/answer/direct/how-does.js';
import { VALUE_PATTERNS } from '../../../src/answer/direct/value-shapes.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('asksHowItWorks: how a named thing works', () => {
  it.each([
    'How does a short name like foo.bar get expanded into the full service name',
    'How does the resolver use the search domains when a name has fewer dots than ndots',
    'How does kube-proxy pick a backend',
    'How is grpc client going to handle the endpoints',
    'CoreDNS 是如何解析的？',
    '短域名是怎么补全的',
  ])('asks: %s', (clause) => {
    expect(asksHowItWorks(clause)).toBe(true);
  });

  it.each([
    // How the asker is to do something, a vague "it", a failure.
    'How do I expose my service',
    'How does one fix this',
    'How does it work',
    'How does my pod resolve the name',
    'How does the resolver not find the name',
    '怎么解析不了',
  ])('does not ask: %s', (clause) => {
    expect(asksHowItWorks(clause)).toBe(false);
  });
});

describe('a line saying in which order something happens states a behaviour', () => {
  it.each([
    '应用调用 resolver，名字中点数少于 5 时先依次拼接 search 域：`default.svc.cluster.local`，最后才查原始名字。',
    'The resolver first tries each search domain, then the name as given.',
  ])('behaviour: %s', (line) => {
    expect(VALUE_PATTERNS.behaviour.test(line)).toBe(true);
  });

  it.each(['客户端先做 DNS 解析；', 'The first pod in the list got all requests.'])('none: %s', (line) => {
    expect(VALUE_PATTERNS.behaviour.test(line)).toBe(false);
  });
});

describe('a how-it-works question is answered by the line saying how', () => {
  const COREDNS = [
    '---',
    'triggers: [coredns]',
    'category: dns',
    '---',
    '',
    '# CoreDNS 与集群 DNS 排查',
    '',
    '## 解析流程',
    '',
    '1. 应用调用 resolver，名字中点数少于 5 时先依次拼接 search 域：`default.svc.cluster.local`、`svc.cluster.local`、`cluster.local`，最后才查原始名字。',
    '2. CoreDNS 对集群域直接作答；其它域名转发给上游。',
    '',
    '`ndots` 可以按工作负载调小，减少外部域名的无效查询：',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/coredns.md': COREDNS });
  });
  afterAll(() => own.cleanup());

  it('reads the question as a behaviour ask', () => {
    expect(
      factAsk('How does the resolver use the search domains when a name has fewer dots than ndots?')?.kinds,
    ).toEqual(['behaviour']);
  });

  it('quotes the line giving the order of the lookups', () => {
    expect(
      quoteOf(
        own,
        'dns/coredns.md',
        'clarification needed - ndot ignored. I expected doggo to iterate over search domains from /etc/resolv.conf. How does the resolver use the search domains when a name has fewer dots than ndots?',
      ),
    ).toContain('先依次拼接 search 域');
  });
});
