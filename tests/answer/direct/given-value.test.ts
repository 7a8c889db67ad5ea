import { describe, expect, it } from 'vitest';
import {
  aboutOtherCase,
  comparesCases,
  givenValues,
  otherValues,
} from '../../../src/answer/direct/given-value.js';

describe('a setting the question gives with its value: the case asked about', () => {
  it.each([
    [
      'What does externalTrafficPolicy: Local change for the client source IP',
      'externaltrafficpolicy',
      'local',
    ],
    ['ipipMode=Never 之后跨节点的包怎么走', 'ipipmode', 'never'],
    ['externalTrafficPolicy 设为 Local 以后后端看到的源 IP 是什么', 'externaltrafficpolicy', 'local'],
    [
      'What does setting externalTrafficPolicy to Local change about the client IP',
      'externaltrafficpolicy',
      'local',
    ],
    ['what does FLANNEL_IPMASQ=true do to pod traffic', 'flannel_ipmasq', 'true'],
  ])('reads the case given: %s', (focus, name, value) => {
    expect(givenValues(focus)).toEqual([{ name, value }]);
  });

  it.each([
    'Which setting keeps the client source IP',
    'What does externalTrafficPolicy do',
    '问题：客户端 IP 为什么变成节点 IP',
    'dnsPolicy 为什么是 Default',
  ])('reads no case given: %s', (focus) => {
    expect(givenValues(focus)).toEqual([]);
  });

  const LOCAL = givenValues('What does externalTrafficPolicy: Local change for the client source IP');
  const OTHERS = otherValues(
    [
      '| 项目 | externalTrafficPolicy: Cluster（默认） | externalTrafficPolicy: Local |',
      '`ipipMode: Always`',
    ],
    LOCAL,
  );

  it('reads the other values a runbook gives the setting', () => {
    expect([...OTHERS]).toEqual(['cluster']);
  });

  it.each([
    '应用看到的客户端 IP 都是节点 IP：这是 `externalTrafficPolicy: Cluster` 的 SNAT 行为，不是故障。',
    // The fix names the given case after the case the row is about.
    '| 应用日志里客户端 IP 都是节点 IP | Cluster 策略对外部流量做了 SNAT | 改用 Local |',
  ])('takes a line about another case as such: %s', (quote) => {
    expect(aboutOtherCase(quote, LOCAL, OTHERS)).toBe(true);
  });

  it.each([
    '| 部分节点的 NodePort 通，部分不通 | externalTrafficPolicy: Local，且不通的节点没有本地 Pod | 改为 Cluster |',
    'Local 策略：只选本节点端点，源 IP 保留；',
    '`ipipMode: Never` 时跨节点走 BGP 路由。',
    'kube-proxy 在 `healthCheckNodePort` 上提供 `/healthz`',
  ])('keeps a line about the given case, or naming no case: %s', (quote) => {
    expect(aboutOtherCase(quote, LOCAL, OTHERS)).toBe(false);
  });

  it('reads a row under a header setting both cases side by side as comparing them', () => {
    expect(
      comparesCases(
        '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 | | 项目 | externalTrafficPolicy: Cluster（默认） | externalTrafficPolicy: Local |',
        LOCAL,
      ),
    ).toBe(true);
    expect(comparesCases('Local 策略：只选本节点端点，源 IP 保留；', LOCAL)).toBe(false);
  });
});
