/**
 * A pasted reset of a connection to a Service by its cluster name, from a client that says it runs in a cluster: that
 * Service's path is the one to check. A reset from a bare address, the reporter's own machine or a client outside a
 * cluster names no path; a source file's line in a stack trace is no address.
 */
import { describe, expect, it } from 'vitest';
import { resetConnection } from '../../src/answer/reset-connection.js';

describe('resetConnection', () => {
  it('reads the Service a ZooKeeper client in a cluster names before the reset', () => {
    const text =
      'deployment.apps/strimzi-topic-operator gets stuck at establishing a connection to ZK. `INFO ClientCnxn:879 - Socket connection established to kafka-operator-zookeeper-client/10.0.87.243:2181, initiating session` `WARN ClientCnxn:1164 - Session 0x0 for server kafka-operator-zookeeper-client/10.0.87.243:2181, unexpected error, closing socket connection and attempting reconnect` `java.io.IOException: Connection reset by peer`';
    expect(resetConnection(text)).toEqual({
      kind: 'connect',
      target: 'kafka-operator-zookeeper-client:2181',
    });
  });

  it("reads Java's plain reset and a Service's cluster DNS name", () => {
    expect(
      resetConnection(
        'Kubernetes (EKS) 1.12: I/O error on POST request for "http://app-api-svc:2036": Connection reset; nested exception is java.net.SocketException: Connection reset',
      ),
    ).toEqual({ kind: 'connect', target: 'app-api-svc:2036' });
    expect(
      resetConnection('pod 日志：read tcp 10.244.1.5:41234->redis.cache.svc.cluster.local:6379: 连接被重置'),
    ).toEqual({ kind: 'connect', target: 'redis.cache.svc.cluster.local:6379' });
  });

  it('names no path for a bare address, the own machine or a client outside a cluster', () => {
    // A bare address may be a pod's, a Service's, a node's or one outside the cluster.
    expect(
      resetConnection(
        'In the kubernetes cluster: redis.exceptions.ConnectionError: Error while reading from 10.231.56.251:6379 : (104, Connection reset by peer)',
      ),
    ).toBeNull();
    // The reporter's own machine.
    expect(
      resetConnection(
        'Kafka pods: Session 0x0 for server localhost/127.0.0.1:2181, unexpected error java.io.IOException: Connection reset by peer',
      ),
    ).toBeNull();
    // No cluster: Azure Container Apps.
    expect(
      resetConnection(
        "Using Azure Container Apps: Error while reading from redisstackserver:6379 : (104, 'Connection reset by peer')",
      ),
    ).toBeNull();
    // 阿里云 Kubernetes，但没有地址。
    expect(
      resetConnection('阿里云Kubernetes服务后，一直报java.io.IOException: Connection reset by peer错误'),
    ).toBeNull();
  });

  it("does not take a stack trace's source line for an address", () => {
    expect(
      resetConnection(
        'k8s 部署: at io.seata.core.rpc.netty.NettyClientChannelManager.doConnect(NettyClientChannelManager.java:206) at upstream.go:89 ClientCnxn:1164 java.io.IOException: Connection reset by peer',
      ),
    ).toBeNull();
  });
});
