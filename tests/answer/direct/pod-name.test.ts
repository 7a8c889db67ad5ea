import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { asksPodName, statesPodName } from '../../../src/answer/direct/pod-name.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('a stable name asked', () => {
  it.each([
    'What stable address should replica set members use instead of pod IPs?',
    'What stable name can a pod keep across restarts instead of its IP?',
    'Pod 重启后 IP 会变，集群成员应该用什么稳定地址？',
    '节点应该用什么稳定的域名注册？',
  ])('asks a name, not an address: %s', (question) => {
    const kinds = factAsk(question)?.kinds ?? [];
    expect(kinds).toContain('name');
    expect(kinds).not.toContain('addr');
  });

  it.each([
    'Which IP address does the pod get?',
    'Is the connection stable after the upgrade?',
    '服务的地址是什么？',
  ])('asks no name: %s', (question) => {
    expect(factAsk(question)?.kinds ?? []).not.toContain('name');
  });
});

describe("one pod's name asked", () => {
  it.each([
    'What stable address should replica set members use instead of pod IPs',
    'What name should the cluster members use instead of the pod IP',
    '集群成员应该用什么稳定地址',
  ])('asks a pod name: %s', (focus) => {
    expect(asksPodName(focus)).toBe(true);
  });

  it.each([
    'What is the full service name of the kubernetes API',
    '集群内访问 kubernetes API 的服务完整域名应该是什么形式',
  ])('asks a Service name: %s', (focus) => {
    expect(asksPodName(focus)).toBe(false);
  });

  it('tells a pod name from a Service name', () => {
    expect(statesPodName('| Pod A 记录 | `web-0.nginx.default.svc.cluster.local` | 该 Pod IP |')).toBe(true);
    expect(statesPodName('nslookup <pod>.<service-name>.<namespace>.svc.cluster.local')).toBe(true);
    expect(statesPodName('| 服务 A 记录 | `nginx.default.svc.cluster.local` | 全部 Ready Pod IP |')).toBe(
      false,
    );
    expect(statesPodName('对**命名端口**发布 `_http._tcp.nginx.default.svc.cluster.local`。')).toBe(false);
  });
});

describe("a pod's own name over the Service's", () => {
  // kb/dns/headless-service.md's lines.
  const HEADLESS = [
    '---',
    'triggers: [headless service]',
    'category: dns',
    '---',
    '',
    '# Headless Service 与 StatefulSet Pod DNS',
    '',
    '## 记录',
    '',
    '| 记录 | 域名示例 | 返回 |',
    '|---|---|---|',
    '| 服务 A 记录 | `nginx.default.svc.cluster.local` | 全部 Ready Pod IP |',
    '',
    '## 概述',
    '',
    '- StatefulSet：每个 Pod 获得稳定域名 `web-0.nginx.default.svc.cluster.local`，数据库主从、etcd、ZooKeeper、Kafka 依赖它做成员发现。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless-service.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it.each([
    'What stable address should replica set members use instead of pod IPs?',
    'Pod 重启后 IP 会变，集群成员应该用什么稳定地址？',
  ])('answers %s with a pod name', (question) => {
    expect(quoteOf(own, 'dns/headless-service.md', question)).toContain('web-0.nginx');
  });
});
