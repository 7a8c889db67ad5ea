/**
 * The kind of value a setting's snake_case name says it holds: `FLANNEL_MTU` and `veth_mtu` hold an MTU,
 * `CALICO_IPV4POOL_CIDR` and `FLANNEL_SUBNET` a CIDR, `METRICS_PORT` a port. "What should I set FLANNEL_MTU to?" asks
 * for an MTU though no kind word stands alone (the underscore joins it to the name). Only these unambiguous parts:
 * `ip_forward` or `nf_conntrack_max` name no value kind by their parts. Pure.
 */
import type { ValueKind } from './value-shapes.js';

const NAMED_PARTS: ReadonlyArray<[ValueKind, RegExp]> = [
  ['mtu', /\b\w*_mtu(?:_\w*)?\b|\bmtu_\w+\b/i],
  ['cidr', /\b\w*_(?:cidr|subnet)(?:_\w*)?\b|\b(?:cidr|subnet)_\w+\b/i],
  ['port', /\b\w*_port(?:_\w*)?\b|\bport_\w+\b/i],
];

/** The kinds of value the snake_case setting names in a clause say they hold. */
export function kindsNamedBySetting(clause: string): ValueKind[] {
  return NAMED_PARTS.filter(([, pattern]) => pattern.test(clause)).map(([kind]) => kind);
}
