/**
 * The checks a troubleshooting row's symptom names as where the symptom shows. Pure.
 *
 * A row's symptom often quotes the output of one of its runbook's checks: "`calicoctl node status` 显示 Active/Connect",
 * "IPVS 模式下 `ipvsadm -Ln` 没有该 Service", "跨节点不通，`cilium-dbg status` 中 Cluster health 部分 unreachable". The
 * row's diagnostic column then names the next step (`ss -tn … :179`, `lsmod | grep ip_vs`), while the check the
 * symptom quotes is the one that shows whether the report has that symptom at all: a report whose words match the
 * row gets both.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import type { CommandRecord } from '../core/types.js';
import { runLine } from './already-ran.js';

/**
 * The tool and its first option a check runs, when it runs one right after the tool (`ipvsadm -Ln` of `ipvsadm -Ln -t
 * <cluster-ip>:<port>`, `ping -M` of `kubectl exec … -- ping -M do …`): how a symptom quotes a tool driven by options
 * rather than sub-commands.
 */
export function toolOption(command: string): string | undefined {
  const [tool, option] = runLine(command).trim().split(/\s+/);
  if (!tool || !option || !/^[a-z][a-z0-9-]{2,}$/i.test(tool) || !/^-[a-z]+$/i.test(option)) return undefined;
  return `${tool} ${option}`.toLowerCase();
}

/**
 * The read-only checks among `records` that the symptom names as whole words: by their tool and sub-command (`keyOf`:
 * `calicoctl node status`, `cilium-dbg status` of a `kubectl exec … -- cilium-dbg status --verbose`) or by their tool
 * and first option (`toolOption`). A check with neither (`curl …`, `lsmod | grep …`) names nothing a symptom quotes.
 */
export function checksSymptomNames(
  symptom: string,
  records: readonly CommandRecord[],
  keyOf: (command: string) => string | undefined,
): CommandRecord[] {
  const text = symptom.toLowerCase().replace(/\s+/g, ' ');
  const written = (key: string | undefined) =>
    key !== undefined && new RegExp(`(?<![\\w.-])${escapeRegExp(key)}(?![\\w.-])`).test(text);
  return records.filter(
    (record) =>
      record.safety === 'read-only' &&
      (written(keyOf(record.command)) || written(toolOption(record.command))),
  );
}
