import { describe, expect, it } from 'vitest';
import {
  flowObserverExplainedBy,
  observerStepsStated,
  uncoveredFlowObserver,
} from '../../src/answer/flow-observer.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

/** The steps the Cilium runbook takes: `hubble observe` and `cilium hubble port-forward`. */
const STEPS = ['observe', 'port-forward'];

describe('uncoveredFlowObserver: the flow observer itself, not the traffic it watches', () => {
  it.each([
    // Real (cilium/cilium#31516, shortened): Relay cannot reach its peers.
    'Hubble Relay error="context deadline exceeded" subsys=hubble-relay target="hubble-peer.kube-system.svc.cluster.local:443". I have been trying to enable Hubble on my K3S single node cluster. Certs are not expired.',
    // Real (cilium/hubble#1609, shortened): the observer's metrics.
    'Hubble Metrics show only small subset of the requests. Although I see all the flows in the hubble UI, metrics are not being created for these flows.',
    // Real (cilium/cilium#42044, shortened): a field of the flow record.
    'Policy log does not work for DROPPED/AUDIT flow. When defining a CiliumNetworkPolicy with the spec.log field configured, I expect the relevant hubble flows to have the policy_log field.',
    // Real (cilium/hubble#1332, shortened): logging the dropped flows.
    "Is there a way to log all dropped verdict by policy deny? I'd like to log the traffic that got dropped by policy deny, similar to hubble observe --verdict DROPPED.",
    // Constructed (Chinese): the UI crashes after enabling it.
    'hubble-ui 一直 CrashLoopBackOff，启用 hubble 之后页面打不开，cilium 1.15。',
  ])('%s → declined', (question) => {
    expect(uncoveredFlowObserver(question, false, STEPS)).toContain('flow observer');
    expect(uncoveredFlowObserver(question, true, STEPS)).toBeNull();
  });
  it.each([
    // Real (cilium/hubble#1356, shortened): the runbook's own port-forward step.
    'hubble-relay port-forwarding: context deadline exceeded / error reading server preface: EOF. cilium hubble port-forward still leads to "error reading server preface: EOF".',
    // Real (cilium/hubble#1678, shortened): Relay fails because the cluster DNS times out.
    'Hubble UI & relay Crashloopback. Running on RKE2. relay log: dns: A record lookup error: lookup hubble-peer.kube-system.svc.cluster.local. on 10.96.0.10:53: read udp 10.244.0.198:52737->10.96.0.10:53: i/o timeout',
    // Real (cilium/cilium#30105, shortened): the observer shows the reporter's own traffic dropped.
    'Random traffic is dropped from pods based on same cronjob. hubble observe shows Policy denied DROPPED (TCP Flags: SYN).',
    // Constructed: a path failing, the observer only named as the check.
    'Pods cannot reach each other across nodes. hubble-relay is running and hubble observe shows DROPPED.',
    // Constructed: Kube-OVN's ACL log, which the policy runbook reads.
    'Policy log is empty for my kube-ovn NetworkPolicy. I set ovn.kubernetes.io/enable_log=true but acl_log shows nothing.',
    // Constructed (Chinese): DNS fails; Hubble is not named.
    'Pod 内 nslookup kubernetes.default 超时，cilium 集群，CoreDNS 正常运行。',
  ])('%s → left to the runbooks', (question) => {
    expect(uncoveredFlowObserver(question, false, STEPS)).toBeNull();
  });
});

describe('observerStepsStated', () => {
  it("reads the sub-commands of a runbook's hubble command lines and code spans, not its prose", () => {
    const docs = [
      {
        chunks: [
          {
            text: '`hubble observe` 需要能连到 Hubble Relay：\n```\ncilium hubble port-forward &\nhubble observe --pod <namespace>/<pod>\n```',
          },
        ],
      },
    ] as never;
    expect(observerStepsStated(docs).sort()).toEqual(['observe', 'port-forward']);
  });
});

describe('flowObserverExplainedBy', () => {
  it('is true only when a runbook states the observer failing', () => {
    expect(flowObserverExplainedBy([doc('Cilium', ['Hubble 显示 DROPPED (Policy denied)'])])).toBe(false);
    expect(flowObserverExplainedBy([doc('Hubble', ['hubble-relay 启动失败，连不上 peer'])])).toBe(true);
  });
});
