import { describe, expect, it } from 'vitest';
import { outsideNetworking } from '../../src/answer/clarify.js';
import { headlineFailsToConnect } from '../../src/answer/failed-connection.js';

const fails = (text: string) => headlineFailsToConnect(text.split(/(?<=[.。])\s*/)[0] ?? text, text);

describe('headlineFailsToConnect: a headline saying a connection failed', () => {
  it.each([
    // Real (a public report, not in an eval set): the install tool is named, the failing subject is the connection.
    'Issue: Redis connection failed:context deadline exceeded when deploy on K8S by helm chart. I deploy versus incident to k8s by helm chart but i get error: Redis connection failed:context deadline exceeded on pod versus-incident, i tested on pod by run command sleep 300000 and try to connect to redis and success.',
    // Real (a public report, not in an eval set): a connection failure named as a noun beside a chart's tag.
    '[keycloak] connection failure and pods running fail. Caused by: javax.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/datasources/KeycloakDS ... Caused by: javax.resource.ResourceException: IJ031084: Unable to create connection',
    // Constructed after an application's report.
    'MongoDB connection timed out after the upgrade of the api chart. The api pods log MongoServerSelectionError: connection timed out to mongodb-0.mongodb-headless:27017.',
    // Constructed (Chinese).
    'helm 部署后 redis 连接超时。应用 pod 日志里一直是 redis 连接超时，redis pod 状态正常。',
  ])('%s → true, and not another trade', (question) => {
    expect(fails(question)).toBe(true);
    expect(outsideNetworking(question)).toBe(false);
  });

  it.each([
    // Real (reports6.yaml): the quoted error is where a restore stopped; the subject is the restore.
    'Cluster restore fails with "127.0.0.1:6444: read: connection reset by peer". k3s v1.23.1+k3s1, 3 servers and 1 agent. Restore from snapshot fails on a multinode setup: create a 3 node cluster, take snapshot, stop k3s on all nodes, restore from snapshot.',
    // Constructed: a Helm release failing, no connection.
    'helm upgrade fails with another operation in progress. The release is stuck in pending-upgrade after the job timed out.',
    // Constructed (Chinese): a storage failure.
    'helm 升级失败。pvc 一直 pending，存储类不可用。',
  ])('%s → false', (question) => {
    expect(fails(question)).toBe(false);
  });

  it('a connection the server refused for its credentials is not a broken path', () => {
    expect(
      fails(
        "MySQL connection refused for user app. ERROR 1045 (28000): Access denied for user 'app'@'10.244.1.7' (using password: YES)",
      ),
    ).toBe(false);
  });
});
