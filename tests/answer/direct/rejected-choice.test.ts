import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutRejected } from '../../../src/answer/direct/rejected-choice.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('the alternative an ask turns down', () => {
  it.each([
    [
      'What stable name can a pod keep across restarts instead of its IP',
      'What stable name can a pod keep across restarts',
    ],
    [
      'Which address should members use rather than the pod IP, and why',
      'Which address should members use, and why',
    ],
    ['集群成员应该用什么地址而不是 Pod IP', '集群成员应该用什么地址'],
    ['用什么稳定名字而非 IP？', '用什么稳定名字？'],
  ])('leaves it out: %s', (focus, kept) => {
    expect(withoutRejected(focus)).toBe(kept);
  });

  it.each([
    'Which port does flannel vxlan listen on',
    'What stable address should replica set members use',
    'instead of the pod IP?',
    '集群成员应该用什么稳定地址',
  ])('keeps an ask with no alternative (or nothing else): %s', (focus) => {
    expect(withoutRejected(focus)).toBe(focus);
  });
});

describe('a line naming the turned-down alternative does not answer', () => {
  // kb/dns/headless-service.md's lines.
  const HEADLESS = [
    '---',
    'triggers: [headless service]',
    'category: dns',
    '---',
    '',
    '# Headless Service 与 StatefulSet Pod DNS',
    '',
    '## 概述',
    '',
    '- StatefulSet：每个 Pod 获得稳定域名 `web-0.nginx.default.svc.cluster.local`，数据库主从、etcd、ZooKeeper、Kafka 依赖它做成员发现。',
    '',
    '## 记录',
    '',
    '| 记录 | 域名示例 | 返回 |',
    '|---|---|---|',
    '| Pod A 记录 | `web-0.nginx.default.svc.cluster.local` | 该 Pod IP |',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless-service.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it('answers with the stable name, not the row returning the pod IP', () => {
    const question = 'What stable name can a pod keep across restarts instead of its IP?';
    expect(quoteOf(own, 'dns/headless-service.md', question)).toContain('每个 Pod 获得稳定域名');
  });

  it('still answers an ask for the IP with the row stating it', () => {
    const question = 'Which IP does the pod A record of web-0 return?';
    expect(quoteOf(own, 'dns/headless-service.md', question)).toContain('该 Pod IP');
  });
});
