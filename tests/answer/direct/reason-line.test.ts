import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givesReason } from '../../../src/answer/direct/reason-line.js';
import { buildFixtureIndex, type FixtureIndex } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('givesReason: a line joining a reason to what follows from it', () => {
  it.each([
    '所以 Pod 访问集群外地址时，必须在节点出口做一次 **SNAT（MASQUERADE）**，把源地址改成节点 IP，回包靠 conntrack 反向还原。',
    '因为 Pod IP 只在集群内可路由，出集群的流量要做 SNAT。',
    'Pod IPs are not routable outside the cluster, so the node masquerades traffic leaving it.',
    'The source is rewritten because the pod network is not routed outside the cluster.',
  ])('gives a reason: %s', (line) => {
    expect(givesReason(line)).toBe(true);
  });

  it.each([
    '| 外部服务看到的源 IP 不是预期的出口 IP | 默认按节点 IP 伪装，pod 漂移后源 IP 变化 | `ip route get <target-ip>` |',
    'Pod 访问节点 IP 不做 SNAT：节点上看到的源地址就是 Pod IP。',
    'The node masquerades traffic leaving the cluster; so-called egress gateways pin it.',
  ])('gives none: %s', (line) => {
    expect(givesReason(line)).toBe(false);
  });
});

describe('directAnswer: why pod traffic leaves with the node address is answered by the line giving the reason', () => {
  let kb: FixtureIndex;
  beforeAll(async () => {
    kb = await buildFixtureIndex(path.resolve(import.meta.dirname, '../../../kb'));
  });
  afterAll(async () => {
    await kb?.cleanup();
  });

  it.each([
    // weaveworks/weave#3315's ask; kubernetes/kubernetes#88220's; the same in Chinese.
    'Support Static Egress IP. When the pod communicates with the outside, the Host IP goes to the Source IP. Because of organizational firewall policies, the Static Egress IP of a particular pod or namespace is required. For example, to connect a specific pod of a particular namespace to an external DB, I must open a firewall between all the worker nodes and the external db. In this case, it is possible to communicate with the external db even in an undesired namespace. Why does pod traffic to an external DB carry the node IP as its source?',
    'SNMP traps reach the alarm manager with the worker node IP as source. Why does traffic leaving a pod carry the worker node IP as its source?',
    '外部数据库看到的源 IP 都是节点 IP，为什么 Pod 出集群的流量源 IP 变成了节点 IP？',
  ])('%s', (question) => {
    expect(quoteOf(kb, 'pod-to-external/egress-internet.md', question)).toContain('把源地址改成节点 IP');
  });
});
