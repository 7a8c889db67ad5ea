import { describe, expect, it } from 'vitest';
import { erroredPeer, pastesErrorNamingPeer } from '../../src/answer/peer-error.js';

describe('pastesErrorNamingPeer', () => {
  it('reads an application log error naming a Service URL', () => {
    expect(
      pastesErrorNamingPeer(
        'in the log i have this line: Error communicating with Redis: Connection to Redis tcp://appwrite-redis-master:6379.',
      ),
    ).toBe(true);
  });

  it('reads a warning naming a cluster DNS name', () => {
    expect(
      pastesErrorNamingPeer(
        'pod log: `sentinel 11:50:29.23 WARN ==> test-redis-headless.asdf.svc.cluster.local does not contain the IP of this pod: 10.233.67.144`',
      ),
    ).toBe(true);
  });

  it('reads a Chinese report of a failed connection to a Service', () => {
    expect(pastesErrorNamingPeer('应用日志显示 连接 mysql://db.prod.svc:3306 失败，请问怎么排查')).toBe(true);
  });

  it('leaves a Service name in a config with no error beside it', () => {
    expect(
      pastesErrorNamingPeer(
        'values.yaml: `REDIS_HOST: redis-master.cache.svc.cluster.local` and `replicas: 3`. The chart installs fine but the UI shows the wrong logo.',
      ),
    ).toBe(false);
  });

  it('leaves an error about the reporter’s own machine', () => {
    expect(
      pastesErrorNamingPeer('Error: could not open http://localhost:8080/ in the browser after helm upgrade'),
    ).toBe(false);
  });

  it('leaves a Chinese report whose error names no peer', () => {
    expect(pastesErrorNamingPeer('部署后 pod 日志报错：权限不足，无法创建目录 /data/pgdata')).toBe(false);
  });
});

describe('erroredPeer', () => {
  it('names the peer of an application log error, without its scheme', () => {
    expect(
      erroredPeer(
        'in the log i have this line: Error communicating with Redis: Connection to Redis tcp://appwrite-redis-master:6379.',
      ),
    ).toBe('appwrite-redis-master:6379');
  });

  it('names the Service of a Chinese report of a failed connection', () => {
    expect(erroredPeer('应用日志显示 连接 mysql://db.prod.svc:3306 失败，请问怎么排查')).toBe(
      'db.prod.svc:3306',
    );
  });

  it('names a cluster DNS name a warning holds', () => {
    expect(
      erroredPeer('WARN ==> test-redis-headless.asdf.svc.cluster.local does not contain the IP of this pod'),
    ).toBe('test-redis-headless.asdf.svc.cluster.local');
  });

  it('names none for a peer in a config with no error beside it, or the reporter’s own machine', () => {
    expect(
      erroredPeer('values.yaml: `REDIS_HOST: redis-master.cache.svc.cluster.local` and `replicas: 3`.'),
    ).toBe(null);
    expect(
      erroredPeer('Error: could not open http://localhost:8080/ in the browser after helm upgrade'),
    ).toBe(null);
    expect(erroredPeer('部署后 pod 日志报错：权限不足，无法创建目录 /data/pgdata')).toBe(null);
  });
});
