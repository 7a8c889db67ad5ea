import { describe, expect, it } from 'vitest';
import { loopbackDial } from '../../src/answer/failed-connection.js';
import { loopbackClientExplainedBy, uncoveredLoopbackClient } from '../../src/answer/loopback-client.js';

const doc = (title: string, symptoms: string[] = [], prose = '') => ({
  title,
  triggers: [],
  chunks: [{ headingPath: ['概述'], text: prose }] as never,
  troubleshooting: symptoms.map((symptom) => ({ symptom })) as never,
});

describe('uncoveredLoopbackClient: a client dialling its own loopback address', () => {
  it.each([
    // Real (reports31.yaml): a ZooKeeper client left at its default server, localhost.
    'Bookkeeper is unable to connect to zookeeper within kind kubernetes cluster. `05:32:06.089 [main-SendThread(localhost:2181)] INFO org.apache.zookeeper.ClientCnxn - Opening socket connection to server localhost/127.0.0.1:2181` ... `java.net.ConnectException: Connection refused`',
    // Real (scope2.yaml): the hubble CLI dials a relay it never port-forwarded.
    'cilium/hubble - cannot get hubble status. Hubble has been enabled without any issue (cilium hubble enable) but when I try to check the hubble status I get: failed to connect to \'localhost:4245\': connection error: desc = "transport: error while dialing: dial tcp 127.0.0.1:4245: connect: connection refused"',
    // Real (linkerd/linkerd2#10994): a sidecar dialling its pod's own controller port.
    'linkerd_reconnect: Failed to connect error=endpoint 127.0.0.1:8090: Connection refused (os error 111) error.sources=[Connection refused (os error 111)]',
    // Constructed (Chinese): an application pod whose Redis address is left at localhost.
    '应用部署到 k8s 后启动报错：Error: connect ECONNREFUSED 127.0.0.1:6379，redis 是另一个 deployment。',
  ])('%s → declined', (question) => {
    expect(uncoveredLoopbackClient(question, false)).toContain('loopback');
    expect(uncoveredLoopbackClient(question, true)).toBeNull();
  });
  it.each([
    // Real (reports15.yaml): calico-node's own health port read on its loopback.
    'calico/node is not ready: felix is not ready: Get http://localhost:9099/readiness: dial tcp 127.0.0.1:9099: connect: connection refused.',
    // Real (reports12.yaml): a Service reached on the node's loopback in kube-proxy replacement mode.
    "Connection refused when visiting localhost(127.0.0.1) address service in kube-proxy replacement mode. I'm testing the kube-proxy replacement; curl 127.0.0.1:5000 → Failed to connect to 127.0.0.1 port 5000: Connection refused",
    // Real (reports24.yaml): the DNS cache's upstream on the pod's loopback is a DNS path.
    'kube-dns nslookup kubernetes gives timeout. dnsmasq sidecar gives: `Error getting metrics from dnsmasq: read udp 127.0.0.1:40690->127.0.0.1:53: i/o timeout`.',
    // Constructed: a NodePort on the node's own loopback.
    'curl http://127.0.0.1:31898 on the node: Failed to connect to 127.0.0.1 port 31898: Connection refused',
    // Constructed: the remote address fails too, so the path is the cluster's.
    'dial tcp 10.96.0.10:53: i/o timeout; then connect ECONNREFUSED 127.0.0.1:8080',
    // Constructed (Chinese): curl on localhost inside the pod works, the Service does not.
    'Pod 内 curl 127.0.0.1:8080 正常，但是通过 Service 10.96.12.7:80 访问 connection refused。',
  ])('%s → not declined', (question) => {
    expect(uncoveredLoopbackClient(question, false)).toBeNull();
  });
  it('is explained by a runbook stating a client dialling localhost', () => {
    expect(loopbackClientExplainedBy([doc('Service', ['应用只监听 127.0.0.1'])])).toBe(false);
    expect(loopbackClientExplainedBy([doc('Sidecars', ['客户端连接 localhost:8090 被拒绝'])])).toBe(true);
  });
});

describe('loopbackDial: the loopback address a connect error names as dialled', () => {
  it('reads the address beside the error', () => {
    expect(loopbackDial('Error: connect ECONNREFUSED 127.0.0.1:8080 at TCPConnectWrap.afterConnect')).toEqual(
      {
        host: '127.0.0.1',
        port: 8080,
      },
    );
    expect(loopbackDial('curl: (7) Failed to connect to localhost port 8001: Connection refused')).toEqual({
      host: 'localhost',
      port: 8001,
    });
    expect(loopbackDial('连接被拒绝：localhost:3306，应用在 k8s 中启动失败')).toEqual({
      host: 'localhost',
      port: 3306,
    });
  });
  it('is null when a remote address fails, or only the local end of a socket pair is loopback', () => {
    expect(loopbackDial('dial tcp 10.96.0.1:443: i/o timeout')).toBeNull();
    expect(loopbackDial('read udp 127.0.0.1:43454->10.96.0.10:53: i/o timeout')).toBeNull();
    expect(loopbackDial('Get http://localhost:8080/healthz: 200 OK')).toBeNull();
    expect(loopbackDial('无法连接到 mysql.db.svc:3306，连接超时')).toBeNull();
  });
});
