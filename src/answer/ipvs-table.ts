/**
 * Rows of a pasted `ipvsadm -Ln` table. Pure.
 *
 * kube-proxy's IPVS mode keeps one virtual server per Service port (`TCP 10.96.0.1:443 rr`, `UDP 10.96.0.10:53 rr`),
 * and a report pastes the table to show what is programmed: two or more of its virtual servers are the table's rows
 * (the API server's, the cluster DNS's, the report's own Service), none the address the report fails on more than
 * the others.
 */

const PROTOCOL_BEFORE = /(?:^|[\s;:,，；：])(?:TCP|UDP|SCTP)\s+$/;
const SCHEDULER_AFTER =
  /^:\d{1,5}\s+(?:rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|mh|fo|ovf)(?![\w-])(?:\s+persistent\s+\d+)?/i;

/**
 * Whether an address is written as an IPVS virtual server: a protocol before it, its port and a scheduler after
 * (`TCP 10.0.0.10:53 rr`). `before` ends at the address, `after` starts right after it, port included.
 */
export function ipvsVirtualServer(before: string, after: string): boolean {
  return PROTOCOL_BEFORE.test(before) && SCHEDULER_AFTER.test(after);
}

/** Whether the virtual servers written number two or more distinct addresses: a table, no one row singled out. */
export function ipvsTable(virtualServers: readonly string[]): boolean {
  return new Set(virtualServers).size >= 2;
}
