/**
 * A report whose installer's own step failed: an Ansible playbook (Kubespray, kubeasz, a "quickStart" script) that
 * prints `TASK [kubernetes/preinstall : Stop if unknown network plugin]` and then `fatal: [node1]: FAILED!` or
 * `FAILED - RETRYING: Master | wait for kube-scheduler (1 retries left)`. The playbook stopped at its own check or
 * wait, before the cluster's network carried anything a runbook follows; its variables, inventory and roles are the
 * installer's. A task that checks a path ("TASK [Ping between pods is working]"), or a first sentence naming a covered
 * path, a broken connection or a datapath ("Calico ping failed"), keeps the report answered. Declined only while no
 * runbook states an installer's tasks (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** An Ansible task header as a playbook prints it (`TASK [role : name] ****`). */
const TASK_HEADER = /\bTASK\s*\[([^\]\n]{1,160})\]/g;

/** Ansible's failure of a task: `fatal: [host]: FAILED!`, or a retried wait (`FAILED - RETRYING: ...`). */
const TASK_FAILED = /\bfatal:\s*\[[^\]\n]+\]:\s*FAILED!|\bFAILED\s+-\s+RETRYING:/;

/**
 * A path or datapath a task or a first sentence may name: a ping between pods, a tunnel or BGP session, an MTU, an
 * address that does not answer (不通).
 */
const PATH_WORDS =
  /\bping\b|\bbgp\b|\bbird\b|\bipip\b|vxlan|geneve|tunnel|\bmtu\b|unreachable|不通|connectivity/i;

/**
 * The subject when a report pastes an Ansible task's failure ("启动kubelet报错 ... TASK [kube-node : 轮询等待kubelet启动]
 * ... FAILED - RETRYING") and neither its first sentence nor a task it pastes names a path; else null.
 */
export function uncoveredInstallerTask(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!TASK_FAILED.test(text)) return null;
  const tasks = [...text.matchAll(TASK_HEADER)].map((match) => match[1] ?? '');
  if (tasks.length === 0 && !/FAILED\s+-\s+RETRYING:/.test(text)) return null;
  if (namesCoveredPathOrBreak(headline) || PATH_WORDS.test(headline)) return null;
  if (tasks.some((task) => PATH_WORDS.test(task) || namesCoveredPathOrBreak(task))) return null;
  return explained ? null : "an installer's own step (an Ansible playbook's task) failing";
}

/** Whether a runbook states an installer's tasks (an Ansible task or playbook). */
export function installerTaskExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, /\bansible\b|\bplaybooks?\b|\bTASK\s*\[/i);
}
