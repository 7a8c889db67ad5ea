import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factAsk } from '../../../src/answer/direct/asking.js';
import {
  asksNamesUnderReadiness,
  asksUnderReadiness,
  statesReadinessRule,
} from '../../../src/answer/direct/ready-condition.js';
import { type FixtureIndex, indexOwnKb } from '../fixture-index.js';
import { quoteOf } from './quote-of.js';

describe('readiness asked as the condition', () => {
  it.each([
    'Does the headless Service DNS return pods that are not ready',
    "Is a StatefulSet pod's headless DNS name published before the pod is Ready",
    'Does the discovery Service name resolve while none of its pods is ready',
    'Are unready pods listed in the DNS records?',
    '未就绪的 Pod 会出现在 DNS 里吗？',
  ])('asks under readiness: %s', (focus) => {
    expect(asksUnderReadiness(focus)).toBe(true);
  });

  it.each([
    'Readiness probe failed: connection refused',
    'What does a DNS lookup of a headless Service return',
    'calico/node is not ready: BIRD is not ready: BGP not established',
    'Pod 一直 Running 但访问超时',
  ])('does not: %s', (focus) => {
    expect(asksUnderReadiness(focus)).toBe(false);
  });

  it('reads a question about names under readiness in forms the other rules leave', () => {
    expect(
      asksNamesUnderReadiness("Are pods that are not ready left out of the headless Service's DNS records?"),
    ).toBe(true);
    expect(
      asksNamesUnderReadiness('Why does DNS resolution of our hostnames fail while the pod is not ready?'),
    ).toBe(true);
    // Readiness but no name: the traffic rule, not a DNS one.
    expect(asksNamesUnderReadiness('Does the Service send traffic to pods that are not ready?')).toBe(false);
    // A statement asks nothing.
    expect(
      asksNamesUnderReadiness('By default the service will only provide DNS name when the pod is ready.'),
    ).toBe(false);
  });

  it('asks a behaviour of a published name', () => {
    expect(
      factAsk("Is a StatefulSet pod's headless DNS name published before the pod is Ready?")?.kinds,
    ).toContain('behaviour');
  });
});

describe('a line stating the readiness rule', () => {
  it.each([
    '只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
    'Only ready endpoints are published in DNS unless publishNotReadyAddresses is set.',
  ])('states it: %s', (line) => {
    expect(statesReadinessRule(line, 'Does the DNS name resolve before the pod is ready')).toBe(true);
  });

  it('must be about names when names are asked', () => {
    const focus = 'Does the discovery Service name resolve while none of its pods is ready';
    expect(statesReadinessRule('Not Ready 的 Pod 不会收到流量。', focus)).toBe(false);
    expect(
      statesReadinessRule('Not Ready 的 Pod 不会收到流量。', 'Does a pod that is not ready get traffic'),
    ).toBe(true);
  });

  it.each([
    'CoreDNS 直接把 EndpointSlice 里的 Pod IP 作为多条 A/AAAA 记录返回，客户端自己选择连接哪个 Pod。',
    'kubectl get pods -o wide 查看 Ready 列',
  ])('states none: %s', (line) => {
    expect(statesReadinessRule(line, 'Does the DNS name resolve before the pod is ready')).toBe(false);
  });
});

describe('the readiness rule over what a name returns', () => {
  // kb/dns/headless-service.md's lines.
  const HEADLESS = [
    '---',
    'triggers: [headless service]',
    'category: dns',
    '---',
    '',
    '# Headless Service 与 StatefulSet Pod DNS',
    '',
    '## 原理',
    '',
    'CoreDNS 直接把 EndpointSlice 里的 Pod IP 作为多条 A/AAAA 记录返回，客户端自己选择连接哪个 Pod。',
    '',
    '1. 只有 Ready 端点出现在 DNS 中，除非 Service 设置了 `publishNotReadyAddresses: true`。',
    '',
  ].join('\n');
  let own: FixtureIndex;
  beforeAll(async () => {
    own = await indexOwnKb({ 'dns/headless-service.md': HEADLESS });
  });
  afterAll(() => own.cleanup());

  it.each([
    'Does the headless Service DNS return pods that are not ready?',
    "Is a StatefulSet pod's headless DNS name published before the pod is Ready?",
    "Are pods that are not ready left out of the headless Service's DNS records?",
  ])('answers %s from the rule', (question) => {
    expect(quoteOf(own, 'dns/headless-service.md', question)).toContain('只有 Ready 端点');
  });

  it('still answers what a lookup returns from the returning line', () => {
    expect(
      quoteOf(own, 'dns/headless-service.md', 'What does a DNS lookup of a headless Service return?'),
    ).toContain('A/AAAA');
  });
});
