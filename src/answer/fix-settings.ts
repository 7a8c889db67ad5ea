/**
 * The settings a troubleshooting row's fix cell says to change, and whether a check reads one of them. Pure.
 *
 * A row states a likely cause and, in its fix cell, what to change: a config key (`resolvConf`,
 * `nodePortAddresses`, `strictARP`), an env var (`FLANNEL_MTU`) or a config file (`subnet.env`). The runbook's
 * check that reads that setting (`grep -i resolvConf /var/lib/kubelet/config.yaml`) is what confirms the cause:
 * the row's own diagnostic often only shows the symptom again (the CoreDNS logs saying `Loop ... detected`), and
 * the check of the setting stood below the cut, behind the runbook's first generic checks.
 */

/**
 * A config key in camelCase (`resolvConf`, `externalTrafficPolicy`), an ENV_VAR (`FLANNEL_MTU`) or a config file
 * name (`subnet.env`, `10-calico.conflist`): names a check's text can hold as they are. Plain words and
 * hyphenated components (`kube-proxy`) are left out: many checks name a component, few read one setting.
 */
const SETTING =
  /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[\w-]+\.(?:env|conf|conflist|yaml|json)\b/g;

/** The settings a fix cell names, lower-cased. */
export function fixSettings(fix: string): string[] {
  return [...new Set([...fix.matchAll(SETTING)].map(([name]) => name.toLowerCase()))];
}

/** Whether a command reads or names one of `settings` (lower-cased, as `fixSettings` gives them). */
export function readsSetting(command: string, settings: readonly string[]): boolean {
  if (settings.length === 0) return false;
  const text = command.toLowerCase();
  return settings.some((setting) => text.includes(setting));
}
