/**
 * A check of one Service whose name the question does not give keeps `<namespace>` open too: the namespace the
 * question gives is another object's (the failing pod's), not the Service's (src/answer/placeholders.ts).
 */
import { describe, expect, it } from 'vitest';
import { fillFromQuestion } from '../../src/answer/placeholders.js';

const SVC = 'kubectl get svc <service-name> -n <namespace>';
const POD = 'kubectl -n <namespace> logs <pod>';

describe('a Service check whose Service the question does not name', () => {
  it.each([
    "Failed to create SubnetManager: error retrieving pod spec for 'kube-system/kube-flannel-ds-m8srl': dial tcp 10.68.0.1:443: i/o timeout",
    "集群启动后 flannel 报错：error retrieving pod spec for 'kube-system/kube-flannel-ds-m8srl': dial tcp 10.68.0.1:443: i/o timeout",
  ])('leaves the namespace open: %s', (question) => {
    expect(fillFromQuestion(SVC, question).command).toBe(SVC);
    // The pod's own check still takes its namespace.
    expect(fillFromQuestion(POD, question).command).toBe('kubectl -n kube-system logs kube-flannel-ds-m8srl');
  });

  it.each([
    'service my-nginx in namespace prod is not reachable from other pods',
    '命名空间 prod 下的 service my-nginx 访问不通',
  ])('fills both when the Service is named: %s', (question) => {
    expect(fillFromQuestion(SVC, question).command).toBe('kubectl get svc my-nginx -n prod');
  });
});
