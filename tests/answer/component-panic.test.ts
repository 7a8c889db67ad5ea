import { describe, expect, it } from 'vitest';
import { componentPanicExplainedBy, uncoveredComponentPanic } from '../../src/answer/component-panic.js';
import type { TopicDoc } from '../../src/answer/uncovered-subjects.js';

describe("uncoveredComponentPanic: a component's own crash at a Go runtime error", () => {
  it.each([
    // Real kubeovn/kube-ovn#4699 (shortened).
    '[BUG] Invalid subnet CIDR block causes kube-ovn-cni pods to panic and enter crashloopbackoff. E1101 16:04:53.669762 runtime.go:79] Observed a panic: &logrus.Entry{Message:"Failed to parse CIDR"} goroutine 94 [running]:',
    // Real projectcalico/calico#5779 (shortened): the CNI plugin panicked while pods started.
    'Calico CNI panicked during add IP. k8s pods failed to start. cni.log: Final result of CNI ADD was an error. error=Calico CNI panicked during ADD: runtime error: invalid memory address or nil pointer dereference',
    // Real cilium/cilium#33036 (shortened).
    'cilium-agent null pointer crash. After installing version 1.15.5 of cilium and running it for a period of time, cilium-agent will crash due to a null pointer. panic: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation]',
    // Real flannel-io/flannel#348 (shortened): the runtime error is the headline.
    'panic: runtime error: invalid memory address or nil pointer dereference [signal 0xb code=0x1 addr=0x0]. When i am running ./flanneld -iface=eth0 &, i am getting this panic.',
    // Constructed (Chinese).
    'kube-ovn-controller 升级后崩溃重启，日志: panic: runtime error: index out of range [0] with length 0',
  ])('%s → declined', (question) => {
    expect(uncoveredComponentPanic(question, false)).toContain('runtime error');
  });

  it.each([
    // Real (reports6.yaml, shortened): a path in the first sentence, a panic pasted below.
    "Kubernetes Pod's cannot reach pods in serviceSubnet. kube-proxy log: panic: runtime error: invalid memory address or nil pointer dereference",
    // Real kubernetes/kubernetes#51499 (shortened): a Service in the first sentence.
    'kube-proxy panic because of service sessionAffinityConfig is nil. upgrading k8s to latest version, then kube-proxy panic. runtime error: invalid memory address',
    // Real (reports15.yaml, shortened): no crash in the first sentence, "panic" only in felix diagnostics.
    'calico node says running but shows 0/1. felix/table.go 1006: Failed to program iptables, loading diags before panic. error=exit status 2',
    // Real kubernetes-mesos#107 (shortened): the headline says nothing crashed.
    "latest kube-proxy doesn't fail-fast if proxier creation fails. Instead it panics: panic: runtime error: invalid memory address or nil pointer dereference",
    // Constructed: a crash named, but no runtime error pasted (a crash loop a runbook explains).
    'calico-node CrashLoopBackOff on node-3: BIRD is not ready: BGP not established with 10.0.0.12',
    // Constructed (Chinese): a crash with a timeout in the first sentence.
    'coredns 崩溃重启，解析超时。日志: panic: runtime error: invalid memory address',
  ])('%s → not declined', (question) => {
    expect(uncoveredComponentPanic(question, false)).toBeNull();
  });

  it('stands back while a runbook states such a crash', () => {
    expect(
      uncoveredComponentPanic('cilium-agent crash: panic: runtime error: nil pointer dereference', true),
    ).toBeNull();
  });
});

describe('componentPanicExplainedBy', () => {
  const doc = (trigger: string): TopicDoc => ({
    title: 'A runbook',
    triggers: [trigger],
    chunks: [],
    troubleshooting: [],
  });
  it('is true when a runbook states a runtime error', () => {
    expect(componentPanicExplainedBy([doc('calico-node crash: nil pointer dereference')])).toBe(true);
  });
  it('is false for runbooks of network paths', () => {
    expect(componentPanicExplainedBy([doc('calico-node not ready'), doc('跨节点 pod 不通')])).toBe(false);
  });
});
