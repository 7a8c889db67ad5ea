import { describe, expect, it } from 'vitest';
import { cniInstallerExplainedBy, uncoveredCniInstaller } from '../../src/answer/cni-installer.js';

const doc = (title: string, symptoms: string[] = []) => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: '' }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe("uncoveredCniInstaller: a CNI's Helm chart or operator installation", () => {
  it.each([
    // Real (cilium/cilium#33841, shortened).
    'helm upgrade failed. helm upgrade cilium cilium/cilium --reuse-values --set kubeProxyReplacement=true\nError: UPGRADE FAILED: template: cilium/templates/cilium-agent/daemonset.yaml:530:20: executing at <.Values.sysctlfix.enabled>: nil pointer evaluating interface {}.enabled',
    // Real (cilium/cilium#26003, shortened).
    'Helm chart parse fails. helm install cilium cilium/cilium --values values-initial.yaml\nError: parse error at (cilium/templates/clustermesh-apiserver/tls-cronjob/_job-spec.tpl:3): unclosed action',
    // Real (projectcalico/calico#6407, shortened).
    'Calico Operator Installation got stuck. Removing the projectcalico.org/operator-node-migration: pre-operator label from a node made the migration continue.',
    // Real (rancher/rke2#11229, shortened).
    'rke2-calico v3.32.100 leaves tigerastatus/tiers permanently DEGRADED because apiServer.enabled defaults to false. kubectl get tigerastatus shows tiers Degraded.',
    // Constructed: Chinese.
    'calico operator 安装卡住，kubectl get tigerastatus 显示 calico Degraded',
  ])('%s → declined', (question) => {
    expect(uncoveredCniInstaller(question, false)).toContain('Helm chart or operator');
    expect(uncoveredCniInstaller(question, true)).toBeNull();
  });
  it.each([
    // Constructed: a path broken after an upgrade; the upgrade printed its failure in passing.
    'After helm upgrade of cilium pods cannot resolve DNS. Earlier the upgrade printed Error: UPGRADE FAILED: timed out waiting for the condition',
    // Constructed: a chart named, no Helm error quoted.
    'Installed calico with the tigera-operator helm chart, pods on different nodes cannot ping each other',
    // Constructed: the operator named in the headline, no operator resource quoted.
    'tigera-operator pod CrashLoopBackOff',
    // Constructed: Chinese, a Service path.
    'helm 安装 cilium 后 Service 不通：Error: INSTALLATION FAILED',
  ])('%s → not declined', (question) => {
    expect(uncoveredCniInstaller(question, false)).toBeNull();
  });
  it('is explained by a runbook whose row names Helm charts or the operator installation', () => {
    expect(cniInstallerExplainedBy([doc('Calico BGP', ['BGP 未建立'])])).toBe(false);
    expect(cniInstallerExplainedBy([doc('安装', ['helm chart 渲染失败'])])).toBe(true);
  });
});
