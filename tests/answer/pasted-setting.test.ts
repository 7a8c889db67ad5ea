import { describe, expect, it } from 'vitest';
import { namedOnlyAsPastedSetting } from '../../src/answer/pasted-setting.js';

const ADVERTISED = /advertised[._\s-]?listeners?|\bkafka_advertised\w*/i;

describe('namedOnlyAsPastedSetting', () => {
  it.each([
    // Report-shaped: kompose's env listing, a key and its URL value.
    'kafka1-deployment.yaml: KAFKA_ADVERTISED_LISTENERS PLAINTEXT://kafka1:9092, KAFKA_ZOOKEEPER_CONNECT zoo1:2181',
    // A properties file and a manifest's env entry.
    'server.properties: advertised.listeners=PLAINTEXT://kafka-0:9092',
    'env:\n  - name: KAFKA_ADVERTISED_LISTENERS\n    value: PLAINTEXT://kafka-0:9092',
    // A Helm flag (Chinese prose around it).
    '安装命令：helm install kafka --set advertised.listeners=PLAINTEXT://kafka:9092，然后 zookeeper 连不上。',
  ])('reads a pasted key in %s', (text) => {
    expect(namedOnlyAsPastedSetting(text, ADVERTISED)).toBe(true);
  });
  it.each([
    // The reporter's own sentence about the setting.
    'the broker advertises its pod IP in advertised.listeners, so clients outside get refused',
    'I set KAFKA_ADVERTISED_LISTENERS to the node address but nothing changed',
    // Chinese prose, then the pasted key: one prose mention is enough.
    '我觉得是 advertised.listeners 的问题。配置：advertised.listeners=PLAINTEXT://kafka:9092',
    // Not named at all.
    'kafka cannot connect to zookeeper',
  ])('reads no key only in %s', (text) => {
    expect(namedOnlyAsPastedSetting(text, ADVERTISED)).toBe(false);
  });
});
