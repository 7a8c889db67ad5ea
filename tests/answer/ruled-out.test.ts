import { describe, expect, it } from 'vitest';
import { causeRuledOut, causeSettings, knownValues, statedValue } from '../../src/answer/ruled-out.js';
import { runbook, sectionChecks } from './runbook-checks.js';

const nodeport = runbook('service/nodeport-loadbalancer.md');
const localCause = 'externalTrafficPolicy: Local，且不通的节点没有本地 Pod';
const known = knownValues([
  localCause,
  'externalTrafficPolicy: Cluster（默认）',
  'ipipMode: Always',
  'ip_forward=0',
]);
const healthz = (command: string) => command.includes('/healthz');

describe('causeSettings', () => {
  it('reads the settings a cause cell states with a value, not plain words with a colon', () => {
    expect(causeSettings(localCause)).toEqual([{ key: 'externaltrafficpolicy', value: 'local' }]);
    expect(causeSettings('内核参数 net.ipv4.ip_forward=0')).toEqual([
      { key: 'netipv4ipforward', value: '0' },
    ]);
    expect(causeSettings('Pod 的 ndots:5 导致多次查询；type: internal 的 LB')).toEqual([]);
  });
});

describe('statedValue', () => {
  it('reads the value a report states for a setting, in the describe form, YAML form or Chinese', () => {
    const values = new Set(['local', 'cluster']);
    expect(
      statedValue('Type: NodePort, External Traffic Policy: Cluster.', 'externaltrafficpolicy', values),
    ).toBe('cluster');
    expect(
      statedValue(
        'svc 的流量策略 externalTrafficPolicy 为 Local，其他节点不通',
        'externaltrafficpolicy',
        values,
      ),
    ).toBe('local');
    expect(statedValue('net.ipv4.ip_forward = 1 on every node', 'ipforward', new Set(['0']))).toBe('1');
  });

  it('reads no value from a setting only named, asked about, or stated with two values', () => {
    const values = new Set(['local', 'cluster']);
    expect(
      statedValue('externalTrafficPolicy is not respected for NodePort', 'externaltrafficpolicy', values),
    ).toBe(undefined);
    expect(
      statedValue('should I set externalTrafficPolicy: to Local?', 'externaltrafficpolicy', values),
    ).toBe(undefined);
    expect(
      statedValue(
        'externalTrafficPolicy: Local works, externalTrafficPolicy: Cluster does not',
        'externaltrafficpolicy',
        values,
      ),
    ).toBe(undefined);
  });
});

describe('causeRuledOut', () => {
  it('rules out a cause whose setting the report states with another value (EN and ZH)', () => {
    expect(
      causeRuledOut('We expose it as Type: NodePort, External Traffic Policy: Cluster.', localCause, known),
    ).toBe(true);
    expect(
      causeRuledOut('svc 的流量策略都是 Cluster 模式（externalTrafficPolicy: Cluster）', localCause, known),
    ).toBe(true);
  });

  it('keeps a cause the report states the same value of, or says nothing of', () => {
    expect(causeRuledOut('externalTrafficPolicy: Local 后其中一个节点不通', localCause, known)).toBe(false);
    expect(causeRuledOut('NodePort 只在部分节点能通', localCause, known)).toBe(false);
  });
});

describe('pickCommands: the check of a cause the report rules out', () => {
  it('leaves out the Local policy health check for a report stating the Cluster policy (EN and ZH)', () => {
    for (const question of [
      "Master-Node Doesn't serve service exposed port. Seems like master nodes can't serve any services port. We already expose port in service as below: Type: NodePort, External Traffic Policy: Cluster.",
      'NodePort 只有 pod 所在的节点能通，其他节点不通。svc 的流量策略是 Cluster 模式（externalTrafficPolicy: Cluster）。',
    ]) {
      const list = sectionChecks(question, nodeport, '常见问题');
      expect(list.length).toBeGreaterThan(3);
      expect(list.filter(healthz)).toEqual([]);
    }
  });

  it('keeps it when the report states the Local policy or none', () => {
    for (const question of [
      'NodePort 只有 pod 所在的节点能通，其他节点不通。svc 设置了 externalTrafficPolicy: Local。',
      'NodePort works on some nodes but not on others',
    ])
      expect(sectionChecks(question, nodeport, '常见问题').some(healthz)).toBe(true);
  });
});
