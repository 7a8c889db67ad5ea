/**
 * A pod the report shows calling out: its own log holds a failed outbound call (`kubectl logs katib-db-manager-… →
 * dial tcp 10.233.28.55:3306: connect: connection refused`, "the pod appwrite-core is crashlooping, and in the log i
 * have this line: Error communicating with Redis", "web-0 的日志里报 Could not resolve host"), or the reporter opens a
 * shell in it and calls another end from there (`kubectl exec -ti tiller-deploy-… sh` then `/ # curl
 * https://10.0.0.1`). That pod is the caller of the failing path, never the backend whose listener a runbook checks.
 * An error kubectl itself prints while reading the log or opening the shell (`Error from server: … dial tcp
 * 10.0.0.79:10250: i/o timeout`, `error dialing backend`) is the node's kubelet failing, not the pod's call. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

/** Errors a caller writes when its connection or lookup fails. */
const CALLER_ERROR =
  /dial\s+(?:tcp|udp)\s+\S+|connect(?:ion)?\s*(?::\s*)?refused|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|i\/o\s+timeout|could\s+not\s+resolve|no\s+such\s+host|UnknownHostException|getaddrinfo|name\s+or\s+service\s+not\s+known|temporary\s+failure\s+in\s+name\s+resolution|no\s+route\s+to\s+host|connection\s+timed\s+out|error\s+(?:connecting|communicating)\s+(?:to|with)|(?:failed|unable|could\s+not|couldn't|can't|cannot)\s+(?:to\s+)?connect(?:ing)?\s+to|连接(?:被拒绝|超时|失败)|連線(?:被拒|逾時|失敗)|无法连接|無法連接|解析失败|无法解析/i;
/**
 * What kubectl prints when the node's kubelet, not the pod, cannot be reached, and the kubelet's own probe of the pod
 * (`Readiness probe failed: dial tcp 10.1.2.3:8080: connect: connection refused`, where the pod is the one called): no
 * call the pod makes.
 */
const KUBECTL_OWN_ERROR =
  /error\s+from\s+server|error\s+dialing\s+backend|:10250\b|unable\s+to\s+upgrade\s+connection|(?:readiness|liveness|startup)\s+probe|探针|探針/i;
/** A loopback target: the pod calling its own sidecar or listener, not another end. */
const LOOPBACK = /(?<![\w.])(?:127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(?![\w.])/i;
/** Where the output read after a command ends: the next kubectl command or a new prompt. */
const NEXT_COMMAND =
  /(?<![\w-])(?:kubectl|oc)\s+(?:\S+\s+){0,4}?(?:get|describe|logs|exec|apply|run|delete)\s/i;
const WINDOW = 400;

/** The text the command at `end` printed, up to the next command, at most `WINDOW` characters. */
function outputAfter(text: string, end: number): string {
  const rest = text.slice(end, end + WINDOW);
  const next = NEXT_COMMAND.exec(rest);
  return next === null ? rest : rest.slice(0, next.index);
}

/** The output holds a caller's failure to another end, and kubectl's own error does not explain it. */
function showsFailedCall(output: string): boolean {
  for (const clause of output.split(/\n|(?<=[`。；;])/)) {
    const error = CALLER_ERROR.exec(clause);
    if (error === null) continue;
    if (KUBECTL_OWN_ERROR.test(clause)) return false;
    if (LOOPBACK.test(clause.slice(error.index, error.index + 80))) continue;
    return true;
  }
  return false;
}

/** Tools that call another end, typed at the shell opened in the pod. */
const CALL_AT_PROMPT =
  /(?:^|\n|`|[#$>]\s*)\s*(?:curl|wget|nc|ncat|telnet|ping|nslookup|dig|host|getent\s+hosts|mysql|psql|redis-cli|mongo|mongosh|traceroute)\s+(?:-\S+\s+)*['"]?(?:[a-z][a-z0-9+.-]*:\/\/)?([^\s'"`/:]+)/gi;
/** Reading at that shell how the pod finds other ends: its resolver or the Services' variables. */
const LOOKUP_SETTINGS =
  /(?:^|\n|`|[#$>]\s*)\s*(?:cat\s+\/etc\/resolv\.conf|env\s*\|\s*grep\s+\S*(?:SERVICE|KUBERNETES)|printenv\s+\S*SERVICE)/i;
const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|zsh)(?![\w-])/i;

/**
 * The report shows `pod` calling out: its log reports a failed call, or a shell opened in it calls another end.
 * `pod` is the name as the report writes it.
 */
export function callsOut(text: string, pod: string): boolean {
  if (pod === '') return false;
  const name = escapeRegExp(pod);
  const end = '(?![\\w-]|\\.[a-z0-9])';
  // `kubectl logs [-n ns] [-f] pod [-c app]`, `kubectl -n ns logs pod/web-0`.
  const logs = new RegExp(
    `(?<![\\w-])(?:kubectl|oc|k)\\s+(?:-\\S+\\s+(?:\\S+\\s+)?)*?logs?\\s+(?:(?!--\\s)\\S+\\s+){0,6}?(?:pods?/)?${name}${end}(?:\\s+-\\S+(?:\\s+(?!-)[\\w.-]+)?)*`,
    'gi',
  );
  for (const match of text.matchAll(logs)) {
    if (showsFailedCall(outputAfter(text, (match.index ?? 0) + match[0].length))) return true;
  }
  // Prose: "pod X ... in the log(s)", "X's logs", "X 的日志": the lines quoted next are its own.
  const proseLog = new RegExp(`(?<![\\w.-])${name}${end}[^.。\\n]{0,80}?(?:logs?(?![\\w-])|日志|日誌)`, 'gi');
  for (const match of text.matchAll(proseLog)) {
    if (/kubectl\s+(?:\S+\s+)*$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 40), match.index)))
      continue;
    if (showsFailedCall(text.slice((match.index ?? 0) + match[0].length).slice(0, 300))) return true;
  }
  // `kubectl exec -ti pod [-n ns] [--] sh`, then a call typed at the shell it opened.
  const shell = new RegExp(
    `(?<![\\w-])(?:kubectl|oc|k)\\s+(?:-\\S+\\s+(?:\\S+\\s+)?)*?exec\\s+(?:(?!--\\s)\\S+\\s+){0,6}?(?:pods?/)?${name}${end}((?:\\s+-(?!-\\s)\\S*(?:\\s+(?!-)[\\w.-]+)?)*)\\s+(?:--\\s+)?(\\S+)`,
    'gi',
  );
  for (const match of text.matchAll(shell)) {
    if (!SHELL.test(match[2] ?? '')) continue;
    const output = outputAfter(text, (match.index ?? 0) + match[0].length);
    if (KUBECTL_OWN_ERROR.test(output.slice(0, 160))) continue;
    for (const call of output.matchAll(CALL_AT_PROMPT)) {
      if (!LOOPBACK.test(call[1] ?? '')) return true;
    }
    if (LOOKUP_SETTINGS.test(output)) return true;
  }
  return false;
}
