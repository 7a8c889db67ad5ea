import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersYesNo, yesNoSubject } from '../../../src/answer/direct/yes-no.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('yesNoSubject: the component a yes/no question asks about', () => {
  it.each([
    ['Does flannel enforce NetworkPolicy', 'flannel'],
    ['Can Calico block traffic from the node where the pod runs', 'calico'],
    ['Does the kube-proxy rewrite the source address', 'kube-proxy'],
    ['flannel 支持 NetworkPolicy 吗', 'flannel'],
    ['kube-proxy 会不会改源地址', 'kube-proxy'],
    ['flannel 能不能执行网络策略', 'flannel'],
  ])('%s → %s', (focus, subject) => {
    expect(yesNoSubject(focus)).toBe(subject);
  });

  it.each([
    // A request to people, the asker's own pods, or no yes/no form at all.
    'Can you help me with the NetworkPolicy',
    'Does it enforce NetworkPolicy',
    'Can pods reach the node',
    'Which port does flannel use',
    '这个 pod 为什么不通',
    'What does kube-proxy do with --cluster-cidr',
  ])('none: %s', (focus) => {
    expect(yesNoSubject(focus)).toBeNull();
  });
});

describe('answersYesNo: a line about the component saying what it can or cannot do', () => {
  it('takes the row keyed by the component and the sentence opening with it', () => {
    expect(
      answersYesNo('| Flannel（单独） | **不执行**，策略静默无效 | 需 Canal |', 'flannel', 'flannel'),
    ).toBe(true);
    expect(answersYesNo('Flannel does not implement NetworkPolicy on its own.', undefined, 'flannel')).toBe(
      true,
    );
    expect(answersYesNo('- **kube-proxy** 不会改写集群内访问的源地址。', undefined, 'kube-proxy')).toBe(true);
  });

  it('leaves a symptom row naming the component in passing, and a line that says nothing it can or cannot do', () => {
    expect(
      answersYesNo(
        '| 写了 deny 策略但流量仍然放行 | CNI 不执行 NetworkPolicy（如单独 flannel） | 部署 Canal |',
        undefined,
        'flannel',
      ),
    ).toBe(false);
    expect(answersYesNo('Flannel 给每个节点切一个子网（默认 `/24`）。', undefined, 'flannel')).toBe(false);
    // A hyphenated name is no "can": `can-reach=` states no ability.
    expect(answersYesNo('BGP 邻居地址是 docker0 | 设置 `can-reach=`', undefined, 'bgp')).toBe(false);
    expect(answersYesNo('flannel.1 不能省略', undefined, 'flannel')).toBe(false);
  });
});

describe('a yes/no question about a component: the line about it, not a symptom row naming it', () => {
  const POLICY = [
    '---',
    'triggers: [networkpolicy 不生效]',
    'category: network_policy',
    '---',
    '',
    '# NetworkPolicy 排查',
    '',
    '## 各 CNI 的支持',
    '',
    '| CNI | 是否执行 NetworkPolicy | 说明 |',
    '| --- | --- | --- |',
    '| Calico | 执行 | 另有 GlobalNetworkPolicy |',
    '| Flannel（单独） | **不执行**，策略静默无效 | 需 Canal（flannel + Calico 策略） |',
    '',
    '## 常见问题',
    '',
    '| 现象 | 原因 | 检查 | 处理 |',
    '| --- | --- | --- | --- |',
    "| 写了 deny 策略但流量仍然放行 | CNI 不执行 NetworkPolicy（如单独 flannel） | `kubectl get pods -n kube-system -o wide \\| grep -E 'calico\\|cilium'` | 部署支持策略的 CNI（Canal / Calico / Cilium） |",
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'network-policy/debug.md': POLICY });
  });
  afterAll(() => own.cleanup());

  it('quotes the row keyed by the component asked about', () => {
    // A real report (flannel on Talos: a cross-namespace deny policy that did nothing), shortened.
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        "Flannel Namespace Network Policy. I've created two pods in different namespaces and a NetworkPolicy deny-cross-namespace, yet traffic still flows; kubectl get pods -n kube-system | grep flannel shows kube-flannel-62xbw. Does flannel enforce NetworkPolicy?",
      ),
    ).toContain('策略静默无效');
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        '写了 deny-cross-namespace 策略但流量仍然放行，集群用的是 flannel。flannel 支持 NetworkPolicy 吗？',
      ),
    ).toContain('策略静默无效');
  });

  it('keeps the symptom row when the question asks no yes/no of a component', () => {
    expect(
      quoteOf(
        own,
        'network-policy/debug.md',
        '写了 deny 策略但流量仍然放行，应该检查哪个命名空间里的 CNI Pod？',
      ),
    ).toContain('写了 deny 策略但流量仍然放行');
  });
});
