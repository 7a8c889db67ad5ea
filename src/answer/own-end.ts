/**
 * The logging process's own end of a connection, as application logs label it: RocketMQ's `local address:
 * 10.244.1.9:53412`, Dubbo's `current host: 172.30.19.10` at the end of every line, a `localAddress=` field. It is the
 * client the report runs (a pod, in a cluster), on an ephemeral port: neither the address that fails nor a node's.
 *
 * `before` is the text right before the address.
 */
const OWN_END_BEFORE = /(?<![a-z])(?:local|current)[\s_-]*(?:host|address|addr|ip)\s*[:：=]\s*["'[(]?\/?$/i;

export function logOwnEnd(before: string): boolean {
  return OWN_END_BEFORE.test(before);
}
