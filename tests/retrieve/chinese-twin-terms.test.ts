/**
 * The bundled glossary reads the Chinese twins of its English symptom and topology words the same way: "同一个 node"
 * is "same node", "连接不上" is "cannot connect", 网络策略 rendered word for word ("network strategy") is "network policy".
 * Words that only look alike stay apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/ingest/glossary-file.js';
import { compileGlossary } from '../../src/retrieve/glossary.js';
import { normalizeText } from '../../src/retrieve/normalize.js';

const KB = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../kb');
const { entries } = parseGlossary('glossary.yaml', readFileSync(path.join(KB, 'glossary.yaml'), 'utf8'));
const glossary = compileGlossary(entries);
const groups = (text: string) => glossary.groupsIn(normalizeText(text));
const groupOf = (term: string) => {
  const found = groups(term);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('Chinese twins in the bundled glossary', () => {
  it.each([
    // Real (questions.yaml): the pods of the path sit on one node.
    ['同一个 node 上 nginx 访问 redis 的 pod 6379 connection refused，跨节点的也一样', 'same node'],
    ['两个 pod 在同一宿主机上，互相 ping 不通', 'same node'],
    ['同一台服务器上的容器之间访问超时', 'same node'],
    ['The two pods on the same host cannot talk', 'same node'],
    // Constructed: a connection that cannot be made, in Chinese and in English.
    ['pod 里连接不上 redis 的 6379 端口', 'cannot connect'],
    ['从节点上访问不到 pod 的 8080 端口', 'cannot connect'],
    ['the pod cannot connect to redis on 6379', 'cannot connect'],
    // Real (fills6.yaml): 网络策略 translated word for word is "network strategy"; it is a NetworkPolicy.
    ['According to the kubernetes official demo test network strategy failed.', 'network policy'],
    ['配置了网络策略之后 pod 访问不了 nginx', 'network policy'],
  ])('%s → the group of "%s"', (text, english) => {
    expect(groups(text)).toContain(groupOf(english));
  });

  it.each([
    // Constructed: another node is not the same node, and a route that is not reachable before deploying is not a
    // failing connection (不可达 is left out of the failure words).
    ['一个 node 上的 pod 访问另外一个 node 的 pod 不通', 'same node'],
    ['部署前路由不可达，部署后路由可达(flanneld保证)', 'cannot connect'],
    ['同一个集群里的两个 namespace', 'same node'],
    // Constructed: a rollout strategy or a network alone is not a NetworkPolicy.
    ['the deployment strategy is RollingUpdate and the new pods cannot reach the network', 'network policy'],
    ['kube-proxy 的负载均衡策略是 rr', 'network policy'],
  ])('%s → not the group of "%s"', (text, english) => {
    expect(groups(text)).not.toContain(groupOf(english));
  });
});
