/**
 * A report pointing at the node's own firewall, and the checks that list its rules. Pure.
 *
 * "firewalld is enabled", "after stop firewall, then can access", "防火墙开着": the node's filter rules (its INPUT or
 * FORWARD chain, firewalld's zones) are a likely cause, and of the runbook's checks the one listing those rules tests
 * it. So does "No route to host" on a connection (Chinese systems print 没有到主机的路由): a host that answers ping but
 * refuses the connection that way is rejecting it with firewalld's default `icmp-host-prohibited`.
 */
import { runLine } from './already-ran.js';

// The firewall named as such (firewalld, ufw), and the error its default reject produces.
const FIREWALL = /firewall|防火墙|\bufw\b|no route to host|没有到主机的路由/i;

/** The report names the node's firewall, or the error its default reject produces. */
export function pointsAtHostFirewall(query: string): boolean {
  return FIREWALL.test(query);
}

// Listing the filter rules: `iptables -S FORWARD`, `iptables -L INPUT -n -v`, `firewall-cmd --list-all`,
// `nft list ruleset`, `ufw status`. Not another table (`iptables -t nat -S POSTROUTING`): address translation is not
// the firewall; nor a rule being added (`iptables -I FORWARD …`).
const LISTS_FILTER =
  /^(?:ip6?tables\s+(?:-[nv]+\s+)*-(?:S|L|nvL)\b|firewall-cmd\s+--list|nft\s+list\s+ruleset|ufw\s+status)/;

/** The check lists the node's filter rules (its first line, after any `kubectl exec … --`). */
export function listsHostFirewall(command: string): boolean {
  return LISTS_FILTER.test(runLine(command).trim());
}
