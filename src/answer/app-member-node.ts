/**
 * A "node" that is an application's member, not a Kubernetes node. Databases, brokers and search engines call their
 * own members nodes (`Cassandra ... cannot gossip with node cassandra-1`, `Elasticsearch master node es-master-1 not
 * discovered`, `redis cluster node redis-cluster-2 fails over`, `node mongo-2 is in STARTUP state`, `Kafka 节点
 * kafka-0 无法连接`): such a member runs in a pod of a StatefulSet and carries its ordinal, and a check of a Kubernetes
 * node (`kubectl describe node <node>`, `ssh <node>`) filled with it reads a node that does not exist. Kept as a node:
 * a machine named for the data store it hosts with no StatefulSet ordinal (`kafka01`, `redis-host`), and any name a
 * `kubectl get nodes` row or a pod row's NODE cell shows (the caller drops listed nodes itself). Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

/** Data stores, brokers and search engines that call their members nodes (etcd and Consul members are often hosts). */
const STORE =
  '(?:cassandra|scylla|elasticsearch|elastic|opensearch|es|redis|valkey|mongo|mongodb|kafka|zookeeper|zk|rabbitmq|rabbit|mysql|mariadb|galera|postgres|postgresql|pg|cockroach|cockroachdb|clickhouse|minio|solr|couchdb|couchbase|pulsar|bookie|nats|nacos|seata|tidb|tikv|pd)';

/** A name of StatefulSet shape whose words name a data store: `cassandra-1`, `es-master-1`, `redis-cluster-2`. */
const STORE_ORDINAL = new RegExp(`^(?:[a-z0-9]+-)*${STORE}(?:-[a-z0-9]+)*-\\d{1,3}$`, 'i');

/** A member's role or its store written before the word node: `data node X`, `seed node X`, `redis node X` (a "master node" is as often a control-plane host). */
const MEMBER_WORD = `(?:data|ingest|coordinating|seed|broker|arbiter|sentinel|${STORE})`;

/** `name` is written as an application's member: of StatefulSet shape and named for a store, or after a member's word. */
export function appMemberNode(text: string, name: string): boolean {
  if (name === '' || name.includes('.')) return false;
  if (STORE_ORDINAL.test(name)) return true;
  return new RegExp(
    `(?<![\\w-])${MEMBER_WORD}\\s+(?:nodes?|节点|節點)\\s*[\`'"(]?${escapeRegExp(name)}(?![\\w-])`,
    'i',
  ).test(text);
}
