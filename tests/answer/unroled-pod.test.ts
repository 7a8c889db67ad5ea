import { describe, expect, it } from 'vitest';
import { conversationValues, fillCommand, fillFromQuestion } from '../../src/answer/placeholders.js';
import { podsOfOtherWorkloads, workloadName } from '../../src/answer/unroled-pod.js';

const CALL_FROM_POD = 'kubectl exec -n <namespace> <pod> -- curl -sS -m 3 http://<pod-ip>:<port>/';
const LISTENING_IN_POD = 'kubectl exec -n <namespace> <pod> -- ss -lntu';
const DESCRIBE_POD = 'kubectl describe pod <pod> -n <namespace>';

describe('workloadName', () => {
  it('strips a Deployment pod hash and a DaemonSet suffix', () => {
    expect(workloadName('redis-master-sgbch')).toBe('redis-master');
    expect(workloadName('openstack-exporter-5555444865-bctlh')).toBe('openstack-exporter');
    expect(workloadName('kube-flannel-ds-5w8v2')).toBe('kube-flannel-ds');
  });
  it('keeps a name that carries no generated suffix', () => {
    expect(workloadName('fortunepod')).toBeUndefined();
    expect(workloadName('cassandra-0')).toBeUndefined();
  });
});

describe('podsOfOtherWorkloads', () => {
  it('tells pods of two workloads from replicas of one', () => {
    expect(podsOfOtherWorkloads(['redis-master-sgbch', 'redis-slave-r7kbk'])).toBe(true);
    expect(podsOfOtherWorkloads(['my-nginx-5f44486bdb-q5dr8', 'my-nginx-5f44486bdb-scttd'])).toBe(false);
    expect(podsOfOtherWorkloads(['fortunepod'])).toBe(false);
    expect(podsOfOtherWorkloads([])).toBe(false);
  });
});

describe('a pod with no role among pods of other workloads', () => {
  const redis =
    'Guestbook-Go example - redis slave pods are not able to connect to redis master pod when running the deployment on 2 worker nodes. The redis-master pod was deployed on node-2 and the redis-slave pods on each worker node. kubectl get pods --all-namespaces -o wide: default guestbook-8w7ld 1/1 Running 10.36.0.4 node-2; default guestbook-bk8zn 1/1 Running 10.44.0.3 node-1; default redis-master-sgbch 1/1 Running 10.36.0.1 node-2; default redis-slave-r7kbk 1/1 Running 10.44.0.2 node-1.';
  it('leaves <pod> open in a call run from the pod and in a listening check', () => {
    expect(fillFromQuestion(CALL_FROM_POD, redis).command).toContain('<pod> -- curl');
    expect(fillFromQuestion(LISTENING_IN_POD, redis).command).toContain('<pod> -- ss');
  });
  it('still fills <pod> where the check wants no end of the path', () => {
    expect(fillFromQuestion(DESCRIBE_POD, redis).command).toContain('describe pod redis-master-sgbch');
  });
  it('leaves <pod> open in a Chinese report that gives neither pod a role', () => {
    const zh =
      '同一节点上的两个 pod：openstack-exporter-5555444865-bctlh 10.244.2.61 和 prometheus-server-6c549c7d4b-fmfvz ' +
      '10.244.2.98 都在 k8s-worker-4 上，但是 ClusterIP 10.101.122.233:9180 访问不通。';
    expect(fillFromQuestion(CALL_FROM_POD, zh).command).toContain('<pod> -- curl');
    expect(fillFromQuestion(DESCRIBE_POD, zh).command).toContain(
      'describe pod openstack-exporter-5555444865-bctlh',
    );
  });
});

describe('a pod the report gives a role keeps it', () => {
  it('fills the caller a shell prompt shows calling', () => {
    const q =
      "cant connect to mysql with service name. I can telnet 3306 port, but cant connect to mysql with service name; it happens when the mysql client and mysql server are in the same node. root@mysqlclient-k8s-dev-node2:/bin# telnet 10.22.0.39 3306 Connected. telnet wbyb-rds-dev 3306 Trying 192.168.10.206... Connected to wbyb-rds-dev.bxr-dev.svc.k8sdev.local. mysql -h wbyb-rds-dev -u banxiaoer -p ERROR 1045 (28000): Access denied for user 'banxiaoer'@'172.31.0.165'. 172.31.0.165 is mysqlclient-k8s-dev-node2 pod's ip. mysql is a static pod.";
    expect(fillFromQuestion(CALL_FROM_POD, q).command).toContain('mysqlclient-k8s-dev-node2 -- curl');
  });
  it('fills the pod a port-forward reaches in its listening check', () => {
    const q =
      'port-forward not working in kubernetes cluster where as direct connection to pod on port 80 works fine. ubuntu@k8master:~$ kubectl port-forward pods/fortunepod 8080:80 Forwarding from 127.0.0.1:8080 -> 80. ubuntu@node1:~$ curl localhost:8080 curl: (7) Failed to connect to localhost port 8080: Connection refused. If I curl directly to pod IP and port 80 everything works: curl 10.244.1.223:80. Name: fortunepod Namespace: default Node: node1/10.108.147.192 IP: 10.244.1.223, 2 containers content-generator and the web server.';
    expect(fillFromQuestion(LISTENING_IN_POD, q).command).toContain('fortunepod -- ss');
  });
  it('fills a Chinese caller named with 从 beside another workload', () => {
    const q =
      '在 prometheus-server-6c549c7d4b-fmfvz 里执行 curl 10.101.122.233:9180 超时，从 prometheus-server-6c549c7d4b-fmfvz ' +
      '访问 openstack-exporter-5555444865-bctlh 失败。';
    expect(fillFromQuestion(CALL_FROM_POD, q).command).toContain(
      'prometheus-server-6c549c7d4b-fmfvz -- curl',
    );
  });
  it('fills replicas of one workload as before', () => {
    const q =
      'Two replicas my-nginx-5f44486bdb-q5dr8 (172.33.99.2 on node2) and my-nginx-5f44486bdb-scttd (172.33.17.2 on ' +
      'node3): the my-nginx ClusterIP 10.254.0.20:80 times out from node1.';
    expect(fillFromQuestion(LISTENING_IN_POD, q).command).toContain('my-nginx-5f44486bdb-q5dr8 -- ss');
  });
});

describe('a later turn about the same pod', () => {
  it('keeps the doubt an earlier turn left about the pod', () => {
    const first =
      'Guestbook-Go example - redis slave pods are not able to connect to redis master pod. kubectl get pods ' +
      '--all-namespaces -o wide: default guestbook-8w7ld 1/1 Running 10.36.0.4 node-2; default redis-master-sgbch 1/1 ' +
      'Running 10.36.0.1 node-2; default redis-slave-r7kbk 1/1 Running 10.44.0.2 node-1.';
    const values = conversationValues('what should I check next?', [first]);
    expect(fillCommand(CALL_FROM_POD, values).command).toContain('<pod> -- curl');
  });
  it('lets a later turn that names the caller settle it', () => {
    const values = conversationValues('root@redis-slave-r7kbk:/# redis-cli -h redis-master ping hangs', [
      'redis-master-sgbch 1/1 Running 10.36.0.1 node-2 and redis-slave-r7kbk 1/1 Running 10.44.0.2 node-1',
    ]);
    expect(fillCommand(CALL_FROM_POD, values).command).toContain('redis-slave-r7kbk -- curl');
  });
});
