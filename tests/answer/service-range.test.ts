/**
 * A bare address a client failed to reach, given no role by the report, is a Service's ClusterIP when it lies in a
 * Service range installers pick by default (kubeadm's 10.96.0.0/12, k3s's 10.43.0.0/16, MicroK8s's 10.152.183.0/24):
 * the failed connection then follows the ClusterIP runbook. Pod ranges and node networks lie outside them.
 */
import { describe, expect, it } from 'vitest';
import { addressPath, failedConnection } from '../../src/answer/failed-connection.js';
import { inDefaultServiceRange } from '../../src/answer/service-range.js';

describe('inDefaultServiceRange', () => {
  it.each(['10.96.0.10', '10.104.53.216', '10.111.255.254', '10.43.16.45', '10.152.183.10'])(
    'holds %s',
    (address) => {
      expect(inDefaultServiceRange(address)).toBe(true);
    },
  );

  it.each([
    '10.244.1.5',
    '10.42.0.12',
    '10.1.1.49',
    '10.112.0.1',
    '192.168.1.14',
    '172.17.0.4',
    '10.96.0.0',
    '10.96.300.1',
  ])('does not hold %s', (address) => {
    expect(inDefaultServiceRange(address)).toBe(false);
  });
});

describe('a failing address in a default Service range', () => {
  const pathOf = (text: string) => {
    const failed = failedConnection(text);
    return failed ? addressPath(text, failed) : null;
  };

  it.each([
    'Database master pod not start after node with pod fail. level=error msg="could not connect to PostgreSQL database: dial tcp 10.104.53.216:5432: connect: no route to host" cluster-name=db/user-pg96',
    'kubecf 的 diego-api pod 启动失败，locket 容器日志：panic: dial tcp 10.96.149.148:3306: connect: connection refused',
  ])('is a Service: %s', (text) => {
    expect(pathOf(text)).toBe('service');
  });

  it.each([
    // A pod's address, a node's kubelet, an address outside the ranges: not a Service.
    'worker cannot join: dial tcp 10.244.2.13:7000: connect: connection refused',
    'kubectl logs fails: dial tcp 10.101.109.84:10250: connect: no route to host',
    '应用连接数据库失败：dial tcp 192.168.10.20:3306: connect: connection refused',
    // No word of a cluster: the address may be anything's.
    'Failed to initialize cache after the upgrade: dial tcp 10.97.140.241:6379: connect: connection refused',
  ])('is not a Service: %s', (text) => {
    expect(pathOf(text)).not.toBe('service');
  });

  it('keeps a pod role the report gives the address', () => {
    const text =
      'redis-1 cannot reach redis-0: dial tcp 10.100.2.7:6379: connect: connection refused. kubectl get pods -o wide: redis-0 1/1 Running 0 3m 10.100.2.7 node-2';
    expect(pathOf(text)).toBe('pod');
  });
});
