/**
 * A host in a shell prompt before an API client (`[root@k8s-master ~]# kubectl get pods -A`, `root@master1:~# helm
 * install ...`). Pure.
 *
 * kubectl, oc and helm print the same cluster state from whatever machine they run on: the prompt's host is where the
 * reporter typed (the control plane, a jump host, a laptop), and the command says nothing of that host. A prompt
 * before a host-local look (`[root@node1 ~]# cat /run/flannel/subnet.env`, `ip route`) does show that host.
 */
const PROMPT_USER_BEFORE = /(?<![\w.-])[a-z_][\w-]*@$/;

/** Whether a shell prompt's user (`root@`, `[ubuntu@`) ends right at offset `at` of the lower-cased text. */
export function afterPromptUser(lower: string, at: number): boolean {
  return PROMPT_USER_BEFORE.test(lower.slice(Math.max(0, at - 33), at));
}

const PROMPT_END_AFTER = /^(?::\S*\s*[#$]|\s+[~\w/.-]*\]\s*[#$])/;
const API_CLIENT = /^\s*(?:sudo\s+)?(?:kubectl|oc|helm|k)\s/;

/** Whether the host `name` at offset `at` of the lower-cased text is a shell prompt's, before kubectl, oc or helm. */
export function apiClientPrompt(lower: string, at: number, name: string): boolean {
  if (!afterPromptUser(lower, at)) return false;
  const rest = lower.slice(at + name.length, at + name.length + 80);
  const prompt = PROMPT_END_AFTER.exec(rest);
  return prompt !== null && API_CLIENT.test(rest.slice(prompt[0].length));
}
