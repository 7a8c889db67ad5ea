/**
 * The overlay mode a report says its pod network runs between nodes ("flannel vxlan backend", "IPIP 模式",
 * "CALICO_NETWORKING_BACKEND: vxlan", `"Type": "host-gw"`, "routing-mode: native"), and the checks that only apply to
 * another mode: `tcpdump … 'ip proto 4'` and `ip -d link show tunl0` (IPIP) for a VXLAN report, `bridge fdb show dev
 * flannel.1` (VXLAN) for a host-gw one. Such checks rank after the others, as for the kube-proxy mode a report states
 * (`proxy-mode.ts`); the stated mode's own checks score no more. A report naming two modes ("switched from ipip to
 * vxlan") states none. Pure.
 */

import type { CommandRecord } from '../core/types.js';

export type EncapMode = 'vxlan' | 'ipip' | 'geneve' | 'direct';

const MODES: readonly EncapMode[] = ['vxlan', 'ipip', 'geneve', 'direct'];

/** The mode word as a whole word (`vxlan`, not `vxlan.calico` or `cilium_vxlan`). */
const WORD: Record<Exclude<EncapMode, 'direct'>, string> = {
  vxlan: 'vxlan',
  ipip: 'ip-?ip',
  geneve: 'geneve',
};

const SETTING = `["'\`]?\\s*[:=]\\s*["'\`]?`;

/**
 * `X mode`, `X backend`, `X 模式`, `backend: X`, `"Type": "X"`, `mode=X`, `tunnel: X`, `vxlanMode: Always`,
 * `CALICO_NETWORKING_BACKEND: vxlan`, `CALICO_IPV4POOL_IPIP=Always`.
 */
function statedPattern(mode: EncapMode): RegExp {
  if (mode === 'direct')
    return new RegExp(
      [
        '(?<![\\w-])host-gw(?![\\w-])',
        '(?<![\\w-])native[\\s-]+routing(?![\\w-])',
        `routing-?mode${SETTING}native`,
        `(?<![\\w-])tunnel${SETTING}disabled`,
        '(?:直接路由|无封装|不封装)(?:模式)?',
        // Calico's "BGP mode" is its unencapsulated one (IPIP and VXLAN are named as such).
        '(?<![\\w-])bgp[\\s-]*(?:mode|模式)',
      ].join('|'),
      'iu',
    );
  const word = WORD[mode];
  return new RegExp(
    [
      `(?<![\\w.-])${word}[\\s-]*(?:mode|backend|tunnel(?:ing)?|encapsulation|overlay|模式|后端|封装|隧道)(?![a-z])`,
      `(?<![a-z])(?:backend|type|mode|tunnel|tunnel-protocol|encapsulation)${SETTING}${word}(?![\\w.-])`,
      `(?<![a-z])${word}mode${SETTING}(?:always|crosssubnet)`,
      `calico_networking_backend${SETTING}${word}(?![\\w.-])`,
      `calico_ipv4pool_${word}${SETTING}(?:always|crosssubnet)`,
      `(?:模式|后端|封装)\\s*(?:为|為|是|:|：|选择的?是)?\\s*["'\`]?${word}(?![\\w.-])`,
    ].join('|'),
    'iu',
  );
}

const STATED = new Map(MODES.map((mode) => [mode, statedPattern(mode)]));

/** A setting that turns a mode off (`ipipMode: Never`, `CALICO_IPV4POOL_IPIP=off`) names no mode the cluster runs. */
const TURNED_OFF =
  /(?:ip-?ip|vxlan)mode["'`]?\s*[:=]\s*["'`]?never|calico_ipv4pool_(?:ipip|vxlan)["'`]?\s*[:=]\s*["'`]?(?:never|off)/giu;

/** Another mode named at all, as a whole word: the report may be comparing or switching modes. */
const NAMED: Record<EncapMode, RegExp> = {
  vxlan: /(?<![\w.-])vxlan(?![\w.-])/iu,
  ipip: /(?<![\w.-])ip-?ip(?![\w.-])|(?<![\w.-])tunl0(?![\w.-])/iu,
  geneve: /(?<![\w.-])geneve(?![\w.-])/iu,
  direct: /(?<![\w-])host-gw(?![\w-])|native[\s-]+routing/iu,
};

/**
 * A mode the report turns off, avoids or switches from or to ("if i disable wireguard and vxlan encapsulation",
 * "without vxlan", "改成 vxlan"): it compares setups, and which one fails is not the mode it names.
 */
const SWITCHED =
  /(?:disabl\w*|enabl\w*|without|avoid\w*|instead\s+of|switch\w*|chang\w*|migrat\w*|关闭|禁用|开启|启用|不用|不使用|换成|改成|改为|切换)[^.。;；!?！？\n]{0,40}?(?:vxlan|ip-?ip|geneve|host-gw|native[\s-]+routing)/iu;

/**
 * A mode the report says cures the problem ("Running k3s with --flannel-backend=host-gw solves that problem", "改成
 * host-gw 就好了"): the workaround it found, so the failing setup is another mode (usually the default).
 */
const CURES =
  /(?:vxlan|ip-?ip|geneve|host-gw|native[\s-]+routing)[^.。;；!?！？\n]{0,40}?(?:(?<![\w-])(?:solves|solved|fixes|fixed|resolves|resolved|works around)(?![\w-])|解决了?|就好了|就正常了?|恢复正常)/iu;

/** The one overlay mode the report states its pod network runs; null when it states none, or names another too. */
export function statedEncapMode(question: string): EncapMode | null {
  const text = question.normalize('NFKC').replace(TURNED_OFF, ' ');
  const stated = MODES.filter((mode) => STATED.get(mode)?.test(text));
  if (stated.length !== 1) return null;
  const [mode] = stated;
  if (!mode) return null;
  if (MODES.some((other) => other !== mode && NAMED[other].test(text))) return null;
  if (SWITCHED.test(text) || CURES.test(text)) return null;
  return mode;
}

/** What a check's own text tests that exists in one mode only: its tunnel device, its outer packets. */
const TOOL_OF: ReadonlyArray<readonly [EncapMode, RegExp]> = [
  ['vxlan', /vxlan|flannel\.1|udp port (?:4789|8472)(?!\d)/i],
  ['ipip', /tunl0|ip proto 4(?!\d)|(?<![\w])ipip(?![\w])/i],
  ['geneve', /genev|udp port 6081(?!\d)/i],
];

/**
 * A pattern of alternatives a check greps for (`grep -E 'cni0|cali|flannel|tunl0'`) names what each CNI or mode
 * shows, not one mode: it is left out before reading the check's mode.
 */
const ALTERNATIVES = /(["'])[^"']*\|[^"']*\1/g;

const modes = new WeakMap<CommandRecord, EncapMode | null>();

/**
 * The one overlay mode a check applies to, when its own text tests what exists in one mode only (`ip -d link show
 * tunl0`, `tcpdump … udp port 4789`); null when it applies to any mode or names several. What the runbook says of a
 * check is not read: purposes and headings name modes as examples ("IPIPMODE、VXLANMODE", "VXLAN 时 1450").
 */
export function checkEncapMode(record: CommandRecord): EncapMode | null {
  const known = modes.get(record);
  if (known !== undefined) return known;
  const text = record.command.replace(ALTERNATIVES, ' ');
  const found = TOOL_OF.filter(([, pattern]) => pattern.test(text)).map(([mode]) => mode);
  const mode = found.length === 1 ? (found[0] ?? null) : null;
  modes.set(record, mode);
  return mode;
}

/** True when the check applies to an overlay mode other than the one the report states. */
export function otherEncapCheck(stated: EncapMode | null, record: CommandRecord): boolean {
  if (stated === null) return false;
  const mode = checkEncapMode(record);
  return mode !== null && mode !== stated;
}
