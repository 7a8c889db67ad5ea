/**
 * The connection an application's pasted error says failed: a name that does not resolve, or a Service's cluster name
 * that times out or refuses. A report from an application tracker says what fails in the application's words; that
 * error names the path of the runbooks. A refused connection to the reporter's own machine names none.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChat } from '../../src/answer/chat.js';
import { outsideNetworking } from '../../src/answer/clarify.js';
import { ConversationStore } from '../../src/answer/conversation.js';
import {
  addressPath,
  browserFailure,
  failedConnection,
  failedPath,
  headlineFailsToConnect,
  headlineFailsToResolve,
  inCluster,
  pastesClusterFailure,
  peerConnection,
  unaddressedClusterFailure,
} from '../../src/answer/failed-connection.js';
import { buildFixtureIndex, type FixtureIndex, underThreshold } from './fixture-index.js';

describe('failedConnection', () => {
  it.each([
    // Report-shaped (a registry client in a pod): the Java resolver's error names the name.
    [
      'Cluster nodes cannot discover each other. [WARN] failed to resolve host [search-discovery] java.net.UnknownHostException: search-discovery at java.net.InetAddress.getAllByName0(InetAddress.java:1280)',
      { kind: 'resolve', target: 'search-discovery' },
    ],
    // A Go client: the lookup, the DNS server it asked and its answer.
    [
      'level=warning msg="Reconnect to redis because error: dial tcp: lookup app-redis-haproxy on 10.96.0.10:53: no such host"',
      { kind: 'resolve', target: 'app-redis-haproxy' },
    ],
    // curl in a CI job pod.
    [
      "Sporadic job failures. fatal: unable to access 'https://git.example.org/group/repo.git/': Could not resolve host: git.example.org",
      { kind: 'resolve', target: 'git.example.org' },
    ],
    // busybox in a pod.
    ["wget: bad address 'web-backend' while the pod is Running", { kind: 'resolve', target: 'web-backend' }],
    // Chinese: 无法解析 with the name.
    [
      '执行器注册失败，日志提示无法解析主机 job-admin.prod，手动执行一次是好的。',
      { kind: 'resolve', target: 'job-admin.prod' },
    ],
    // A config client timing out on a Service's name: the dotted name wins over the field `code:500`.
    [
      'failed to req API:config.default.svc.cluster.local:8848/v1/ns/instance/list. code:500 msg: java.net.SocketTimeoutException: connect timed out',
      { kind: 'connect', target: 'config.default.svc.cluster.local:8848' },
    ],
    // Java prints a resolved address as name/ip: the name is the target.
    [
      'ERROR failed to report to target node, error: caused: Timeout connecting to [registry-1.registry-headless.default.svc.cluster.local/10.244.2.239:8848];',
      { kind: 'connect', target: 'registry-1.registry-headless.default.svc.cluster.local:8848' },
    ],
    // Report-shaped: a name that does not resolve, told in the reporter's prose.
    [
      'Web server not initializing. The issue was with minikube: the web pod wasn’t being able to resolve the hostname app-postgresql. I fixed it by using the IP instead.',
      { kind: 'resolve', target: 'app-postgresql' },
    ],
    [
      'The worker could not resolve the host redis-master.cache after the upgrade.',
      { kind: 'resolve', target: 'redis-master.cache' },
    ],
    // Chinese prose: 无法解析 and the name.
    [
      '升级之后 worker pod 无法解析 redis-master.cache，一直重启。',
      { kind: 'resolve', target: 'redis-master.cache' },
    ],
    // RabbitMQ's lookup of a peer node: nxdomain is the cluster DNS, a timeout is a connection to epmd's port.
    [
      'Cluster boot failed: ERROR: epmd error for host mq-0.mq-nodes.default.svc.cluster.local: nxdomain (non-existing domain)',
      { kind: 'resolve', target: 'mq-0.mq-nodes.default.svc.cluster.local' },
    ],
    // Its peer discovery's call to the API server, Erlang's inet error pasted with escaped quotes or plain.
    [
      'Failed to lock with peer discovery backend rabbit_peer_discovery_k8s: "{failed_connect,[{to_address,{\\"kubernetes.default\\",443}},\\n {inet,[inet],nxdomain}]}"',
      { kind: 'resolve', target: 'kubernetes.default' },
    ],
    [
      'Failed to get nodes from k8s - {failed_connect,[{to_address,{"kubernetes.default.svc.cluster.local",443}}, {inet,[inet],nxdomain}]}',
      { kind: 'resolve', target: 'kubernetes.default.svc.cluster.local' },
    ],
    [
      'RabbitMQ 集群启动失败：ERROR: epmd error for host mq-server-0.mq-nodes.default: timeout (timed out)',
      { kind: 'connect', target: 'mq-server-0.mq-nodes.default:4369' },
    ],
    // A Go dialer's own address, not the proxy URL the headline's first error stands nearest to.
    [
      "Demo: no route to host. My master is unable to talk to any of the pods. curl http://kube_master:8080/api/v1/proxy/namespaces/default/pods/demo-z7x57/data.json results in Error: 'dial tcp 172.17.0.4:80: no route to host'",
      { kind: 'connect', target: '172.17.0.4:80' },
    ],
    // A Go client refused by a ClusterIP.
    [
      'Failed to initialize cache: dial tcp 10.97.140.241:6379: connect: connection refused',
      { kind: 'connect', target: '10.97.140.241:6379' },
    ],
    // Chinese: 连接超时 next to the address.
    [
      '调度失败，address：http://10.191.144.98:9999/ 连接超时',
      { kind: 'connect', target: '10.191.144.98:9999' },
    ],
    // A Python worker: "Cannot connect to" a broker URL, and Linux's errno for a timeout.
    [
      'consumer: Cannot connect to redis://:**@queue-redis-master.jobs.svc.cluster.local:6379/0: Error 110 connecting. Trying again in 4.00 seconds...',
      { kind: 'connect', target: 'queue-redis-master.jobs.svc.cluster.local:6379' },
    ],
    // A Go client names the host it dials, then the address that name resolved to: the name is the target.
    [
      'core fails to start: failed to connect to tcp://registry-database:5432, retry after 2 seconds :dial tcp 10.233.12.40:5432: i/o timeout',
      { kind: 'connect', target: 'registry-database:5432' },
    ],
    // MySQL's ERROR 2005 and libpq quote the name that does not resolve (before "Name or service not known").
    [
      "kubectl run -it --rm mysql-client -- mysql -h orders-db -ppass. ERROR 2005 (HY000): Unknown MySQL server host 'orders-db' (-2)",
      { kind: 'resolve', target: 'orders-db' },
    ],
    [
      'psql: error: could not translate host name "pg-primary.db.svc" to address: Name or service not known',
      { kind: 'resolve', target: 'pg-primary.db.svc' },
    ],
    // MySQL's ERROR 2003 after its usual warning about -p: the warning is no refusal by the server.
    [
      "mysql: [Warning] Using a password on the command line interface can be insecure. ERROR 2003 (HY000): Can't connect to MySQL server on 'mysql.shop' (111)",
      { kind: 'connect', target: 'mysql.shop' },
    ],
    [
      'init container: connection to server at "pg.db.svc.cluster.local" (10.96.4.2), port 5432 failed: Connection timed out',
      { kind: 'connect', target: 'pg.db.svc.cluster.local:5432' },
    ],
    // Chinese around an English client error.
    [
      '订单服务启动失败，日志一直打印 unable to connect to order-redis:6379，重启也没用。',
      { kind: 'connect', target: 'order-redis:6379' },
    ],
    // Elasticsearch's transport error: a node name in brackets, its address, then connect_timeout.
    [
      'ConnectTransportException[[es-data-1][172.17.0.8:9300] connect_timeout[30s]]',
      { kind: 'connect', target: '172.17.0.8:9300' },
    ],
    // Chinese around Elasticsearch's error naming a Service by name and namespace.
    [
      '集群节点加不进来，日志：[es-master.search:9300] connect_timeout[30s]',
      { kind: 'connect', target: 'es-master.search:9300' },
    ],
    // Node's resolver error followed by the client's own words: the name comes later, not "when".
    [
      'getaddrinfo ENOTFOUND when making request; lookup orders-api on 10.96.0.10:53: no such host',
      { kind: 'resolve', target: 'orders-api' },
    ],
    // A headline's words after the resolver's code, before the pasted error that names the host.
    [
      'getaddrinfo ENOTFOUND during service start. Error: getaddrinfo ENOTFOUND broker.mq.svc.cluster.local',
      { kind: 'resolve', target: 'broker.mq.svc.cluster.local' },
    ],
    // Node's error object logged as JSON: the code, then the name in its hostname field.
    [
      'requests among services fail: {"err": {"code": "ENOTFOUND", "errno": "ENOTFOUND", "syscall": "getaddrinfo", "hostname": "orders-api", "port": "80"}}',
      { kind: 'resolve', target: 'orders-api' },
    ],
    // Chinese around util.inspect's form of the same object.
    [
      "服务间调用偶发失败：Error: getaddrinfo EAI_AGAIN { code: 'EAI_AGAIN', syscall: 'getaddrinfo', hostname: 'user-svc' }",
      { kind: 'resolve', target: 'user-svc' },
    ],
    // Java's NoRouteToHostException in one word, beside the Service's name the client dialled.
    [
      'java.net.NoRouteToHostException: Host is unreachable at org.apache.zookeeper.ClientCnxnSocketNIO.doTransport. Opening socket connection to server coordinator.queue.svc.cluster.local/10.103.18.20:2181',
      { kind: 'connect', target: 'coordinator.queue.svc.cluster.local:2181' },
    ],
    // A build agent: the controller's HTTP address, then its agent port "is not reachable".
    [
      'agent pod error "SEVERE: http://ci-controller:8080/ provided port:50000 is not reachable"',
      { kind: 'connect', target: 'ci-controller:8080' },
    ],
    // Chinese around tornado's words for a connection timeout.
    [
      '用户的 notebook pod 偶尔报错：HTTPTimeoutError: Timeout while connecting to http://hub.jhub:8081/hub/api',
      { kind: 'connect', target: 'hub.jhub:8081' },
    ],
    // Report-shaped (a Kafka client in a cluster): its NetworkClient names the broker it could not reach, by the
    // name Java printed before the address.
    [
      'Connect keeps failing. WARN [Producer clientId=producer-2] Connection to node 0 (kafka-0.kafka-brokers.mq.svc/10.128.4.27:9093) could not be established. Broker may not be available.',
      { kind: 'connect', target: 'kafka-0.kafka-brokers.mq.svc:9093' },
    ],
    // ClickHouse's resolver error, and MongoDB's replica set monitor.
    [
      'DB::NetException: Host not found: ch-1.ch-headless.db.svc.cluster.local (ch-1.ch-headless.db.svc.cluster.local:9000)',
      { kind: 'resolve', target: 'ch-1.ch-headless.db.svc.cluster.local' },
    ],
    [
      'Error connecting to mongo-2.mongo-svc.db.svc.cluster.local:27017 :: caused by :: Could not find address for mongo-2.mongo-svc.db.svc.cluster.local:27017: SocketException: Host not found (authoritative)',
      { kind: 'resolve', target: 'mongo-2.mongo-svc.db.svc.cluster.local' },
    ],
    // nginx's resolver error for an upstream's name.
    [
      'gateway pod: [emerg] host not found in upstream "api-backend:8080" in /etc/nginx/conf.d/default.conf:12',
      { kind: 'resolve', target: 'api-backend' },
    ],
    // ping's own words after the command a reporter pasted.
    [
      'Wrong service names in another namespace. # ping web.default.svc.cluster.local ping: unknown host. BUT: PING web.shop.svc.cluster.local answers.',
      { kind: 'resolve', target: 'web.default.svc.cluster.local' },
    ],
    // RocketMQ's client: `connect to <address> failed`.
    [
      'producer pod: org.apache.rocketmq.remoting.exception.RemotingConnectException: connect to rocketmq-namesrv:9876 failed',
      { kind: 'connect', target: 'rocketmq-namesrv:9876' },
    ],
    // A wait-for-it loop in an init container.
    [
      'init container log: postgres:tcp://10.0.0.5:5432 still not reachable, retrying',
      { kind: 'connect', target: '10.0.0.5:5432' },
    ],
    // ingress-nginx's warning: the Service by its namespace and name.
    [
      'ingress returns 503. controller log: Service "shop/api" does not have any active Endpoint.',
      { kind: 'connect', target: 'api.shop' },
    ],
    // Chinese around the same Kafka error.
    [
      '消费者一直报错：Connection to node 1 (kafka-1.kafka-headless.mq/10.244.2.9:9092) could not be established. Broker may not be available.',
      { kind: 'connect', target: 'kafka-1.kafka-headless.mq:9092' },
    ],
  ])('reads the failed connection of %s', (text, expected) => {
    expect(failedConnection(text)).toEqual(expected);
  });

  it.each([
    // The application refuses on the reporter's own machine: nothing listens there, no path of the network.
    'PostStartHookError: (7) Failed to connect to localhost port 8153: Connection refused',
    'connect to Host{address=localhost:50052} error: finishConnect(..) failed: Connection refused: localhost/127.0.0.1:50052',
    // An error with no address beside it.
    'Connection Refused is returned when trying to execute cypher shell. command terminated with exit code 1',
    // A slow application: the connection was made, the answer was late.
    'xxl-rpc remoting error(Read timed out), the executor returned after 30 seconds',
    // Words, not names: "cannot resolve the issue", a timestamp and a Java frame.
    'We cannot resolve the problem at 10:57:48 after ServerHttpAgent.java:123 logs it; no error in the pod.',
    // Chinese, no error at all.
    '任务超时时间设置无效，pod 被 OOM kill 后任务一直显示执行中。',
    // The server answered and refused the credentials: MySQL's ERROR 1045 after a connection was made.
    "mysql -h shop-db -u app -p: ERROR 1045 (28000): Access denied for user 'app'@'10.244.1.7' (using password: YES)",
    // The Docker daemon's socket is a file on the client's own machine.
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    // Chinese: the database answered and refused the password.
    '无法连接数据库 order-db:3306，密码错误，认证失败。',
    // The client's own words after the resolver's error name no host.
    'getaddrinfo ENOTFOUND when making request from the webhook',
    // Chinese: a config file's line, not a host, next to a timeout word.
    '启动报错 connect_timeout 配置在 application.yml:12 无效',
    // A hostname field of a log line with no resolver error in it.
    '{"level": "error", "hostname": "worker-7f9c", "msg": "job failed: exit code 1"}',
    // A client's pool of connections ran dry: its own limit, not the network.
    'Timeout waiting for connection from pool while calling http://orders.shop:8080/api from the pod',
    // Prose whose word after the verb is the sentence going on, not a host.
    'The installer could not resolve the host because the proxy variable was unset.',
    '构建时无法解析依赖版本，请帮忙看看。',
    // RabbitMQ's own cookie error names no connection.
    'ERROR: epmd error for host mq-0: erlang cookie mismatch',
    // A resolver's words with no host-like name after them.
    'SocketException: Host not found (authoritative) while the replica set starts',
    // RocketMQ on the reporter's own machine, at a log window's edge, and with no address configured.
    `${'x'.repeat(230)} closeChannel: the channel[localhost:9876] was removed. RemotingConnectException: connect to [localhost:9876] failed`,
    'RemotingConnectException: connect to <null> failed',
    // Chinese: a Service that has endpoints, no warning.
    '服务 shop/api 有两个 endpoint，ingress 正常返回 200。',
  ])('reads no failed connection in %s', (text) => {
    expect(failedConnection(text)).toBeNull();
  });
});

describe('failedPath', () => {
  it('names the DNS path for a name that does not resolve', () => {
    expect(failedPath({ kind: 'resolve', target: 'web-backend' })).toBe('resolve');
  });
  it('names the Service path for a Service name that refuses or times out, the headless one for its pods', () => {
    expect(failedPath({ kind: 'connect', target: 'config.default.svc.cluster.local:8848' })).toBe('service');
    expect(failedPath({ kind: 'connect', target: 'redis.db.svc:6379' })).toBe('service');
    expect(failedPath({ kind: 'connect', target: 'registry-headless.ops:8848' })).toBe('headless');
  });
  it('names the Service path for a one-label name, which only the cluster’s search domains complete', () => {
    expect(failedPath({ kind: 'connect', target: 'registry-database:5432' })).toBe('service');
    expect(failedPath({ kind: 'connect', target: 'orders-db' })).toBe('service');
  });
  it('names the Service path for a Service name with its namespace', () => {
    expect(failedPath({ kind: 'connect', target: 'mysql.dev-namespace' })).toBe('service');
    expect(failedPath({ kind: 'connect', target: 'redis.cache:6379' })).toBe('service');
  });
  it('names no path for a two-label name of the internet', () => {
    expect(failedPath({ kind: 'connect', target: 'gitlab.com' })).toBeNull();
    expect(failedPath({ kind: 'connect', target: 'registry.cn:443' })).toBeNull();
  });
  it('names no path for a control-plane port, whatever its host is called but a Service’s cluster name', () => {
    expect(failedPath({ kind: 'connect', target: 'worker-3:10250' })).toBeNull();
    expect(failedPath({ kind: 'connect', target: 'master-1:6443' })).toBeNull();
    expect(failedPath({ kind: 'connect', target: 'etcd-1:2379' })).toBeNull();
  });
  it('names the Service path for an application’s own etcd dialled by its Service’s cluster name', () => {
    expect(failedPath({ kind: 'connect', target: 'gateway-etcd.ingress.svc.cluster.local:2379' })).toBe(
      'service',
    );
    expect(failedPath({ kind: 'connect', target: 'meta-etcd.milvus.svc:2379' })).toBe('service');
  });
  it('names the headless path for a StatefulSet member under its Service and namespace', () => {
    expect(failedPath({ kind: 'connect', target: 'mq-server-0.mq-nodes.default:4369' })).toBe('headless');
    expect(failedPath({ kind: 'connect', target: 'web-1.example.com:443' })).toBeNull();
    expect(failedPath({ kind: 'connect', target: 'api.prod.internal:443' })).toBeNull();
  });
  it('names no path for a bare address or a host outside the cluster', () => {
    expect(failedPath({ kind: 'connect', target: '10.97.140.241:6379' })).toBeNull();
    expect(failedPath({ kind: 'connect', target: 'db.example.com:3306' })).toBeNull();
  });
});

describe('headlineFailsToResolve', () => {
  it.each([
    // Report-shaped headlines from CI, data and search trackers: the reporter's words for names that do not resolve.
    'Failure to resolve host when the job pod clones the repository',
    'DNS resolution failing in worker pods after the upgrade',
    'search-discovery hostname not found after scaling the statefulset',
    'Intermittent DNS lookup failures from pods to the external API',
    '升级后 pod 内域名解析失败',
    '容器里无法解析主机名 registry.local',
    // A resolver's error code, with no host after it.
    'getaddrinfo ENOTFOUND when making request to services in the cluster',
    '服务启动时报 getaddrinfo EAI_AGAIN，偶发',
  ])('reads a name that does not resolve in %s', (headline) => {
    expect(headlineFailsToResolve(headline)).toBe(true);
  });

  it.each([
    // A build tool resolves dependencies, not names.
    'Failed to resolve dependencies for the operator build',
    'maven cannot resolve artifact io.example:client:1.2',
    // "resolve" as in fixing something.
    'How can I resolve this issue with pods stuck in Pending',
    // Chinese: a file that does not parse.
    '启动时解析配置文件失败',
    // An error code of a file, not a name.
    'ENOENT: no such file or directory when the pod starts',
  ])('reads none in %s', (headline) => {
    expect(headlineFailsToResolve(headline)).toBe(false);
  });
});

describe('pastesClusterFailure', () => {
  it('reads a database client in a cluster whose pasted error names the cluster DNS or a Service', () => {
    expect(
      pastesClusterFailure(
        "kubectl run -it --rm --image=mysql:5.6 mysql-client -- mysql -h mysql -ppassword. ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (110)",
      ),
    ).toBe(true);
    expect(pastesClusterFailure('报表服务所在 pod 日志：dial tcp: lookup report-redis: i/o timeout')).toBe(
      true,
    );
  });
  it('reads none for the same error outside a cluster, or a refused password', () => {
    // A client in Docker Compose or on a laptop: no cluster word.
    expect(pastesClusterFailure("phpMyAdmin says #2005 - Unknown MySQL server host 'db' (-2)")).toBe(false);
    expect(
      pastesClusterFailure(
        "cannot connect from the app pod: ERROR 1045 (28000): Access denied for user 'app'@'10.244.1.7' (using password: YES)",
      ),
    ).toBe(false);
  });
});

describe('unaddressedClusterFailure', () => {
  it.each([
    // A broker in CrashLoopBackOff whose ZooKeeper client names no address.
    'Broker cannot connect to its coordinator. 2 brokers keep in CrashLoopBackOff state: kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING at kafka.zookeeper.ZooKeeperClient.waitUntilConnected(ZooKeeperClient.scala:259)',
    // A notebook pod on a Kubernetes hub: tornado's words, no address.
    'singleuser pods on our kubernetes hub intermittently fail: Error notifying Hub of activity. tornado.simple_httpclient.HTTPTimeoutError: Timeout while connecting',
    // Chinese: a timeout in the pod's log with no address.
    '部署在 k8s 集群里的执行器 pod 日志一直报 连接超时，没有别的信息。',
    // The reporter passes the client a password: no server refused it; the connection times out.
    'I have a simple Pod to which I am passing in name of the master service (and password). However the connection times out.',
  ])('reads a connection error with no address from a client in a cluster: %s', (text) => {
    expect(unaddressedClusterFailure(text)).toBe(true);
    expect(pastesClusterFailure(text)).toBe(true);
  });

  it.each([
    // No word of a cluster: a shell on any machine.
    'Connection Refused is returned when trying to execute cypher shell. command terminated with exit code 1',
    // The reporter's own machine stands beside the error: nothing listens there.
    'Bookkeeper pod cannot start: Socket error occurred: localhost/127.0.0.1:2181: Connection refused',
    // An address stands beside the error: failedConnection reads it, not this.
    'ks-apiserver pod log: dial tcp 10.233.9.14:6379: i/o timeout',
    // The client's own pool ran dry.
    'Timeout waiting for connection from pool in the api pod under load',
    // A server answered and refused the credentials.
    'worker pod: connection refused by the broker: authentication failed for user jobs',
    'cache pod: WRONGPASS invalid username-password pair, then connection refused on retry',
    // The Docker daemon's socket on the client's own machine.
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock in the CI pod: connection refused',
    // Chinese: no error of a connection at all.
    '集群里的 pod 被 OOM kill 后任务一直显示执行中。',
  ])('reads none in %s', (text) => {
    expect(unaddressedClusterFailure(text)).toBe(false);
  });
});

describe('peerConnection', () => {
  it('reads the in-cluster peer an application log error names, from a pod', () => {
    const report =
      'The pod appwrite-core is crashlooping, and in the log i have this line: Error communicating with Redis: Connection to Redis tcp://appwrite-redis-master:6379.';
    expect(peerConnection(report)).toEqual({ kind: 'connect', target: 'appwrite-redis-master:6379' });
    expect(failedPath({ kind: 'connect', target: 'appwrite-redis-master:6379' })).toBe('service');
  });

  it('reads a Chinese report of a failed connection to a Service in a cluster', () => {
    expect(peerConnection('集群里应用日志显示 连接 mysql://db.prod.svc:3306 失败')).toEqual({
      kind: 'connect',
      target: 'db.prod.svc:3306',
    });
  });

  it.each([
    // No word of a cluster: the same log on a laptop names no path of one.
    'The app logs: Error communicating with Redis: Connection to Redis tcp://redis-master:6379.',
    // A peer in a pod's config with no error beside it.
    'The pod reads REDIS_URL redis://redis-master:6379 from its config map; the UI shows the wrong logo.',
  ])('reads none in %s', (text) => {
    expect(peerConnection(text)).toBeNull();
  });
});

describe('browserFailure', () => {
  it.each([
    'minikube service hello-minikube opens the browser. This fails with ERR_CONNECTION_TIMED_OUT',
    'This site can’t be reached 192.168.99.108 refused to connect. ERR_CONNECTION_REFUSED',
    '在浏览器里打开 NodePort 地址，页面显示 net::ERR_CONNECTION_RESET',
  ])('reads a browser’s own error code in %s', (text) => {
    expect(browserFailure(text)).toBe(true);
  });

  it.each([
    'curl: (7) Failed to connect to 10.96.79.213 port 31645: Connection refused',
    'the browser shows 502 Bad Gateway from the ingress',
    '浏览器访问 ingress 域名一直转圈，最后提示连接超时',
    // An application's own error constant, not the browser's code.
    'ERR_CONNECTION_POOL_EXHAUSTED in the api pod',
  ])('reads none in %s', (text) => {
    expect(browserFailure(text)).toBe(false);
  });

  it('is a connection the network did not make, which a client in a cluster names without an address', () => {
    const report =
      'I am unable to get a simple Service NodePort to be exposed: kubectl expose deployment hello-minikube --type=NodePort --port=8080; minikube service hello-minikube fails with ERR_CONNECTION_TIMED_OUT';
    expect(unaddressedClusterFailure(report)).toBe(true);
  });
});

describe('inCluster', () => {
  it.each([
    'the worker pod logs a timeout',
    'brokers keep in CrashLoopBackOff state',
    '部署在 k8s 集群里的服务',
  ])('reads a report from a cluster: %s', (text) => {
    expect(inCluster(text)).toBe(true);
  });
  it.each(['the container on my laptop logs a timeout', '本地 docker compose 启动的服务连不上'])(
    'reads none in %s',
    (text) => {
      expect(inCluster(text)).toBe(false);
    },
  );
});

describe('headlineFailsToConnect', () => {
  it.each([
    // Report-shaped headlines from chart and application trackers: the application's words for a broken connection.
    'Failure while connecting to mysql running in a kubernetes pod',
    'Communication link error when try to connect to mysql database in kubernetes',
    'Spring backend unable to connect to mongo service after moving from minikube to the real cluster',
    '部署到 k8s 之后应用连接不上 redis 服务',
    'xxl-job 执行器无法连接调度中心',
    'Installing cluster with Helm chart results in workers not connecting to head node',
  ])('reads a failing connection in %s', (headline) => {
    expect(headlineFailsToConnect(headline, headline)).toBe(true);
  });

  it.each([
    // The server answered and refused the client's credentials: the connection was made.
    [
      'Unable to connect to postgres after upgrading the chart',
      'Unable to connect to postgres after upgrading the chart. FATAL: password authentication failed for user "app"',
    ],
    // The Docker daemon's socket is a file on the client's own machine.
    [
      'Cannot connect to the Docker daemon in the CI runner pod',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
    // No connection in the headline: a database that is slow.
    ['mysql queries slow after upgrade', 'mysql queries slow after upgrade. The pod has 2 CPU.'],
    ['数据库备份失败', '数据库备份失败，磁盘满了。'],
    // Not connecting by choice: a setting that keeps a client from dialling.
    [
      'Option for not waiting before connecting',
      'Option for not waiting before connecting. The client sleeps 5s first.',
    ],
  ])('reads none in %s', (headline, text) => {
    expect(headlineFailsToConnect(headline, text)).toBe(false);
  });

  it('keeps an application’s failing connection from being declined as another trade', () => {
    expect(
      outsideNetworking(
        'Failure while connecting to mysql running in a kubernetes pod. The keycloak statefulset sets DB_ADDR mysql and DB_PORT 3306; the pod logs Communications link failure.',
      ),
    ).toBe(false);
    expect(
      outsideNetworking(
        'mysql backup fails on the database pod. The backup job writes to a pvc and the volume is full.',
      ),
    ).toBe(true);
  });

  it('keeps a database client’s pasted resolver error in a cluster from being declined as another trade', () => {
    expect(
      outsideNetworking(
        "Tutorial mysql deployment: kubectl run -it --rm mysql-client -- mysql -h mysql -ppassword gives ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (110)",
      ),
    ).toBe(false);
    expect(
      outsideNetworking(
        "mysql database backup fails: ERROR 2005 (HY000): Unknown MySQL server host 'db' (-2)",
      ),
    ).toBe(true);
  });
});

const KB = path.resolve(import.meta.dirname, '../../kb');
let index: FixtureIndex;
beforeAll(async () => {
  index = await buildFixtureIndex(KB);
});
afterAll(() => index.cleanup());

async function answer(report: string) {
  const { body } = await answerChat(
    { searcher: underThreshold(index.searcher, report, 0.2, true), conversations: new ConversationStore() },
    { message: report },
  );
  return { abstained: body.abstained, category: body.citations[0]?.path.split('/')[0] };
}

describe('a report under the threshold whose pasted error names the failed connection', () => {
  it.each([
    [
      'Search cluster cannot form in Kubernetes. The master nodes log: [WARN][o.e.d.z.UnicastZenPing] timed out after [5s] resolving host [search-discovery], failed to resolve host [search-discovery] java.net.UnknownHostException: search-discovery',
      'dns',
    ],
    [
      '配置中心客户端在 k8s 里经常报错。java.lang.IllegalStateException: failed to req API:config.default.svc.cluster.local:8848/v1/cs/configs after all servers tried, code:500 msg: java.net.SocketTimeoutException: connect timed out',
      'service',
    ],
  ])('is answered from a runbook of that path: %s', async (report, category) => {
    expect(await answer(report)).toEqual({ abstained: false, category });
  });

  it.each([
    [
      "Tutorial mysql deployment does not work in kubernetes. kubectl run -it --rm mysql-client -- mysql -h mysql -ppassword: ERROR 2005 (HY000): Unknown MySQL server host 'mysql' (110)",
      'dns',
    ],
    ['Failure to resolve host when the job pod clones the repository', 'dns'],
    [
      'registry core fails to start in the cluster: failed to connect to tcp://registry-database:5432, retry after 2 seconds :dial tcp 10.233.12.40:5432: i/o timeout',
      'service',
    ],
    [
      'Broker cannot connect to its coordinator. 2 brokers keep in CrashLoopBackOff state: kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING',
      'service',
    ],
    // A headline saying the client cannot connect, from a pod, with no address anywhere: the Service it dials.
    ['Could not connect to the database from the worker pod after the chart install', 'service'],
    ['worker 所在 pod 无法连接 redis，集群里其他服务正常', 'service'],
    // A browser's error: the client is outside the cluster, the Service's way in from outside.
    [
      'Unable to hit the app. kubectl expose deployment web --type=NodePort --port=8080, then the browser shows ERR_CONNECTION_REFUSED on the node address',
      'service',
    ],
    // A pasted error line naming the in-cluster peer, with no network verb (peer-error.ts).
    [
      'The pod app-core is crashlooping, and in the log i have this line: Error communicating with Redis: Connection to Redis tcp://app-redis-master:6379',
      'service',
    ],
  ])('is answered from the runbook of the path its error or headline names: %s', async (report, category) => {
    expect(await answer(report)).toEqual({ abstained: false, category });
  });

  it.each([
    "phpMyAdmin says #2005 - Unknown MySQL server host 'db' (-2) after the mysql container restarts",
    'Chart upgrade fails. The server pod hits a PostStartHookError: (7) Failed to connect to localhost port 8153: Connection refused',
    'Failed to initialize cache after the upgrade: dial tcp 10.97.140.241:6379: connect: connection refused',
    // The same headline with no word of a cluster, or a server that refused the password.
    'Could not connect to the database from my laptop after the upgrade',
    'Could not connect to the database from the worker pod: password authentication failed for user airflow',
  ])('still abstains when it names no path of the runbooks: %s', async (report) => {
    expect((await answer(report)).abstained).toBe(true);
  });
});

describe('addressPath', () => {
  const connect = (target: string) => ({ kind: 'connect' as const, target });
  it.each([
    // Elasticsearch names the pod whose transport address times out.
    [
      'ConnectTransportException[[es-master-1489875363-fjh6s][172.17.0.8:9300] connect_timeout[30s]]',
      '172.17.0.8:9300',
      'pod',
    ],
    // A pasted `kubectl get pods -o wide` row holds the address.
    [
      'curl: (7) Failed to connect to 10.44.0.4 port 8080: Connection refused\nNAME READY STATUS RESTARTS AGE IP NODE\nweb-7d9f8c6b5-x2kqp   1/1   Running   0   1h   10.44.0.4   node-2',
      '10.44.0.4:8080',
      'pod',
    ],
    // Chinese: "pod 的 ip" before it.
    ['应用连不上，pod 的 ip 10.244.1.9:6379 连接超时', '10.244.1.9:6379', 'pod'],
    // A pasted `kubectl get svc` row holds the address.
    [
      'dial tcp 10.108.82.91:3306: i/o timeout\nmy-sql-mysql   ClusterIP   10.108.82.91   <none>   3306/TCP   20m',
      '10.108.82.91:3306',
      'service',
    ],
    // Chinese: 服务 ip before it.
    ['访问服务 ip 10.96.12.7:80 一直 connection refused', '10.96.12.7:80', 'service'],
  ])('reads the role of the address in %s', (text, target, path) => {
    expect(addressPath(text, connect(target))).toBe(path);
  });

  it.each([
    // A kubelet's port: the node, not a pod or a Service.
    ['dial tcp 10.0.0.79:10250: i/o timeout\nweb-1 1/1 Running 0 1h 10.0.0.79 node-1', '10.0.0.79:10250'],
    // An address the report gives no role.
    ['Error: connect ETIMEDOUT 52.12.3.4:443 from the job', '52.12.3.4:443'],
    // Chinese: a node's address, not a pod's.
    ['节点 ip 192.168.1.20:8080 连接超时', '192.168.1.20:8080'],
    // A name is not a bare address.
    ['pod ip of orders-db:5432 refused', 'orders-db:5432'],
  ])('reads no role in %s', (text, target) => {
    expect(addressPath(text, connect(target))).toBeNull();
  });
});
