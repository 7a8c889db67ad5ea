/**
 * A check reading the cluster's Service address range (`grep service-cluster-ip-range`) tests one cause: a ClusterIP
 * or a Service range overlapping the nodes' or pods' networks. A report naming no address and no range ("Kafka can't
 * connect to ZooKeeper", "在k8s部署milvus后，使用python连接不上") gives no sign of that cause, yet the check's text
 * holds words of nearly every report (service, cluster, yaml): measured, it was returned in 85 answers and wanted by
 * one, whose report named its CIDR. Pure.
 */

/** A check of the Service address range the API server hands ClusterIPs from. */
const SERVICE_RANGE_CHECK = /service-cluster-ip-range/i;

/**
 * How a report names an address or a range: an IPv4 or IPv6 address, a CIDR, a subnet or address range, an overlap
 * of networks (网段, 冲突, 重叠).
 */
const ADDRESS_OR_RANGE_NAMED =
  /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])|(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])|cidr|subnet|(?:ip|address|service)[\s-]*ranges?|overlap|conflict|网段|地址段|地址范围|冲突|重叠/i;

/** The check reads the Service address range and the report names no address, range or overlap. */
export function checksUnnamedServiceRange(command: string, report: string): boolean {
  return SERVICE_RANGE_CHECK.test(command) && !ADDRESS_OR_RANGE_NAMED.test(report.normalize('NFKC'));
}
