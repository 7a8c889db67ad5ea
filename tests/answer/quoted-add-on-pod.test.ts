import { describe, expect, it } from 'vitest';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import {
  applicationPodFails,
  onlyPrefixOf,
  onlyQuoted,
  quotedAddOnPod,
} from '../../src/answer/quoted-add-on-pod.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('an add-on pod only quoted beside a failing application pod', () => {
  const calicoLogFirst =
    'calico-node-7xk2p keeps logging: [WARNING] felix/int_dataplane.go 123: failed to sync routes. Meanwhile pod nginx-7c5ddbdf54-x2k9q can’t reach 10.96.0.10.';
  const kubeProxyCommand =
    'nginx pod 访问不了 service。kubectl -n kube-system logs kube-proxy-x8j2k 报错 Failed to list *v1.Endpoints';
  const corednsLog =
    "pod nginx can't reach service backend. coredns-5c98db65d4-qx4mq log: [ERROR] plugin/errors: 2 backend.default.svc.cluster.local. A: read udp 10.244.0.5:45678->10.96.0.10:53: i/o timeout";
  const calicoCommand =
    'Pods cannot reach each other across nodes. kubectl logs calico-node-7xk2p -n calico-system shows "BIRD is not ready: BGP not established with 10.0.0.12". Pod busybox on worker-1 cannot ping 10.244.2.5.';
  const zhLog =
    '我的 pod nginx-6d4cf56db6-2xk9v 访问不了 10.244.2.5，calico-node-7xk2p 日志里有 error: BIRD is not ready';

  it('fills <pod> with the application pod, not the add-on pod whose log is pasted first', () => {
    expect(fills(calicoLogFirst).get('<pod>')).toBe('nginx-7c5ddbdf54-x2k9q');
    expect(fills(zhLog).get('<pod>')).toBe('nginx-6d4cf56db6-2xk9v');
  });

  it('leaves <pod> and the command’s <namespace> open when the failing pod has no usable name', () => {
    for (const question of [kubeProxyCommand, corednsLog, calicoCommand]) {
      const values = fills(question);
      expect(values.get('<pod>')).toBeUndefined();
      expect(values.get('<namespace>')).toBeUndefined();
    }
  });

  it('does not take the quoted add-on pod for a node either', () => {
    expect(fills(calicoLogFirst).get('<node-name>')).toBeUndefined();
    expect(fills(calicoCommand).get('<node-name>')).toBe('worker-1');
  });

  it('keeps the add-on pod when the report says that pod fails', () => {
    const crash =
      'calico-node-7xk2p is 0/1 CrashLoopBackOff and pods cannot reach each other. kubectl logs calico-node-7xk2p -n kube-system: BIRD is not ready';
    expect(fills(crash).get('<pod>')).toBe('calico-node-7xk2p');
    const zh =
      'coredns-5c98db65d4-qx4mq 一直重启，业务 pod 解析不了域名。kubectl logs -n kube-system coredns-5c98db65d4-qx4mq';
    expect(fills(zh).get('<pod>')).toBe('coredns-5c98db65d4-qx4mq');
  });

  it('keeps the add-on pod when no application pod is said to fail', () => {
    const onlyAddOn =
      'kube-ovn-cni-x7k2p restarted twice today. kubectl -n kube-system logs kube-ovn-cni-x7k2p: failed to configure nic';
    expect(fills(onlyAddOn).get('<pod>')).toBe('kube-ovn-cni-x7k2p');
    const zh = 'coredns 报错。kubectl -n kube-system logs coredns-5c98db65d4-qx4mq 显示 i/o timeout';
    expect(fills(zh).get('<pod>')).toBe('coredns-5c98db65d4-qx4mq');
  });
});

describe('applicationPodFails', () => {
  it('reads a pod as the subject of a failure, in English and Chinese', () => {
    expect(applicationPodFails("pod nginx can't reach the service")).toBe(true);
    expect(applicationPodFails('Pods on worker-2 cannot reach the API server')).toBe(true);
    expect(applicationPodFails('nginx pod 访问不了 service')).toBe(true);
    expect(applicationPodFails('我的 pod web-0 无法访问外网')).toBe(true);
  });

  it('does not read an add-on’s pods, or a pod that does not fail', () => {
    expect(applicationPodFails("coredns pods can't start")).toBe(false);
    expect(applicationPodFails('calico-node pod 无法启动')).toBe(false);
    expect(applicationPodFails('I scheduled a nginx pod on node-1 and it is running')).toBe(false);
    expect(applicationPodFails('kube-proxy 的 pod 一直 Running')).toBe(false);
  });
});

describe('onlyQuoted', () => {
  it('takes the pod of a kubectl command or the source of a pasted log', () => {
    expect(onlyQuoted('kubectl -n kube-system logs kube-proxy-x8j2k', 'kube-proxy-x8j2k')).toBe(true);
    expect(
      onlyQuoted(
        'kubectl exec -it -n kube-system calico-node-7xk2p -- birdcl show protocols',
        'calico-node-7xk2p',
      ),
    ).toBe(true);
    expect(onlyQuoted('calico-node-7xk2p 日志: BIRD is not ready', 'calico-node-7xk2p')).toBe(true);
  });

  it('does not take a pod the report presents or lists', () => {
    expect(
      onlyQuoted('calico-node-7xk2p is 0/1 Running; kubectl logs calico-node-7xk2p', 'calico-node-7xk2p'),
    ).toBe(false);
    expect(onlyQuoted('kube-system calico-node-7xk2p 1/1 Running 0 3d', 'calico-node-7xk2p')).toBe(false);
  });

  it('needs an application pod failing beside it', () => {
    expect(
      quotedAddOnPod('kubectl -n kube-system logs kube-proxy-x8j2k shows errors', 'kube-proxy-x8j2k'),
    ).toBe(false);
    expect(
      quotedAddOnPod(
        'pod web-0 times out. kubectl -n kube-system logs kube-proxy-x8j2k shows errors',
        'kube-proxy-x8j2k',
      ),
    ).toBe(true);
    expect(quotedAddOnPod('pod web-0 times out. kubectl logs web-0', 'web-0')).toBe(false);
  });
});

describe('a name cut short by an ellipsis', () => {
  it('fills no <pod>', () => {
    expect(
      fills('kubectl logs pod/web-serve.. dial tcp 10.0.0.79:10250: i/o timeout').get('<pod>'),
    ).toBeUndefined();
    expect(fills('pod nginx-6d4cf… 访问不了 10.96.0.10').get('<pod>')).toBeUndefined();
    expect(
      fills('kubectl logs -n shop web-serve… 报错 dial tcp 10.0.0.79:10250: i/o timeout').get('<pod>'),
    ).toBeUndefined();
  });

  it('still fills a whole name that ends a sentence', () => {
    expect(
      fills('kubectl logs pod/web-server-6d4cf56db6-2xk9v. dial tcp 10.0.0.79:10250: i/o timeout').get(
        '<pod>',
      ),
    ).toBe('web-server-6d4cf56db6-2xk9v');
    expect(fills('pod nginx-6d4cf56db6-2xk9v 访问不了 10.96.0.10。').get('<pod>')).toBe(
      'nginx-6d4cf56db6-2xk9v',
    );
  });
});

describe('applicationPodFails: an add-on’s pods named by their role', () => {
  it('does not read the DNS, proxy or controller pods as an application’s', () => {
    expect(applicationPodFails("The ingress controller pod can't reach the backend")).toBe(false);
    expect(applicationPodFails('calico pod 无法启动')).toBe(false);
    expect(applicationPodFails('the dns pods time out')).toBe(false);
  });
});

describe('a failure seen from pods, or a few words after the pod', () => {
  it('leaves <pod> and <namespace> open beside a quoted kube-proxy or calico-node log', () => {
    const en =
      'Service web not reachable from pods. kubectl logs -n kube-system kube-proxy-8xk2p shows: Failed to list *v1.EndpointSlice: connection refused';
    const zh =
      '业务 pod 访问 svc 超时。kubectl logs -n kube-system kube-proxy-8xk2p 报错: Failed to list *v1.EndpointSlice';
    const between =
      'pod 之间不通。calico-node-7xk2p 的日志：bird: Mesh_10_0_0_12: Socket error: bind: Address in use';
    for (const question of [en, zh, between]) {
      expect(fills(question).get('<pod>')).toBeUndefined();
      expect(fills(question).get('<namespace>')).toBeUndefined();
    }
  });

  it('keeps an add-on pod the report says is in trouble itself', () => {
    const presented =
      'calico-node-7xk2p is running but BIRD is not ready; pods on worker-2 cannot reach pods on worker-1';
    expect(fills(presented).get('<pod>')).toBe('calico-node-7xk2p');
    expect(applicationPodFails('kube-proxy 的 pod 日志里没有报错')).toBe(false);
  });
});

describe('add-on pods shown running beside an application pod that fails', () => {
  it('fill no <pod>, in English and Chinese', () => {
    const en =
      'All kube-system pods are Running (calico-node-7xk2p, coredns-6d56c8448f-5z5kp, kube-proxy-abcde) but my pod cannot resolve kubernetes.default';
    const zh =
      '系统组件都正常：calico-node-7xk2p、coredns-6d56c8448f-5z5kp 都是 Running，但是 pod 里解析不了 kubernetes.default';
    expect(fills(en).get('<pod>')).toBeUndefined();
    expect(fills(zh).get('<pod>')).toBeUndefined();
  });

  it('still fill <pod> when no application pod is said to fail', () => {
    const running = 'calico-node-7xk2p is 1/1 Running but BGP peers show Idle with 10.0.0.12';
    expect(fills(running).get('<pod>')).toBe('calico-node-7xk2p');
    const zh = 'coredns-6d56c8448f-5z5kp 是 Running 状态，但 kubectl logs 里一直有 i/o timeout';
    expect(fills(zh).get('<pod>')).toBe('coredns-6d56c8448f-5z5kp');
  });
});

describe('a namespace written only as a dropped add-on pod’s prefix', () => {
  it('gives no <namespace> beside the failing application pod', () => {
    const kubelet =
      'pod nginx can\'t reach the service. journalctl -u kubelet: E0101 pod_workers.go:951] "Error syncing pod, skipping" err="failed to StartContainer" pod="kube-system/calico-node-7xk2p" podUID=abc';
    expect(fills(kubelet).get('<namespace>')).toBeUndefined();
    expect(fills(kubelet).get('<pod>')).toBeUndefined();
    const zh =
      '业务 pod 访问不了 service。kubelet 日志: "Error syncing pod" pod="kube-system/coredns-6d56c8448f-5z5kp"';
    expect(fills(zh).get('<namespace>')).toBeUndefined();
  });

  it('keeps a namespace written elsewhere too, or one of a pod that still fills', () => {
    const written =
      'pod nginx in namespace kube-system can\'t reach the service. kubelet: pod="kube-system/calico-node-7xk2p"';
    expect(fills(written).get('<namespace>')).toBe('kube-system');
    expect(onlyPrefixOf('pod="kube-system/calico-node-7xk2p"', 'kube-system', [])).toBe(false);
    expect(onlyPrefixOf('pod="kube-system/calico-node-7xk2p"', 'kube-system', ['calico-node-7xk2p'])).toBe(
      true,
    );
  });
});
