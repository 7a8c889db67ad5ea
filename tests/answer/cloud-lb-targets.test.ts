import { describe, expect, it } from 'vitest';
import { cloudLbTargetsExplainedBy, uncoveredCloudLbTargets } from '../../src/answer/cloud-lb-targets.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredCloudLbTargets: a cloud load balancer's target groups", () => {
  it.each([
    // Real (aws-load-balancer-controller#3225, shortened).
    'Target Group Not Attached with NLB Created from Nginx Ingress Controller and AWS Load Balancer Controller. My NLB target group targets are not getting registered.',
    // Real (aws-load-balancer-controller#1633, shortened).
    'With "nlb-ip", we never see targets go to "unhealthy" even with unhealthy targets. Targets stay in "draining" status.',
    // Real (aws-load-balancer-controller#1857, shortened).
    'Service with NLB - Target Group Not Being Updated. When scaling up the node groups, the target group for port 443 is not updated.',
    // Constructed: Chinese.
    'NLB 的目标组一直没有注册节点',
    // Constructed: Azure's and GCP's equivalents.
    'AKS LoadBalancer service: the nodes never show up in the load balancer backend pool',
    'GKE ingress: the network endpoint group stays empty after the deployment scaled up',
  ])('%s → declined', (question) => {
    expect(uncoveredCloudLbTargets(question, false)).toContain('target groups');
    expect(uncoveredCloudLbTargets(question, true)).toBeNull();
  });
  it.each([
    // Real (nginx/kubernetes-ingress#1199, shortened): kube-proxy's health check of a Local Service.
    'Health check endpoints /healthz are constantly Unhealthy in AWS NLB target groups - 503 HTTP error. Only the node running the pod is healthy.',
    // Constructed: a target group named once, in the body of a NodePort report.
    'NodePort 30080 only answers on the node running the pod. The NLB in front has one target group.',
    // Constructed: no target group at all.
    'LoadBalancer service stuck in pending, no external IP',
  ])('%s → not declined', (question) => {
    expect(uncoveredCloudLbTargets(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names target groups', () => {
    expect(cloudLbTargetsExplainedBy([doc('NodePort', ['部分节点不通'])])).toBe(false);
    expect(cloudLbTargetsExplainedBy([doc('云 LB', ['Target group 里没有注册节点'])])).toBe(true);
  });
});
