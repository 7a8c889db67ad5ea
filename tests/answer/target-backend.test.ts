import { describe, expect, it } from 'vitest';
import { extractEntities, fillCommand, placeholderValues } from '../../src/answer/placeholders.js';
import { podBesideDialledName } from '../../src/answer/target-backend.js';

/** The command as the question fills it. */
function filled(command: string, question: string): string {
  return fillCommand(command, placeholderValues(extractEntities(question))).command;
}

const LISTENING = 'kubectl exec -n <namespace> <pod> -- ss -lntu';
const DESCRIBE = 'kubectl describe pod <pod> -n <namespace>';

// Judged on fresh reports (not in any eval set); excerpts keep the reporters' words.
describe('a pod beside an error that dialled another end by name', () => {
  it('leaves the listening check open for a pod the dialled name does not name', () => {
    // https://github.com/apache/openwhisk-deploy-kube/issues/96
    const openwhisk =
      'Unable to connect to zookeeper.openwhisk:2181. It seems zookeeper is deployed but kafka is failing to connect. kubectl get pods,services --all-namespaces=true -o wide: openwhisk po/controller-0 0/1 CrashLoopBackOff 172.17.0.7 127.0.0.1; openwhisk po/kafka-1473765933-v4p3c 0/1 CrashLoopBackOff 172.17.0.6 127.0.0.1';
    expect(podBesideDialledName(openwhisk, 'controller-0')).toBe(true);
    expect(filled(LISTENING, openwhisk)).toBe(LISTENING);
    // The pod still fills a check that reads the pod itself.
    expect(filled(DESCRIBE, openwhisk)).toContain('controller-0');
  });

  it('reads the same in a Chinese report', () => {
    const zh =
      'kafka 一直无法连接 zookeeper.openwhisk:2181，报错 Unable to connect to zookeeper.openwhisk:2181。kubectl get pods 显示 controller-0 0/1 CrashLoopBackOff';
    expect(podBesideDialledName(zh, 'controller-0')).toBe(true);
    expect(filled(LISTENING, zh)).toBe(LISTENING);
  });

  it("keeps a pod that carries the dialled name's words", () => {
    // https://github.com/helm/charts/issues/16638
    const redis =
      "[stable/redis] Master-Slave with Sentinel deployment issue. kubectl logs dev-tmp-redis-master-0 -c sentinel: Could not connect to Redis at dev-tmp-redis:26379: Connection refused. 'sentinel monitor master dev-tmp-redis-master-0.dev-tmp-redis-headless.infraplat-dev.svc.cluster.local 6379 2' Can't resolve master instance hostname.";
    expect(podBesideDialledName(redis, 'dev-tmp-redis-master-0')).toBe(false);
    const zh =
      '从 busybox 访问 mysql-svc:3306 报错 dial tcp: lookup mysql-svc on 10.96.0.10:53: no such host，后端 pod 是 mysql-0';
    expect(podBesideDialledName(zh, 'mysql-0')).toBe(false);
  });

  it('says nothing where the error dialled an address, or no error is pasted', () => {
    // https://github.com/kubernetes/kubernetes/issues/66858
    expect(
      podBesideDialledName(
        "Pod can't make request to service. Error: connect ETIMEDOUT 10.0.17.253:5412",
        'web-0',
      ),
    ).toBe(false);
    expect(podBesideDialledName('web-0 无法访问服务，一直超时', 'web-0')).toBe(false);
  });
});
