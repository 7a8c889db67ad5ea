import { describe, expect, it } from 'vitest';
import { logLocation } from '../../src/answer/log-location.js';
import { extractEntities, placeholderValues } from '../../src/answer/placeholders.js';

/** The placeholder values a question gives. */
function fills(question: string): Map<string, string> {
  return placeholderValues(extractEntities(question));
}

describe('logLocation', () => {
  it('reads a logger’s line number in a log prefix', () => {
    expect(logLocation('[NA] ERROR com.alibaba.nacos.client.naming:', '  - [NA] f')).toBe(true);
    expect(logLocation('2017-11-10 11:19:04 INFO  ContextHandler:', ' - Started')).toBe(true);
    expect(logLocation('[E 2019-04-13 07:26:25.314 JupyterHub web:', '] Uncaught')).toBe(true);
  });

  it('leaves a host and its port alone', () => {
    expect(logLocation('dial tcp redis-master:', ': i/o timeout')).toBe(false);
    expect(logLocation('连接 nacos-headless:', ' 失败')).toBe(false);
    expect(logLocation('Failed to connect to my Hub at http://hub:', '/hub/api')).toBe(false);
    expect(logLocation('ERROR dial redis:', ': connection refused')).toBe(false);
  });
});

describe('placeholder fills: a log prefix’s line number is no port', () => {
  it('leaves the port open when the only number is a logger’s line', () => {
    const en =
      '{[TID:N/A] - 2023-02-01 02:01:38,387 - [com.alibaba.nacos.naming.beat.sender] ERROR com.alibaba.nacos.client.naming:617  - [NA] failed to request}\njava.net.UnknownHostException: nacos-1.nacos-headless.default.svc.cluster.local.';
    expect(fills(en).get('<port>')).toBeUndefined();
    const zh =
      '用户 pod 连不上 hub，超时。\n[E 2019-04-13 07:26:25.314 JupyterHub web:1621] Uncaught exception GET /hub/user/admin/ (192.168.106.183)';
    expect(fills(zh).get('<port>')).toBeUndefined();
  });

  it('leaves the port open when the rest is a Scala source line', () => {
    const en =
      'Executor can not connect to driver service\n2017-11-10 11:19:07 INFO  SparkContext:54 - Starting job: reduce at SparkPi.scala:38\n2017-11-10 11:19:07 INFO  DAGScheduler:54 - Got job 0';
    expect(fills(en).get('<port>')).toBeUndefined();
  });

  it('still fills the port the report tries beside a log prefix', () => {
    const zh =
      'nacos 客户端注册失败：2024-01-01 03:19:39.622 ERROR com.alibaba.nacos.client.naming:617  - request failed, servers: [172.27.98.110:30064]';
    expect(fills(zh).get('<port>')).toBe('30064');
    const en =
      '[E 2023-06-30 12:29:16.677 SingleUserLabApp mixins:485] Failed to connect to my Hub at http://hub:8081/hub/api';
    expect(fills(en).get('<port>')).toBe('8081');
  });
});
