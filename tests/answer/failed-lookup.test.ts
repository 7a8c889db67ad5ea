/**
 * A lookup an application says it could not make, the verb "look up" in place of "resolve" (Cassandra's seed
 * provider, a client library's own words): the name it names is a name that does not resolve, so the report states a
 * network failure and is answered from the DNS runbooks. A lookup of something that is no host names nothing.
 */
import { describe, expect, it } from 'vitest';
import { failedConnection } from '../../src/answer/failed-connection.js';
import { uncoveredUnstatedFailure } from '../../src/answer/unstated-failure.js';

describe('a failed lookup of a host', () => {
  it.each([
    [
      "WARN [main] SimpleSeedProvider.java:60 - Seed provider couldn't lookup host cassandra-0.cassandra.jaeger.svc.cluster.local",
      'cassandra-0.cassandra.jaeger.svc.cluster.local',
    ],
    ['worker log: failed to look up host redis-master, retrying in 5s', 'redis-master'],
    [
      "client error: unable to lookup 'kafka-0.kafka-headless.default.svc' (attempt 3)",
      'kafka-0.kafka-headless.default.svc',
    ],
    ['Cannot lookup hostname zk-0 in the cluster', 'zk-0'],
    [
      '日志报错：Seed provider could not look up host cassandra-1.cassandra.default.svc.cluster.local',
      'cassandra-1.cassandra.default.svc.cluster.local',
    ],
  ])('names the host of %s', (text, target) => {
    expect(failedConnection(text)).toEqual({ kind: 'resolve', target });
  });

  it.each([
    'I could not look up the docs for this chart.',
    "we can't look up the value in values.yaml",
    'can not lookup the answer anywhere, please help',
    '我查不到文档里的说明',
  ])('names nothing in %s', (text) => {
    expect(failedConnection(text)).toBeNull();
  });

  it('keeps a report whose only failure is a lookup from being declined as never stating one', () => {
    const report =
      "cassandra nodes refuse to come up when i try to use the production template, I always get this: `cassandra-0 1/1 Running 0 4m` `cassandra-1 0/1 CrashLoopBackOff 5 4m` ... the other two log: `WARN [main] SimpleSeedProvider.java:60 - Seed provider couldn't lookup host cassandra-0.cassandra.jaeger.svc.cluster.local` `Exception encountered during startup: The seed provider lists no seeds.`";
    expect(uncoveredUnstatedFailure(report)).toBeNull();
  });

  it('still declines a long report that states no failure of the network', () => {
    const report =
      'Chart upgrade leaves the old config map behind. After helm upgrade the release keeps the previous values and the new keys are missing from the rendered template, so the job uses the old settings. We could not look up the docs for this.';
    expect(uncoveredUnstatedFailure(report)).not.toBeNull();
  });
});
