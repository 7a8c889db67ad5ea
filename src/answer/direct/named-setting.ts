/**
 * A value asked for a setting the question names as it is written: "what is the default nf_conntrack_max",
 * "net.ipv4.tcp_keepalive_time 默认是多少", "What is the default proxy-read-timeout", "--ipvs-tcp-timeout 的默认值".
 * Real reports copy the sysctl, flag or config key from their logs or the docs, so the line of the runbook naming
 * that same key states its value; a line that only says 默认 / default about something else does not. Pure.
 */

/**
 * A setting as a report writes it: a snake_case sysctl or file key (`nf_conntrack_max`, `tcp_keepalive_time`, the last
 * part of `net.netfilter.nf_conntrack_max`), a --flag, a kebab-case key ending in what a setting measures
 * (`proxy-read-timeout`, `conntrack-max-per-core`). (A camelCase field asked by name has its own rule, `byName`.)
 */
const SNAKE = /(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;
const FLAG = /(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])/g;
/** A kebab-case name is a setting when its last part is what settings measure; `kube-ovn-cni` is a component. */
const KEBAB_SETTING =
  /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:timeout|size|max|min|limit|interval|period|range|ttl|mtu|cidr|port|core|count|retries|mode)(?![\w-])/g;

/** The settings the asking clause names as written, lowercased, flags without their dashes. */
export function settingNamesAsked(focus: string): string[] {
  const found = new Set<string>();
  for (const pattern of [SNAKE, FLAG, KEBAB_SETTING])
    for (const match of focus.matchAll(pattern)) found.add(match[0].replace(/^--/, '').toLowerCase());
  return [...found];
}

/** Escaped for a pattern. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a line names one of the settings as written: `nf_conntrack_max` in `net.netfilter.nf_conntrack_max`,
 * `proxy-read-timeout` in `--proxy-read-timeout` or `nginx.ingress.kubernetes.io/proxy-read-timeout`. Not inside a
 * longer name (`nf_conntrack_max` is not `nf_conntrack_max_per_core`).
 */
export function namesSettingAsked(quote: string, names: readonly string[]): boolean {
  return names.some((name) => new RegExp(`(?<![\\w-])(?:--)?${escaped(name)}(?![\\w-])`, 'i').test(quote));
}

/** A value a line states: a number, or a word saying it is the default (默认 iptables, defaults to Cluster). */
const STATES_A_VALUE = /\d|默认|默認|\bdefaults?\b/i;

export function statesAValue(quote: string): boolean {
  return STATES_A_VALUE.test(quote);
}
