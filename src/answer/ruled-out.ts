/**
 * Likely causes and checks a report's stated settings make moot. Pure.
 *
 * A troubleshooting row whose cause is a setting with a value (`externalTrafficPolicy: Local`, `ipipMode: Always`,
 * `ip_forward=0`) is ruled out when the report states that setting with another value ("External Traffic Policy:
 * Cluster", "ipipMode: Never", "net.ipv4.ip_forward = 1"): its check tests a cause the cluster does not have, and
 * took the place of the runbook's check of the cause the report does point at ("NodePort not served on the
 * master", Cluster policy stated: the Local policy's `/healthz` check ranked above `KUBE-NODEPORTS`).
 * A check merely reading a setting the report states is not left out (measured: `{.spec.hostNetwork}{.spec.dnsPolicy}`
 * is the check of the hostNetwork DNS reports that state both, and three of them lost it).
 */

/**
 * A setting with a value, as a runbook's cause cell writes it: a camelCase, dotted, dashed or underscored key
 * (`externalTrafficPolicy`, `ip_forward`, `bridge-nf-call-iptables`), then `:` or `=`, then the value. Plain words
 * (`type: internal`, `Ready: true`, `ndots:5`) are not settings a report states in another form.
 */
const CAUSE_SETTING =
  /(?<![\w.-])([a-z]+[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+)\s*[:=]\s*["'`]?([A-Za-z0-9]+)/g;

/** A setting and the value a cause cell gives it (key folded: lower case, no separators). */
export interface SettingValue {
  key: string;
  value: string;
}

const foldKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The settings with a value that a cause cell states. */
export function causeSettings(cause: string): SettingValue[] {
  const out: SettingValue[] = [];
  for (const match of cause.normalize('NFKC').matchAll(CAUSE_SETTING))
    out.push({ key: foldKey(match[1] ?? ''), value: (match[2] ?? '').toLowerCase() });
  return out;
}

/** Values any setting may take: a report stating one of these states a value, not a word of its sentence. */
const GENERIC_VALUES = new Set(['true', 'false', 'on', 'off', 'enabled', 'disabled', 'yes', 'no']);

/** What joins a stated setting to its value: `:`, `=`, "set to", "is set to", 为, 是, 配置为, 设为. */
const JOIN = String.raw`\s*(?:[:=：]|(?:is\s+)?set\s+to(?![a-z])|配置为|设置为|设为|为|為|是)\s*["'\x60]?`;

/**
 * The value the question states for a setting (lower case), when it states one of `values` (the values the
 * runbooks give it, or a generic on/off or number): the key may be written with spaces or dashes between its words
 * ("External Traffic Policy: Cluster", `net.ipv4.ip_forward = 1`). Undefined when it states none, or two different.
 */
export function statedValue(question: string, key: string, values: ReadonlySet<string>): string | undefined {
  const letters = [...key].map((c) => c.replace(/[^a-z0-9]/g, '')).join('[\\s_.-]?');
  const pattern = new RegExp(`(?<![a-z0-9])${letters}${JOIN}([a-z0-9]+)`, 'giu');
  const found = new Set<string>();
  for (const match of question.normalize('NFKC').matchAll(pattern)) {
    const value = (match[1] ?? '').toLowerCase();
    if (values.has(value) || GENERIC_VALUES.has(value) || /^\d+$/.test(value)) found.add(value);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * A cause the question rules out: one of the settings it states (`known` holds every value the runbook's causes
 * give each setting) is stated by the question with another value.
 */
export function causeRuledOut(
  question: string,
  cause: string,
  known: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  return causeSettings(cause).some(({ key, value }) => {
    const stated = statedValue(question, key, known.get(key) ?? new Set([value]));
    return stated !== undefined && stated !== value;
  });
}

/** Per setting of the given cause cells, every value they give it. */
export function knownValues(causes: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const cause of causes)
    for (const { key, value } of causeSettings(cause)) {
      const values = out.get(key) ?? new Set<string>();
      values.add(value);
      out.set(key, values);
    }
  return out;
}
