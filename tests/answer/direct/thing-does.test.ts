import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import { asksWhatThingDoes } from '../../../src/answer/direct/thing-does.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('asksWhatThingDoes: a yes/no question about what a named thing does', () => {
  it.each([
    'Does the headless Service publish DNS records for pods that are not ready yet',
    'Does the discovery Service name resolve while none of its pods is ready',
    'Will the resolver append the search domains to a name with a trailing dot',
    'Does the kube-proxy preserve the client source address for NodePort traffic',
  ])('asks: %s', (clause) => {
    expect(asksWhatThingDoes(clause)).toBe(true);
  });

  it.each([
    // Whether the asker's traffic gets through: a diagnosis.
    'Does the pod reach its gateway',
    'Does the node ping the pod on the other host',
    // The asker's own things, or people asked.
    'Does the service in my namespace resolve',
    'Does the app you wrote return the pod IP',
    // No "the": the general yes/no form reads it elsewhere.
    'Does flannel enforce NetworkPolicy',
    'Headless Service 会返回未 Ready 的 Pod 吗',
  ])('does not ask: %s', (clause) => {
    expect(asksWhatThingDoes(clause)).toBe(false);
  });
});

describe('factAsk: a closing "Does the ..." question is a behaviour ask', () => {
  it('reads the closing question of a StatefulSet peer report', () => {
    const ask = factAsk(
      'Validators cannot discover P2P peers when running as StatefulSet in k8s. The DNS lookup fails. It seems it tries for the second time but it fails after because the DNS record is not ready yet. Does the headless Service publish DNS records for pods that are not ready yet?',
    );
    expect(ask?.kinds).toEqual(['behaviour']);
    expect(ask?.focus).toContain('publish DNS records');
  });

  it('leaves a question whether the asker’s own pod gets through', () => {
    expect(factAsk('The pod on node-2 times out. Does the pod reach its gateway?')).toBeNull();
  });
});

describe('a yes/no question about the runbook’s own subject: the line answering it, not one opening with the subject', () => {
  const HEADLESS = [
    '---',
    'triggers: [headless service]',
    'category: dns',
    '---',
    '',
    '# Headless Service 与 StatefulSet Pod DNS',
    '',
    '## 工作原理',
    '',
    'Headless Service（`spec.clusterIP: None`）不分配 ClusterIP，kube-proxy 也不会为它写任何规则。',
    '',
    '1. CoreDNS 直接把 EndpointSlice 里的 Pod IP 作为多条 A/AAAA 记录返回，客户端自己选择连接哪个 Pod。',
    '2. 只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless-service.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it('quotes the rule on readiness, not the line opening with "Headless Service"', () => {
    expect(
      quoteOf(
        own,
        'dns/headless-service.md',
        'Validators cannot discover peers when running as StatefulSet. The DNS lookup fails. Does the headless Service publish DNS records for pods that are not ready yet?',
      ),
    ).toContain('只有 Ready 端点出现在 DNS 中');
  });
});
