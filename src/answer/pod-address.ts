/**
 * The addresses a report writes as a pod's own: its row's IP cell in a pasted listing (`my-nginx-74f94c7795-qhlkm
 * 1/1 Running 0 21h 10.42.1.4 oci-worker`), or prose that says whose an address is (`ip: 192.192.134.72 is
 * csi-node-driver-9zbv7`, `192.192.134.72 是 node2 上的 csi-node-driver-9zbv7`, `pod web-0 (ip 10.244.1.7)`).
 * When the address a report fails to reach is the pod's own, that pod is the destination: a check run in `<pod>`
 * toward `<target-ip>` (`kubectl exec -n <namespace> <pod> -- nc -zv -w 3 <target-ip> <port>`) would run in the
 * destination and reach itself, so `<pod>` stays open there. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

/** A listing row's span in the text and the pod it lists. */
export interface PodRowSpan {
  name: string;
  start: number;
  end: number;
}

/**
 * Whether the text writes `ip` as `pod`'s address. `rows` are the pasted listing's pod rows; a row whose cells hold
 * the address is the pod's.
 */
export function writtenAsPodAddress(
  text: string,
  pod: string,
  ip: string,
  rows: readonly PodRowSpan[] = [],
): boolean {
  const lower = text.toLowerCase();
  const name = escapeRegExp(pod.toLowerCase());
  const address = escapeRegExp(ip);
  for (const row of rows) {
    if (row.name !== pod.toLowerCase()) continue;
    // The row runs to its line's end: the IP cell comes after READY, STATUS, RESTARTS and AGE.
    const lineEnd = lower.indexOf('\n', row.end);
    const cells = lower.slice(row.start, lineEnd === -1 ? lower.length : lineEnd);
    if (new RegExp(`(?<![\\d.])${address}(?![\\d.]|:\\d)`).test(cells)) return true;
  }
  // `192.192.134.72 is csi-node-driver-9zbv7`, `10.42.1.4 (pod web-0)`, `192.192.134.72 是 node2 上的 csi-node-...`.
  const ipThenPod = new RegExp(
    `(?<![\\d.])${address}(?![\\d.])\\s*(?:[)）]\\s*)?(?:is|was|belongs\\s+to|=|是|为|為|属于|屬於|[(（])\\s*(?:the\\s+)?(?:pod\\s+)?(?:[^\\s,，。;；]{1,20}\\s*上的\\s*)?[\`'"]?${name}(?![\\w-])`,
    'i',
  );
  // `pod web-0 (ip 10.244.1.7)`, `name: debug, ip: 192.192.125.143`, `web-0 的 IP 是 10.244.1.7`.
  const podThenIp = new RegExp(
    `(?<![\\w-])${name}[\`'"]?\\s*(?:[,，(（]\\s*)?(?:的\\s*)?(?:pod\\s*)?(?:ip|地址|ip\\s*地址)\\s*(?:[:：=]|is|是|为|為)?\\s*${address}(?![\\d.])`,
    'i',
  );
  return ipThenPod.test(lower) || podThenIp.test(lower);
}
