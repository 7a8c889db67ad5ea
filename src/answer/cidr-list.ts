/**
 * An address written as one item of a list whose neighbours are networks (`NO_PROXY=10.0.0.0/8,192.168.1.10,
 * 172.16.0.0/12`, `allowed: 10.244.0.0/16, 192.168.56.11`, `白名单 10.0.0.0/8、192.168.1.10`). Pure.
 *
 * Lists that mix networks and single addresses are settings (proxy exclusions, policy allow-lists, IP pools, firewall
 * sources): the address there is one value of the setting, no destination the report tries, so it fills no
 * `<target-ip>` or node or pod address.
 */
const CIDR = String.raw`\d{1,3}(?:\.\d{1,3}){3}/\d{1,2}`;
// Commas only: a semicolon ends a pasted line or a clause (`... src 10.187.3.1; 172.16.0.0/24 dev eth0`), no list.
const SEPARATOR = String.raw`\s*[,，、]\s*`;
const CIDR_ITEM_BEFORE = new RegExp(`(?<![\\d.])${CIDR}${SEPARATOR}$`);
const CIDR_ITEM_AFTER = new RegExp(`^${SEPARATOR}${CIDR}(?![\\d.])`);

/**
 * Whether the address that spans `start`..`end` of `text` is an item next to a network in a list (see above). Only
 * its direct neighbours count: a sentence that writes a CIDR somewhere else leaves the address alone.
 */
export function listedWithNetworks(text: string, start: number, end: number): boolean {
  return (
    CIDR_ITEM_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ||
    CIDR_ITEM_AFTER.test(text.slice(end, end + 24))
  );
}
