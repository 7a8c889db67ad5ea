import { describe, expect, it } from 'vitest';
import { callsOut } from '../../src/answer/calling-pod.js';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { podRole } from '../../src/answer/pod-role.js';

/** The command as the question fills it. */
function filled(command: string, question: string): string {
  return fillCommand(command, placeholderValues(extractEntities(question))).command;
}

const LISTENING = 'kubectl exec -n <namespace> <pod> -- ss -lntu';
const DESCRIBE = 'kubectl describe pod <pod> -n <namespace>';

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' words.
describe('a pod the report shows calling out', () => {
  it("reads the caller from its own log's failed call", () => {
    // https://github.com/kubeflow/pipelines/issues/4920
    const katib =
      'Multiple Pods stucks in CrashLoopBackOff. `kubectl -nkubeflow logs katib-db-manager-6c88c68d79-6snxk` `E1218 10:39:50.481923 1 mysql.go:62] Ping to Katib db failed: dial tcp 10.233.28.55:3306: connect: connection refused`';
    expect(callsOut(katib, 'katib-db-manager-6c88c68d79-6snxk')).toBe(true);
    expect(podRole(katib, 'katib-db-manager-6c88c68d79-6snxk')).toBe('client');
    expect(filled(LISTENING, katib)).toBe(LISTENING);
    expect(filled(DESCRIBE, katib)).toBe(
      'kubectl describe pod katib-db-manager-6c88c68d79-6snxk -n <namespace>',
    );
    expect(
      callsOut(
        'The pod appwrite-core is crashlooping, and in the log i have this line: Error communicating with Redis',
        'appwrite-core',
      ),
    ).toBe(true);
    expect(callsOut('web-0 的日志里报 dial tcp 10.96.0.10:53: i/o timeout', 'web-0')).toBe(true);
    expect(
      callsOut(
        'api-5f9b8c6c5d-jnd6n 日志：连接超时 redis.shop.svc.cluster.local:6379',
        'api-5f9b8c6c5d-jnd6n',
      ),
    ).toBe(true);
  });

  it('reads the caller from a shell opened in it that calls another end or reads its resolver', () => {
    expect(
      callsOut(
        '`kubectl exec -ti tiller-deploy-7ccf99cd64-5rljq -n kube-system sh` `/ # env | grep KUBERNETES` `KUBERNETES_SERVICE_PORT=443`',
        'tiller-deploy-7ccf99cd64-5rljq',
      ),
    ).toBe(true);
    expect(
      callsOut(
        'can not access other machine by ip. `kubectl exec dnsutils -it /bin/bash`; `ping 10.116.197.60` gets no reply',
        'dnsutils',
      ),
    ).toBe(true);
    expect(callsOut('进入容器 kubectl exec -it web-0 -- sh\n/ # nslookup mysql 超时', 'web-0')).toBe(true);
  });

  it("leaves kubectl's own errors, a loopback call and a listener's log alone", () => {
    // https://github.com/kubernetes/kubernetes/issues/102141
    expect(
      callsOut(
        '`kubectl logs -f crm-dev-rapi-894c8fb99-9fdks` Error from server: Get "https://192.168.1.109:10250/containerLogs/default/crm-dev-rapi-894c8fb99-9fdks/crm-dev-rapi?follow=true": dial tcp 192.168.1.109:10250: i/o timeout',
        'crm-dev-rapi-894c8fb99-9fdks',
      ),
    ).toBe(false);
    // https://github.com/cookeem/kubeadm-ha/issues/3
    expect(
      callsOut(
        '`kubectl -n kube-system exec -it kube-scheduler-app-web39v33 -- /bin/sh` Error from server: error dialing backend: dial tcp 10.83.1.1:10250: getsockopt: connection timed out',
        'kube-scheduler-app-web39v33',
      ),
    ).toBe(false);
    // The kubelet's probe calls the pod: the pod is the one called.
    expect(
      callsOut(
        'kubectl logs web-5546df8657-j4jzd: Readiness probe failed: Get "http://10.1.2.3:8080/health": dial tcp 10.1.2.3:8080: connect: connection refused',
        'web-5546df8657-j4jzd',
      ),
    ).toBe(false);
    expect(
      callsOut(
        'kubectl logs web-0 输出：就绪探针失败 dial tcp 10.1.2.3:8080: connect: connection refused',
        'web-0',
      ),
    ).toBe(false);
    expect(callsOut('kubectl exec -it web-0 -- sh\n/ # curl localhost:8080 hangs', 'web-0')).toBe(false);
    expect(
      callsOut('kubectl logs web-0 shows: listen tcp :8080: bind: address already in use', 'web-0'),
    ).toBe(false);
    expect(callsOut('web-0 的日志正常，没有报错', 'web-0')).toBe(false);
    expect(callsOut('kubectl logs api-0 -n shop: started on :8080', 'api-0')).toBe(false);
  });
});
