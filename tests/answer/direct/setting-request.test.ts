import { describe, expect, it } from 'vitest';
import { leadAsk } from '../../../src/answer/direct/asking.js';
import { namesRequested, settingRequests, statesRule } from '../../../src/answer/direct/setting-request.js';

describe('a spec field requested in a report asking nothing', () => {
  it.each([
    ['nginx-controller chart should support dnsPolicy. I figure this is a simple change.', 'dnsPolicy'],
    [
      'feat(k8s-infra): set dnsPolicy to ClusterFirstWithHostNet when hostNetwork is enabled. Set it.',
      'dnsPolicy',
    ],
    ['[nats helm] add publishNotReadyAddresses: true to headless service', 'publishNotReadyAddresses'],
    [
      'change default value of publishNotReadyAddresses for the stateful applications.',
      'publishNotReadyAddresses',
    ],
    ['Added the externalTrafficPolicy option', 'externalTrafficPolicy'],
    ['chart 应该支持配置 dnsPolicy，hostNetwork 模式下需要 ClusterFirstWithHostNet。', 'dnsPolicy'],
    // A flag, or a word called a parameter, names the setting too.
    ['Decrease the DNS ndots parameter of Jenkins Pods to 3. The default setting of 5 is noisy.', 'ndots'],
    ['Change --service-node-port-range to 80-32767 for the embedded cluster', '--service-node-port-range'],
    ['kubelet 应该支持 --cluster-dns 参数。', '--cluster-dns'],
    // A flag written without its dashes is named as the flag.
    [
      'Make service-node-port-range configurable in kube-up. The `service-node-port-range` is not configurable.',
      '--service-node-port-range',
    ],
    ['kube-apiserver 需要 service-node-port-range 改成 80-32767。', '--service-node-port-range'],
  ])('requests: %s', (report, field) => {
    expect(settingRequests(report).fields).toEqual([field]);
  });

  it.each([
    // The field is not what the title requests: a rule is.
    'Add iptables FORWARD rule for external requests to service with nodePort. OK, I am leaning towards this.',
    // A failure on a broken path asks for a diagnosis.
    'set loadBalancerSourceRanges on the svc and now every request is rejected',
    'externalTrafficPolicy: Local does not work for NodePort services, the client IP should be kept.',
    'hostNetwork 的 Pod 设置 dnsPolicy 后解析失败',
    // A report asking a question is read by its question.
    'Which dnsPolicy should a hostNetwork pod use?',
    // No field named.
    'Support for IPv6 dual stack should be added.',
    'Increase the timeout for the readiness probe',
    // A flag named further on than the request's object.
    'Change the docs layout and the menu of the site to mention the --service-node-port-range flag',
    // A failure with the flag.
    'Set --service-node-port-range and now the apiserver fails to start',
    // A name owning the settings that follow it, a file, a path or a two-word name is not a flag.
    'Change kube-controller-manager flags documentation related to --cluster-cidr',
    '需要修改 kube-controller-manager config 里的网段',
    'Add ingress-nginx-controller.yaml to the chart',
    'Use github.com/foo/bar-baz-qux for the client',
    'Update kube-proxy to the latest release',
  ])('does not: %s', (report) => {
    expect(settingRequests(report).fields).toEqual([]);
  });

  it('asks for the setting, with the field, not for a default', () => {
    const ask = leadAsk(
      'stable/instana-agent wrong daemonset dnsPolicy Agent daemonset is using default dnsPolicy (ClusterFirst) and hostNetwork. dnsPolicy should be set to ClusterFirstWithHostNet.',
    );
    expect(ask?.kinds).toEqual(['setting']);
    expect(ask?.requested).toEqual(['dnsPolicy']);
    expect(ask?.wantsDefault).toBe(false);
  });
});

describe('a line stating a requested field’s rule', () => {
  it('is a sentence or a row of a table comparing values naming the field', () => {
    const rule = {
      quote: '只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
    };
    expect(statesRule(rule) && namesRequested(rule, ['publishNotReadyAddresses'])).toBe(true);
    const row = {
      quote: '| 客户端源 IP | 被 SNAT 为节点 IP | 保留 |',
      header: '| 项目 | externalTrafficPolicy: Cluster（默认） | externalTrafficPolicy: Local |',
    };
    expect(statesRule(row) && namesRequested(row, ['externalTrafficPolicy'])).toBe(true);
  });

  it.each([
    { quote: 'kubectl get svc <service-name> -o wide', settingOnly: true },
    { quote: 'hostNetwork Pod 想解析集群内 Service，必须显式指定：' },
    {
      quote:
        '| 部分节点的 NodePort 通，部分不通 | externalTrafficPolicy: Local，且不通的节点没有本地 Pod | `curl` | 改为 Cluster |',
      header: '| 现象 | 可能原因 | 检查命令 | 修复 |',
    },
  ])('not a command, an introduction or a symptom row: $quote', (line) => {
    expect(statesRule(line)).toBe(false);
  });

  it('names the field, not one inside a longer name', () => {
    expect(
      namesRequested({ quote: '[hostNetwork Pod 排查](../host-network/hostnetwork-pods.md)' }, ['dnsConfig']),
    ).toBe(false);
    expect(namesRequested({ quote: '设置 `dnsPolicy: ClusterFirstWithHostNet`' }, ['dnsPolicy'])).toBe(true);
    expect(namesRequested({ quote: 'dnsPolicyX: 1' }, ['dnsPolicy'])).toBe(false);
  });

  it('writes a flag requested without its dashes as the flag', () => {
    const [field] = settingRequests('Make service-node-port-range configurable in kube-up.').fields;
    const line = {
      quote:
        'NodePort 在每个节点上暴露 Service（默认范围 30000-32767，由 `--service-node-port-range` 决定）；',
    };
    expect(namesRequested(line, [field ?? ''])).toBe(true);
    // A component's name of the same shape is never written as a flag.
    const [component] = settingRequests('Make calico-kube-controllers highly available').fields;
    expect(namesRequested({ quote: 'calico-kube-controllers 负责同步策略。' }, [component ?? ''])).toBe(
      false,
    );
  });
});
