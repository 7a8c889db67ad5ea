/**
 * A client that failed on its own machine's endpoint (kubectl's built-in localhost:8080, a MySQL socket file) is
 * declined; a report that also pastes a failed connection to another host, or dials a remote API server, is not.
 */
import { describe, expect, it } from 'vitest';
import { uncoveredLocalEndpoint } from '../../src/answer/local-endpoint.js';

describe('uncoveredLocalEndpoint', () => {
  it.each([
    'kubectl get pods fails right after install: The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    'helm ls returns: Get http://localhost:8080/api/v1/namespaces/kube-system/configmaps?labelSelector=OWNER%3DTILLER: dial tcp [::1]:8080: getsockopt: connection refused',
    "urllib3.exceptions.MaxRetryError: HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /api/v1/pods?watch=False (Caused by NewConnectionError('<...>: Failed to establish a new connection: [Errno 111] Connection refused'))",
    "Readiness probe failed: ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
    "mariadb pod 起不来，日志：Can't connect to local server through socket '/opt/bitnami/mariadb/tmp/mysql.sock'",
    '安装 flannel 时 kubectl apply 报错：The connection to the server 127.0.0.1:8080 was refused - did you specify the right host or port?',
    'The bookkeeper service is unable to connect to zookeeper on startup: `ClientCnxn - Opening socket connection to server localhost/127.0.0.1:2181` `Socket error occurred: localhost/127.0.0.1:2181: Connection refused`',
    'kafka-ui 报错 Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.',
    'Zk connection failed: Opening socket connection to server localhost/0:0:0:0:0:0:0:1:2181',
  ])('%s', (text) => {
    expect(uncoveredLocalEndpoint(text)).not.toBeNull();
  });

  it.each([
    // The API server reached on a node's address, proxying to a pod that times out: the pod's path.
    "curl -L http://192.168.1.101:8080/api/v1/proxy/namespaces/kube-system/services/kubernetes-dashboard/ returns: Error: 'dial tcp 10.1.63.2:9090: i/o timeout'",
    // The API server's own address, not kubectl's built-in one.
    'The connection to the server 10.190.67.31:6443 was refused - did you specify the right host or port?',
    // A socket file and a failed connection to a Service: the Service is the path.
    "Can't connect to local MySQL server through socket '/tmp/mysql.sock'; with -h mysql.db.svc: ERROR 2003 (HY000): Can't connect to MySQL server on 'mysql.db.svc' (110)",
    'Pod 访问 redis-master:6379 连接超时',
    // An application's own API on the loopback, not the Kubernetes API's default server.
    "HTTPConnectionPool(host='localhost', port=8080): Max retries exceeded with url: /health (Caused by NewConnectionError('<...>: [Errno 111] Connection refused'))",
    // A host-network agent's probe on its own loopback port: the node's agent, not a client's configured peer.
    'calico/node is not ready: felix is not ready: Get http://localhost:9099/readiness: dial tcp 127.0.0.1:9099: connect: connection refused',
    // A listener bound to every address, not a peer dialled.
    'Issue with debug-service: localhost connection worked; the app listens on localhost/0.0.0.0 but the Service times out',
    // A peer given by its Service name resolved to a cluster address: the Service is the path.
    'Opening socket connection to server zk-cs.default.svc.cluster.local/10.96.12.7:2181; Socket error occurred: Connection timed out',
  ])('not %s', (text) => {
    expect(uncoveredLocalEndpoint(text)).toBeNull();
  });
});
