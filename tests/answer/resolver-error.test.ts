/**
 * A resolver's failure pasted in any library's words, read with the name it failed on: the name beside the phrase,
 * before or after it, never the DNS server's address or the phrase's own words.
 */
import { describe, expect, it } from 'vitest';
import { resolverFailures, statesResolverFailure, unresolvedName } from '../../src/answer/resolver-error.js';

describe('unresolvedName', () => {
  it.each([
    ['Error -3 connecting to netbox-redis-master:6379. Try again.', 'netbox-redis-master'],
    [
      "Can't connect to MySQL server on 'mariadb.db.svc.cluster.local' ([Errno -2] Name does not resolve)",
      'mariadb.db.svc.cluster.local',
    ],
    [
      'java.net.UnknownHostException: spark-master-0.spark-headless: Name or service not known',
      'spark-master-0.spark-headless',
    ],
    ['The "gateway" hostname is not resolved when the function calls it', 'gateway'],
    ["Unable to canonicalize address pulsar-zookeeper:2181 because it's not resolvable", 'pulsar-zookeeper'],
    [
      'psql: could not translate host name "pg-primary" to address: Temporary failure in name resolution',
      'pg-primary',
    ],
    ['Error: getaddrinfo EAI_AGAIN mongo-0.mongo', 'mongo-0.mongo'],
    ['curl 报错 域名解析失败: api.example.com', 'api.example.com'],
  ])('%s → %s', (text, name) => {
    expect(unresolvedName(text)).toBe(name);
  });

  it('does not take the DNS server asked, a Java class or the phrase itself for the name', () => {
    expect(unresolvedName('lookup on 10.96.0.10:53: no such host')).toBeNull();
    expect(unresolvedName('the client throws "java.net.UnknownHostException" on start')).toBeNull();
  });

  it('takes a plain word right after a phrase for its name only after a colon or a Node code', () => {
    // Real hazelcast#381 (shortened): the word after the exception goes on the sentence.
    expect(unresolvedName('UnknownHostException prevents startup of the member')).toBeNull();
    expect(unresolvedName('java.net.UnknownHostException: zookeeper')).toBe('zookeeper');
    expect(unresolvedName('Error: getaddrinfo ENOTFOUND redis')).toBe('redis');
    expect(unresolvedName('UnknownHostException spark-master-0 on start')).toBe('spark-master-0');
  });

  it('reads no failure in a name that resolves and a connection that is refused', () => {
    expect(resolverFailures('dial tcp 10.0.0.9:6379: connect: connection refused')).toEqual([]);
    expect(
      unresolvedName('nslookup redis-master returns 10.96.3.4, but redis-cli -h redis-master:6379 times out'),
    ).toBeNull();
    expect(unresolvedName('Pod 访问 redis-master:6379 连接超时')).toBeNull();
  });
});

describe('statesResolverFailure', () => {
  it('reads the phrase without a name', () => {
    expect(
      statesResolverFailure("[bitnami/postgresql-ha] Fail to start with 'Name or service not known' error"),
    ).toBe(true);
    expect(statesResolverFailure('服务启动时报 无法解析 数据库地址')).toBe(true);
  });
  it('reads nothing in a report of another failure', () => {
    expect(statesResolverFailure('The ingress returns 502 Bad Gateway for every host')).toBe(false);
    expect(statesResolverFailure('升级后 Pod 之间 ping 不通')).toBe(false);
  });
});
