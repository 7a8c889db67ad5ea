import { describe, expect, it } from 'vitest';
import { withoutChartNotes } from '../../src/answer/chart-notes.js';
import { columnHeaderEnd } from '../../src/answer/listing-header.js';
import { packageVersion } from '../../src/answer/package-version.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';
import { quoteEndsLine } from '../../src/answer/quote-line-end.js';
import { statefulPodDnsName } from '../../src/answer/stateful-pod-dns.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('a listing header’s last column', () => {
  it('is an upper-case word ending its line, the next line’s cell no object of its kind', () => {
    expect(columnHeaderEnd('NODE', '\n')).toBe(true);
    expect(columnHeaderEnd('NODE', '   \n  ')).toBe(true);
    expect(columnHeaderEnd('node', '\n')).toBe(false);
    expect(columnHeaderEnd('NODE', ' ')).toBe(false);
    expect(columnHeaderEnd('节点', '\n')).toBe(false);
  });

  it('leaves the first row’s pod out of `<node>` when a header ends in NODE or NOMINATED NODE', () => {
    const wide = `kubectl get po -n sre -o wide
NAME                                                  READY     STATUS    RESTARTS   AGE       IP            NODE       NOMINATED NODE
deployment-apollo-admin-server-dev-776c94b7c7-78f4r   1/1       Running   0          3h        172.20.3.33   10.0.0.5   <none>`;
    expect(fills(wide).get('<node>')).toBeUndefined();
    const cut = `kubectl get pod -n longhorn-system -l longhorn.io/component=instance-manager -owide
NAME                                                READY   STATUS    RESTARTS   AGE     IP           NODE
instance-manager-4cfaf3960c6a259a6bccd88b841c6580   1/1     Running   0          21h     10.42.2.61   worker-kgxdq`;
    expect(fills(cut).get('<node>')).toBeUndefined();
    const zh = `pod 一直连不上 kube-dns，kubectl get pod -o wide 的结果：
NAME                     READY   STATUS    RESTARTS   AGE   IP            NODE
web-6d4b9c7f8d-x2k9q     1/1     Running   0          5m    10.244.1.7    k8s-node2`;
    expect(fills(zh).get('<node>')).not.toBe('web-6d4b9c7f8d-x2k9q');
    // A node written after the word in prose is still read.
    expect(fills('the node k8s-worker-3 cannot reach pods on other nodes').get('<node>')).toBe(
      'k8s-worker-3',
    );
    expect(fills('节点 k8s-node3 上的 pod 无法访问 service').get('<node>')).toBe('k8s-node3');
  });
});

describe('a quoted value ending its line', () => {
  it('names no object of the kind the next line starts with', () => {
    const yaml = 'metadata:\n  name: "release-name-env"\n  namespace: airflow';
    expect(quoteEndsLine(yaml, yaml.indexOf('release'), 'release-name-env')).toBe(true);
    const prose = 'the "monitoring" namespace';
    expect(quoteEndsLine(prose, prose.indexOf('monitoring'), 'monitoring')).toBe(false);
  });

  it('reads a pasted manifest’s namespace field, not its quoted name, as `<namespace>`', () => {
    const configMap = `Below is the configmap for the environment variables
apiVersion: v1
kind: ConfigMap
metadata:
  name: "release-name-env"
  namespace: airflow
data:
  REDIS_HOST: "xxxxxxxxxxxxxx.cache.amazonaws.com"`;
    expect(fills(configMap).get('<namespace>')).not.toBe('release-name-env');
    const zh = '部署的 yaml 如下：\nmetadata:\n  name: "nacos-headless"\n  namespace: nacos\n访问一直超时';
    expect(fills(zh).get('<namespace>')).not.toBe('nacos-headless');
    expect(
      fills('pods in the "monitoring" namespace cannot resolve kubernetes.default').get('<namespace>'),
    ).toBe('monitoring');
    expect(fills('"monitoring" 命名空间里的 pod 解析不了域名').get('<namespace>')).toBe('monitoring');
  });
});

describe('a StatefulSet pod’s DNS name', () => {
  it('is an ordinal label under a governing Service, not a node’s FQDN', () => {
    expect(statefulPodDnsName('seata-server-0.seata-server-cluster')).toBe(true);
    expect(statefulPodDnsName('nacos-1.nacos-headless')).toBe(true);
    expect(statefulPodDnsName('es-master-0.es-master-headless')).toBe(true);
    expect(statefulPodDnsName('rabbitmq-2.rabbitmq-discovery')).toBe(true);
    expect(statefulPodDnsName('worker-1.example.com')).toBe(false);
    expect(statefulPodDnsName('k8s-node-2.lab.local')).toBe(false);
    expect(statefulPodDnsName('ip-10-0-1-5.ec2.internal')).toBe(false);
    expect(statefulPodDnsName('node-1')).toBe(false);
  });

  it('is no `<node>` where an application log calls its members nodes', () => {
    const seata =
      'ERROR o.a.s.d.r.raft.RaftRegistryServiceImpl : watch cluster node: seata-server-0.seata-server-cluster:7091, fail: seata-server-0.seata-server-cluster';
    expect(fills(seata).get('<node>')).toBeUndefined();
    expect(fills(seata).get('<port>')).toBe('7091');
    const zh = '客户端日志：Failed to resolve node: es-master-0.es-master-headless:9300，集群连不上';
    expect(fills(zh).get('<node>')).toBeUndefined();
    expect(fills('the node worker-1.example.com cannot reach pods').get('<node>')).toBe(
      'worker-1.example.com',
    );
    expect(fills('节点 k8s-node-1.lab.local 上 kubelet 连不上 apiserver').get('<node>')).toBe(
      'k8s-node-1.lab.local',
    );
  });
});

describe('a version inside a package’s name', () => {
  it('is a dotted number with a name run into it on both sides', () => {
    expect(packageVersion('site-packages/airflow-', '-py2')).toBe(true);
    expect(packageVersion('lib/netty-all-', '.jar')).toBe(true);
    expect(packageVersion('dial tcp ', ':443')).toBe(false);
    expect(packageVersion('rabbit@', ' hom')).toBe(false);
    expect(packageVersion('airflow-', ' is')).toBe(false);
  });

  it('fills no address from a traceback’s egg or a jar’s name', () => {
    const traceback = `ERROR - Error 61 connecting to localhost:6379. Connection refused.
Traceback (most recent call last):
  File "/usr/local/lib/python2.7/site-packages/airflow-1.7.1.3-py2.7.egg/airflow/jobs.py", line 775, in _execute`;
    expect(fills(traceback).get('<target-ip>')).toBeUndefined();
    const jar = 'java 应用报错 at io.netty.Bootstrap(netty-all-4.1.5.1.jar) 连接 10.96.12.7:8848 超时';
    expect(fills(jar).get('<target-ip>')).toBe('10.96.12.7');
    expect(fills('pods on 10.244.1.0/24 cannot ping 10.244.2.5').get('<target-ip>')).toBe('10.244.2.5');
  });
});

describe('a chart’s NOTES', () => {
  const notes = `NOTES:
1. Get the application URL by running these commands:
  export POD_NAME=$(kubectl get pods --namespace monitoring -l "app.kubernetes.io/name=grafana" -o jsonpath="{.items[0].metadata.name}")
  echo "Visit http://127.0.0.1:8080 to use your application"
  kubectl --namespace monitoring port-forward $POD_NAME 8080:80`;

  it('blanks the address and ports helm create’s NOTES print when the report names another port', () => {
    const blanked = withoutChartNotes(`${notes}\nthe grafana pod cannot reach prometheus-server:9090`);
    expect(blanked).not.toContain('127.0.0.1:8080');
    expect(blanked).not.toContain('8080:80');
    expect(blanked).toContain('--namespace monitoring');
    expect(blanked.length).toBe(`${notes}\nthe grafana pod cannot reach prometheus-server:9090`.length);
    // Following the NOTES is the report: their port is the one that fails.
    expect(withoutChartNotes(`${notes}\nthen the browser says connection refused`)).toContain('8080:80');
  });

  it('fills the port the report fails on, not the NOTES’ port-forward', () => {
    const report = `${notes}\nBut the grafana pod cannot reach prometheus-server.monitoring:9090, connection refused`;
    expect(fills(report).get('<port>')).toBe('9090');
    expect(fills(report).get('<namespace>')).toBe('monitoring');
    const zh = `helm 安装完输出：\n${notes}\n但是 grafana 连不上 prometheus-server.monitoring:9090，一直 connection refused`;
    expect(fills(zh).get('<port>')).toBe('9090');
    // A port-forward the reporter types with a real pod name is the reporter's own.
    expect(
      fills('kubectl port-forward grafana-5d4f7c6b8-x2k9q 3000:3000 then curl localhost:3000 hangs').get(
        '<port>',
      ),
    ).toBe('3000');
  });
});
