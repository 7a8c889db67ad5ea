import { describe, expect, it } from 'vitest';
import { policyLogPluginsCoveredBy, uncoveredPolicyLog } from '../../src/answer/policy-log.js';
import type { TopicDoc } from '../../src/answer/uncovered-subjects.js';

function doc(sections: { heading: string; text: string }[]): TopicDoc {
  return {
    title: 'NetworkPolicy 排查',
    triggers: [],
    troubleshooting: [],
    chunks: sections.map(({ heading, text }, ordinal) => ({
      id: `np.md#${ordinal}`,
      path: 'np.md',
      title: 'NetworkPolicy 排查',
      headingPath: ['排查步骤', heading],
      lines: [1, 2],
      kind: 'code',
      text,
      weight: 1,
    })),
  } as unknown as TopicDoc;
}

const KB = [
  doc([
    { heading: 'Cilium', text: 'hubble observe --namespace <namespace> --verdict DROPPED --last 50' },
    {
      heading: 'Kube-OVN / OVN',
      text: '# 在目标 Pod 所在节点查看 ACL 日志（需先给策略开启 enable_log）\ngrep acl_log /var/log/ovn/ovn-controller.log',
    },
  ]),
];
const covered = policyLogPluginsCoveredBy(KB);

describe('policyLogPluginsCoveredBy', () => {
  it('reads the plugin of the section that states policy logging', () => {
    expect([...covered]).toEqual(['ovn']);
  });
});

describe('uncoveredPolicyLog', () => {
  it("declines another plugin's policy logging", () => {
    expect(
      uncoveredPolicyLog(
        'Policy log does not work for DROPPED/AUDIT flow. Cilium v1.18.2. When defining a CiliumNetworkPolicy with the spec.log field configured, no policy_log field.',
        covered,
      ),
    ).toMatch(/cilium/);
    expect(
      uncoveredPolicyLog(
        'Log default kubernetes network policies. Checking the logs of my calico-nodes I could not see any entries for my dropped policies.',
        covered,
      ),
    ).toMatch(/calico/);
    expect(uncoveredPolicyLog('如何开启 calico 网络策略日志？想记录被拒绝的流量。', covered)).toMatch(
      /calico/,
    );
  });

  it('answers a covered plugin, a report naming no plugin, and traffic a policy blocks', () => {
    expect(
      uncoveredPolicyLog('Kube-OVN 开启 ACL 日志后 ovn-controller.log 里看不到 acl_log。', covered),
    ).toBeNull();
    expect(uncoveredPolicyLog('How do I log dropped packets of network policies?', covered)).toBeNull();
    expect(
      uncoveredPolicyLog(
        'Log action in network policy blocks the traffic. A Calico network policy with action Log drops the traffic.',
        covered,
      ),
    ).toBeNull();
    expect(
      uncoveredPolicyLog('calico 网络策略不生效，pod 之间仍然可以访问，日志里没有报错。', covered),
    ).toBeNull();
  });
});
