import { describe, expect, it } from 'vitest';
import { namedByOtherKindBefore } from '../../src/answer/fill-roles.js';
import { forwardedLocalPorts } from '../../src/answer/forwarded-port.js';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { callsFromPod, listensInPod, podRole } from '../../src/answer/pod-role.js';

/** The command as the question fills it. */
function filled(command: string, question: string): string {
  return fillCommand(command, placeholderValues(extractEntities(question))).command;
}

const CURL_FROM_POD = 'kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<cluster-ip>:<port>/';
const LISTENING = 'kubectl exec -n <namespace> <pod> -- ss -lntu';
const RESOLV = 'kubectl exec -n <namespace> <pod> -- cat /etc/resolv.conf';

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' words.
describe('the end of the path a pod is', () => {
  it('reads the caller from a call typed in the pod, a prompt in it, or prose', () => {
    expect(podRole('kubectl exec -it web-0 -n shop -- curl http://api.shop:8080 times out', 'web-0')).toBe(
      'client',
    );
    expect(
      podRole(
        'kubectl -n default exec -ti busybox-68654f944b-99fj4 nslookup kubernetes',
        'busybox-68654f944b-99fj4',
      ),
    ).toBe('client');
    expect(
      podRole(
        'I have no name!@wordpress-557fcb8469-gj585:/$ mysql -h wordpress-mariadb -u root -p',
        'wordpress-557fcb8469-gj585',
      ),
    ).toBe('client');
    expect(podRole('from pod busybox, nslookup kubernetes.default fails', 'busybox')).toBe('client');
    expect(podRole('web-0 cannot connect to the redis service', 'web-0')).toBe('client');
    expect(podRole('在 web-0 中访问 redis 服务超时', 'web-0')).toBe('client');
  });

  it('reads the called end from a port forward, a loopback call, a listing of sockets, prose or a lookup answer', () => {
    // https://github.com/kubernetes/kubectl/issues/1507
    expect(
      podRole(
        'kubectl port-forward grafana-5f9b8c6c5d-jnd6n -n istio-system 3000:3000',
        'grafana-5f9b8c6c5d-jnd6n',
      ),
    ).toBe('server');
    expect(
      podRole('kubectl exec nacos-1 curl "http://localhost:8848/nacos/v1/ns/raft/state" 都会报错', 'nacos-1'),
    ).toBe('server');
    expect(podRole('kubectl exec -n platform web-0 -- ss -lntp shows nothing on 8080', 'web-0')).toBe(
      'server',
    );
    expect(podRole('I cannot reach pod web-0 from the node', 'web-0')).toBe('server');
    expect(podRole('从节点访问 web-0 失败', 'web-0')).toBe('server');
    // https://github.com/docker-library/busybox/issues/98
    expect(
      podRole(
        'Address 1: 10.137.63.146 discovery-deployment-b75b8969b-7zzlz',
        'discovery-deployment-b75b8969b-7zzlz',
      ),
    ).toBe('server');
  });

  it('gives no role where the report says neither, or both', () => {
    expect(podRole('kubectl logs web-0 -n shop', 'web-0')).toBeUndefined();
    expect(
      podRole(
        'kubectl exec neo4jsc-neo4j-core-0 -- bin/cypher-shell --format verbose',
        'neo4jsc-neo4j-core-0',
      ),
    ).toBeUndefined();
    expect(podRole('kubectl describe pod helloworld 显示没有 IP', 'helloworld')).toBeUndefined();
    expect(
      podRole(
        'kubectl port-forward web-0 8080:80 works; kubectl exec web-0 -- curl http://api:8080 fails',
        'web-0',
      ),
    ).toBeUndefined();
    expect(podRole('访问 web-0 的日志', 'web-0')).toBeUndefined();
  });

  it('sorts runbook checks by the end they want', () => {
    expect(callsFromPod(CURL_FROM_POD)).toBe(true);
    expect(callsFromPod(RESOLV)).toBe(true);
    expect(callsFromPod('kubectl ko trace <namespace>/<pod> <target-ip> tcp <port>')).toBe(true);
    expect(callsFromPod(LISTENING)).toBe(false);
    expect(callsFromPod('kubectl describe pod <pod> -n <namespace>')).toBe(false);
    expect(listensInPod(LISTENING)).toBe(true);
    expect(listensInPod('kubectl exec -n <namespace> <pod> -- netstat -lntp')).toBe(true);
    expect(listensInPod(CURL_FROM_POD)).toBe(false);
  });

  it('leaves the called pod out of a check that calls from the pod, and keeps it where it listens', () => {
    const question =
      'kubectl forwards the service port, access fails. kubectl port-forward grafana-5f9b8c6c5d-jnd6n -n istio-system 3000:3000; curl 127.0.0.1:3000 works, but curl 192.168.2.13:3000: Connection refused.';
    expect(filled(CURL_FROM_POD, question)).toContain('<pod>');
    expect(filled(LISTENING, question)).toBe(
      'kubectl exec -n istio-system grafana-5f9b8c6c5d-jnd6n -- ss -lntu',
    );
  });

  it('leaves the calling pod out of the listening check, and keeps it where it calls', () => {
    const question =
      "my pod can not telnet to the kubernetes service: kubectl exec hadoop-zookeeper-x96rj telnet 10.0.0.1 443 → telnet: can't connect to remote host (10.0.0.1): Connection refused";
    expect(filled(LISTENING, question)).toContain('<pod>');
    expect(filled(RESOLV, question)).toContain('hadoop-zookeeper-x96rj');
    const chinese = '在 web-7d4b9c8f6-x2x9q 中访问 redis 服务超时，redis 在 shop 命名空间';
    expect(filled(LISTENING, chinese)).toContain('<pod>');
  });
});

describe("a port forward's local end", () => {
  it("is the engineer's own port, not the target's", () => {
    // https://github.com/pixel-point/kube-forwarder/issues/19
    expect([...forwardedLocalPorts('kubectl port-forward svc/argocd-server -n argocd 8080:443.')]).toEqual([
      8080,
    ]);
    expect([...forwardedLocalPorts('Forwarding from 127.0.0.1:18080 -> 80')]).toEqual([18080]);
    expect([...forwardedLocalPorts('kubectl port-forward grafana-5f9b8c6c5d-jnd6n 3000:3000')]).toEqual([]);
    expect([...forwardedLocalPorts('kubectl -n shop get svc web 8080:31313/TCP')]).toEqual([]);
    expect([
      ...forwardedLocalPorts('用 kubectl port-forward pod/web-0 9000:80 之后访问 localhost:9000 超时'),
    ]).toEqual([9000]);
  });

  it('fills no <port> with it', () => {
    const question =
      'Unable to hit service. kubectl port-forward svc/argocd-server -n argocd 8080:443. I attempt to hit https://localhost:8080, but it times out.';
    expect(filled(CURL_FROM_POD, question)).toContain(':<port>/');
    expect(filled('curl -sS -m 3 http://<node-ip>:<port>/', 'curl http://10.0.0.5:8080 times out')).toContain(
      ':8080/',
    );
  });
});

describe("a name after another kind's word", () => {
  it("is that kind's name, not the object word's after it", () => {
    expect(namedByOtherKindBefore('started for volume "', 'pod')).toBe(true);
    expect(namedByOtherKindBefore('namespace ', 'pod')).toBe(true);
    expect(namedByOtherKindBefore('container ', 'pod')).toBe(true);
    expect(namedByOtherKindBefore('the ', 'pod')).toBe(false);
    expect(namedByOtherKindBefore('pod ', 'pod')).toBe(false);
    expect(namedByOtherKindBefore('节点 ', 'pod')).toBe(false);
  });

  it('fills no <pod> with a volume or a namespace', () => {
    // https://github.com/kubernetes/minikube/issues/5598
    const kubelet =
      'operationExecutor.VerifyControllerAttachedVolume started for volume "config-volume" pod "coredns-5644d7b6d9-kgq7n"';
    expect(filled('kubectl describe pod <pod> -n <namespace>', kubelet)).toContain(
      'coredns-5644d7b6d9-kgq7n',
    );
    expect(filled('kubectl describe pod <pod> -n <namespace>', 'namespace my-app pod web-0 fails')).toBe(
      'kubectl describe pod web-0 -n my-app',
    );
    expect(filled('kubectl describe pod <pod> -n <namespace>', 'the web-0 pod cannot reach api')).toContain(
      'web-0',
    );
  });
});
