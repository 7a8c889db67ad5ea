/**
 * A check the runbooks run inside `<pod>` is run in the client pod: the cluster DNS server's own pod is no client of a
 * lookup, and beside a pod the report does not name, an add-ons' namespace is no namespace of it
 * (src/answer/in-pod-check.ts, src/answer/placeholders.ts). A NodePort reached on a node's loopback address is no
 * pod's port (src/answer/fill-roles.ts). Excerpts of fresh reports, in no eval set.
 */
import { describe, expect, it } from 'vitest';
import {
  dnsServerPod,
  lookupInDnsServer,
  runsInPod,
  systemNamespace,
} from '../../src/answer/in-pod-check.js';
import { fillFromQuestion } from '../../src/answer/placeholders.js';

const LOOKUP = 'kubectl exec -n <namespace> <pod> -- nslookup kubernetes.default.svc.cluster.local <pod-ip>';
const RESOLV = 'kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf';
const LOGS = 'kubectl -n <namespace> logs <pod>';

describe('the helpers', () => {
  it('reads the DNS server pods by name', () => {
    for (const name of [
      'coredns',
      'coredns-5c98db65d4-qx4mq',
      'kube-dns-2425271678-cqm2n',
      'nodelocaldns-8xk2p',
    ])
      expect(dnsServerPod(name)).toBe(true);
    for (const name of ['busybox', 'dnsutils', 'web-coredns-client', 'my-dns-app-0'])
      expect(dnsServerPod(name)).toBe(false);
  });

  it('reads a lookup run in a pod', () => {
    expect(lookupInDnsServer(LOOKUP, 'coredns-5c98db65d4-qx4mq')).toBe(true);
    expect(lookupInDnsServer(RESOLV, 'coredns')).toBe(true);
    expect(lookupInDnsServer(LOOKUP, 'busybox')).toBe(false);
    expect(lookupInDnsServer(LOGS, 'coredns')).toBe(false);
    expect(lookupInDnsServer(LOOKUP, undefined)).toBe(false);
    expect(runsInPod('oc exec -it <pod> -- curl <target-ip>')).toBe(true);
    expect(runsInPod('kubectl get pod <pod> -n <namespace> -o wide')).toBe(false);
    expect(systemNamespace('kube-system')).toBe(true);
    expect(systemNamespace('default')).toBe(false);
    expect(systemNamespace(undefined)).toBe(false);
  });
});

describe("a lookup is not run in the DNS server's own pod", () => {
  // https://github.com/kubesphere/kubesphere/issues/5796
  it.each([
    'coredns has "read udp xxx io timeout" errors\n2. kubectl logs -f --tail 300 pod/coredns -n kube-system',
    'coredns 大量报错 read udp i/o timeout，执行 kubectl logs -f --tail 300 pod/coredns -n kube-system 查看',
  ])('leaves <pod> and the add-on namespace open: %s', (question) => {
    expect(fillFromQuestion(LOOKUP, question).command).toBe(LOOKUP);
    expect(fillFromQuestion(RESOLV, question).command).toBe(RESOLV);
    // The DNS pod's own log keeps its fill.
    expect(fillFromQuestion(LOGS, question).command).toBe('kubectl -n kube-system logs coredns');
  });

  it.each([
    'kubectl exec -n shop busybox -- nslookup kubernetes.default fails: connection timed out',
    '命名空间 shop 里的 pod busybox 解析不了 kubernetes.default',
  ])('still runs it in the client pod: %s', (question) => {
    expect(fillFromQuestion(RESOLV, question).command).toBe(
      'kubectl exec -n shop busybox -- cat /etc/resolv.conf',
    );
  });
});

describe('a check in a pod the report does not name keeps no add-ons namespace', () => {
  it.each([
    'kubectl get svc kube-dns -n kube-system shows 10.96.0.10 but lookups time out: ;; connection timed out; no servers could be reached',
    'kubectl get svc kube-dns -n kube-system 显示 10.96.0.10，但是解析超时 ;; connection timed out; no servers could be reached',
  ])('leaves <namespace> open in the exec: %s', (question) => {
    expect(fillFromQuestion(RESOLV, question).command).toBe(RESOLV);
  });

  it('keeps an application namespace, and the namespace of a pod the report names in kube-system', () => {
    expect(fillFromQuestion(RESOLV, 'pods in namespace shop cannot resolve any name').command).toBe(
      'kubectl exec -n shop <pod> -- cat /etc/resolv.conf',
    );
    expect(
      fillFromQuestion(
        RESOLV,
        'kubectl exec -n kube-system metrics-agent-7d9f -- nslookup google.com times out',
      ).command,
    ).toBe('kubectl exec -n kube-system metrics-agent-7d9f -- cat /etc/resolv.conf');
  });
});

describe("a NodePort reached on the node's loopback address", () => {
  const POD_PORT = 'tcpdump -i <iface> -nn host <pod-ip> and port <port>';
  const NODE_PORT = 'nc -zv <node-ip> <port>';

  // https://github.com/hitachienergy/epiphany/issues/1072
  it.each([
    "time curl 'http://127.0.0.1:32300/ignite?cmd=version' takes 1m3s with canal",
    '用 canal 时 curl http://localhost:32300/ignite 要等一分钟才返回',
  ])('is no pod port: %s', (question) => {
    expect(fillFromQuestion(POD_PORT, question).command).toBe(POD_PORT);
    expect(fillFromQuestion(NODE_PORT, question).command).toBe('nc -zv <node-ip> 32300');
  });

  it('leaves a loopback port outside the NodePort range as it was', () => {
    expect(
      fillFromQuestion(POD_PORT, 'curl http://127.0.0.1:8080/healthz inside the pod is refused').command,
    ).toBe('tcpdump -i <iface> -nn host <pod-ip> and port 8080');
  });
});

describe("a health check's port", () => {
  const HEALTHZ = 'curl -sS -m 3 http://<node-ip>:<port>/healthz';

  // https://github.com/k3s-io/k3s/issues/5131
  it.each([
    'traefik LoadBalancer 10.43.199.240 192.168.2.248 80:30576/TCP,443:31861/TCP; curl http://192.168.2.248:30576 returns 404',
    'traefik 服务 LoadBalancer 10.43.199.240 192.168.2.248 80:30576/TCP，访问 curl http://192.168.2.248:30576 返回 404',
  ])("is not the app's NodePort: %s", (question) => {
    expect(fillFromQuestion(HEALTHZ, question).command).toBe(HEALTHZ);
    expect(fillFromQuestion('tcpdump -i <iface> -nn tcp port <port>', question).command).toBe(
      'tcpdump -i <iface> -nn tcp port 30576',
    );
  });

  it.each([
    'externalTrafficPolicy: Local, healthCheckNodePort: 32000, some nodes drop the traffic',
    'externalTrafficPolicy 为 Local，健康检查端口 32000，部分节点不通',
    'curl http://10.0.0.5:10256/healthz on the node times out',
  ])('is the one the report writes as such: %s', (question) => {
    expect(fillFromQuestion(HEALTHZ, question).command).toMatch(/:(?:32000|10256)\/healthz$/);
  });
});

describe("a component's probe port on its loopback", () => {
  const NC = 'nc -zv <target-ip> <port>';

  it.each([
    'calico-node not ready: Get http://localhost:9099/readiness: dial tcp [::1]:9099: connect: connection refused',
    'calico-node 一直未就绪：Get http://localhost:9099/readiness: dial tcp [::1]:9099: connect: connection refused',
  ])('fills no <port>: %s', (question) => {
    expect(fillFromQuestion(NC, question).command).toBe(NC);
  });

  it('leaves the port the report fails on', () => {
    expect(
      fillFromQuestion(
        'curl http://<cluster-ip>:<port>/',
        'curl http://127.0.0.1:10249/metrics works but service 10.96.3.4 port 80 times out',
      ).command,
    ).toBe('curl http://10.96.3.4:80/');
    expect(fillFromQuestion(NC, 'pod 访问 10.96.0.1:443 超时，FELIX_HEALTHPORT: 9099').command).toBe(
      'nc -zv 10.96.0.1 443',
    );
  });

  it("keeps an app's own port, on the loopback or not", () => {
    expect(fillFromQuestion(NC, 'curl 127.0.0.1:8080/healthz inside the pod is refused').command).toBe(
      'nc -zv <target-ip> 8080',
    );
    expect(
      fillFromQuestion(
        NC,
        'my app listens on 9099: curl 10.244.1.5:9099 times out but curl localhost:9099 works',
      ).command,
    ).toBe('nc -zv 10.244.1.5 9099');
  });
});
