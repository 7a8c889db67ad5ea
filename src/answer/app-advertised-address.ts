/**
 * A report about the address a clustered application advertises to its clients: Kafka's `advertised.listeners`,
 * Redis's and Sentinel's `announce-ip`, Elasticsearch's `publish_host`, RabbitMQ's and ZooKeeper's own. Clients dial
 * whatever address the application hands them (a pod IP outside the cluster, a stale name after a failover); that
 * address is the application's own setting, not a path a runbook follows. A first sentence naming a path the runbooks
 * explain (DNS or a headless Service's names, a NodePort, a network policy, MTU) keeps the report answered. Declined
 * only while no runbook is about such settings (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The applications' own settings of the address they advertise: Kafka's (`advertised.listeners`,
 * `KAFKA_ADVERTISED_LISTENERS`, `advertised.host.name`), Redis Cluster's and Sentinel's (`cluster-announce-ip`,
 * `announce-ip`, `announce-hostnames`), Elasticsearch's (`network.publish_host`), RabbitMQ's and Consul's
 * advertise address.
 */
const ADVERTISED_SETTING =
  /advertised[._\s-]?(?:listeners?|host[._-]?name|port)|\bkafka_advertised\w*|\b(?:cluster-)?announce-(?:ip|port|hostnames?|bus-port)\b|\bpublish[._-]host\b|\brabbitmq_nodename\b/i;
/** Paths the runbooks explain, named in the first sentence: DNS and headless names, NodePort, policy, MTU. */
const COVERED_PATH =
  /\bdns\b|core-?dns|nxdomain|headless|resolv|\bmtu\b|node-?port|network\s*polic|网络策略|網路策略|解析/i;

/**
 * A name looked up in a first sentence (DNS, a headless Service's names, a resolution failing): a headline naming the
 * advertised setting beside one is about the name, not the setting.
 */
const NAME_PATH = /\bdns\b|core-?dns|nxdomain|headless|resolv|解析/i;

/**
 * The subject when a report names the address an application advertises ("Kafka clients outside the cluster cannot
 * connect: the broker advertises its pod IP in advertised.listeners", "redis sentinel announce-ip 是 pod ip，集群外连不上")
 * and its first sentence names no path a runbook explains, or names the setting itself and looks no name up; else
 * null. "kafka-0.kafka-headless returns NXDOMAIN;
 * advertised.listeners uses that name" is a headless Service's DNS and is answered.
 */
export function uncoveredAdvertisedAddress(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!ADVERTISED_SETTING.test(text)) return null;
  // A first sentence naming the setting itself is about it, whatever path it also names ("external broker access
  // for service type NodePort, issue with advertised.listeners"), unless it looks a name up.
  const settingFirst = ADVERTISED_SETTING.test(headline) && !NAME_PATH.test(headline);
  if (COVERED_PATH.test(headline) && !settingFirst) return null;
  return explained
    ? null
    : 'the address an application advertises to its clients (Kafka advertised.listeners)';
}

/** Whether a runbook is about such settings (its title, triggers, headings or symptoms name one). */
export function advertisedAddressExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, ADVERTISED_SETTING);
}
