import { describe, expect, it } from 'vitest';
import {
  gatewayRouteStatusExplainedBy,
  uncoveredGatewayRouteStatus,
} from '../../src/answer/gateway-route-status.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredGatewayRouteStatus: a Gateway API route's status", () => {
  it.each([
    // Real (kubernetes-sigs/gateway-api#5115, shortened).
    'HTTPRoute status did not update after Gateway listener hostname change. The HTTPRoute is rejected with Accepted=False / NoMatchingListenerHostname and stays so after the listener hostname is updated to match.',
    // Real (nginx/nginx-gateway-fabric#2015, shortened).
    'Routes that reference an ignored Gateway are marked as Accepted. HTTPRoute coffee with parentRefs Gateway ignored-gateway. backendRefs[0].name: Not found: "coffee" BackendNotFound.',
    // Real (envoyproxy/gateway#9128, shortened).
    'HTTPRoute set to Accepted: False when listener has missing TLS certificate, with reason NoReadyListeners.',
    // Constructed: Chinese.
    'HTTPRoute 一直是 Accepted: False，reason 是 NotAllowedByListeners',
  ])('%s → declined', (question) => {
    expect(uncoveredGatewayRouteStatus(question, false)).toContain('Gateway API route');
    expect(uncoveredGatewayRouteStatus(question, true)).toBeNull();
  });
  it.each([
    // Constructed: traffic through the Gateway times out; the route is accepted.
    'Requests through the Gateway time out. The HTTPRoute shows Accepted: True and ResolvedRefs: True.',
    // Constructed: routes of a node's table, no Gateway API object.
    'Pod routes missing on node2 after reboot, status of calico-node is Running',
    // Constructed: Chinese, a Service path behind the HTTPRoute.
    'HTTPRoute 后端 Service 访问超时',
  ])('%s → not declined', (question) => {
    expect(uncoveredGatewayRouteStatus(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names Gateway API routes', () => {
    expect(gatewayRouteStatusExplainedBy([doc('Ingress', ['502'])])).toBe(false);
    expect(gatewayRouteStatusExplainedBy([doc('Gateway API', ['HTTPRoute 未被接受'])])).toBe(true);
  });
});
