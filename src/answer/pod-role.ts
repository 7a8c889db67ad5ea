/**
 * Which end of the failing path the report's pod is: the client that calls (`kubectl exec web-0 -- curl
 * http://api:8080`, "from pod web-0", `root@web-0:/# nslookup api`, "web-0 cannot reach the service", "web-0 访问 api
 * 超时") or the server that is called (`kubectl port-forward grafana-5f9b8c6c5d-jnd6n 3000:3000`, "cannot reach pod
 * web-0", `kubectl exec nacos-1 -- curl http://localhost:8848`, "访问 web-0 失败"). A runbook check run in `<pod>`
 * toward a target (`kubectl exec -n <namespace> <pod> -- curl http://<cluster-ip>:<port>/`) wants the client; a check
 * of what `<pod>` listens on (`kubectl exec -n <namespace> <pod> -- ss -lntu`) wants the server. A pod the report
 * gives the other role leaves `<pod>` open in that check: filling it would run the caller's listening check, or make
 * the backend call itself. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import { callsOut } from './calling-pod.js';

export type PodRole = 'client' | 'server';

/** Tools that call another end: HTTP, TCP and ICMP probes, name lookups, database and cache clients. */
const CALLING_TOOL =
  '(?:curl|wget|nc|ncat|telnet|ping|nslookup|dig|host|getent|mysql|psql|redis-cli|mongo|mongosh|traceroute|tracepath|grpcurl|http)';
/** The pod's own host: a call to it checks the pod's listener from inside, the pod is the server. */
const LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0)(?![\w.-])/i;
/** A tool that lists the sockets the pod listens on: the pod is the server. */
const LISTENING_TOOL = /^(?:ss|netstat)\s+-\w*l/i;

/** What a typed call is made to: its first argument that is no flag (and no flag's value), as written. */
function callTarget(args: string): string | undefined {
  const words = args.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').replace(/^["'`]|["'`,;)]+$/g, '');
    if (word === '' || /^-/.test(word)) {
      // `-c 3`, `-m 5`, `-w 3`, `-h host`: a short flag's value is the next word (`-h` names the host itself).
      if (/^-[hH]$/.test(word)) return words[i + 1]?.replace(/^["'`]|["'`,;)]+$/g, '');
      if (/^-[cmwWstip]$/.test(word)) i++;
      continue;
    }
    return word.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[\w.-]+@/, '');
  }
  return undefined;
}

/** The role a command run inside the pod gives it: `tool args` as typed after `--`, a prompt or old exec syntax. */
function roleOfRun(run: string): PodRole | undefined {
  if (LISTENING_TOOL.test(run)) return 'server';
  const tool = new RegExp(`^(?:sh\\s+-c\\s+["']?)?(?:sudo\\s+)?${CALLING_TOOL}(?![\\w-])`, 'i').exec(run);
  if (tool === null) return undefined;
  const target = callTarget(run.slice(tool[0].length));
  if (target === undefined) return undefined;
  return LOOPBACK.test(target) ? 'server' : 'client';
}

const FAILURE =
  /(?<![a-z])(?:cannot|can't|can not|could not|couldn't|unable to|fails?|failed|failing|not able to|times? out|timed out|refused)(?![a-z])|不通|失败|失敗|超时|超時|不上|不到|无法|無法|不能|报错|報錯/i;
/** Call verbs whose object is the callee. */
const CALL_VERB =
  '(?:reach|access|connect(?:ing)?\\s+to|talk\\s+to|call|curl|ping|hit|resolve|get\\s+to|访问|訪問|连接|連接|连|連|请求|請求|调用|調用|ping)';

/**
 * The roles the report gives `pod`, from every place it names it. Both roles, or none, give no role: the checks of
 * either end keep the pod.
 */
export function podRole(text: string, pod: string | undefined): PodRole | undefined {
  if (pod === undefined || pod === '') return undefined;
  const name = escapeRegExp(pod);
  const roles = new Set<PodRole>();
  const edge = '(?<![\\w.-])';
  const end = '(?![\\w-]|\\.[a-z0-9])';
  // `kubectl exec -it -n shop web-0 -c app -- curl ...`, `kubectl exec web-0 nslookup api` (old syntax).
  const exec = new RegExp(
    `${edge}(?:kubectl|oc|k)\\s+(?:-\\S+\\s+(?:\\S+\\s+)?)*?exec\\s+(?:(?!--\\s)\\S+\\s+){0,6}?(?:pods?/)?${name}${end}((?:\\s+-(?!-\\s)\\S*(?:\\s+(?!-)[\\w.-]+)?)*)\\s+(?:--\\s+)?([^\\n\`|;]{1,160})`,
    'gi',
  );
  for (const match of text.matchAll(exec)) {
    const role = roleOfRun(match[2] ?? '');
    if (role !== undefined) roles.add(role);
  }
  // A shell prompt inside the pod, then what was run: `root@web-0:/# curl http://api:8080`.
  const prompt = new RegExp(`@${name}${end}[^\\s#$]*\\s*[#$]\\s*([^\\n\`|;]{1,160})`, 'gi');
  for (const match of text.matchAll(prompt)) {
    const role = roleOfRun(match[1] ?? '');
    if (role !== undefined) roles.add(role);
  }
  // `kubectl port-forward web-0 8080:80`, `port-forward pod/web-0`: the pod is what the forward reaches.
  if (new RegExp(`port-forward\\s+(?:-\\S+\\s+(?:\\S+\\s+)?)*?(?:pods?/)?${name}${end}`, 'i').test(text))
    roles.add('server');
  // A lookup's answer names the pod behind the address it returns (busybox's `Address 1: 10.137.63.146
  // discovery-deployment-b75b8969b-7zzlz`): the pod is what the lookup reaches.
  if (new RegExp(`Address(?:\\s+\\d+)?:\\s*\\d{1,3}(?:\\.\\d{1,3}){3}\\s+${name}${end}`, 'i').test(text))
    roles.add('server');
  const lower = text.toLowerCase();
  const lowerName = escapeRegExp(pod.toLowerCase());
  // Prose: "from (the) pod web-0", "web-0 cannot reach ...", "in pod web-0, curl ..." / "从 web-0 访问", "web-0 访问 ... 超时".
  const clientProse = [
    new RegExp(`(?<![a-z])(?:from|inside|within)\\s+(?:the\\s+)?(?:pod\\s+)?[\`'"]?${lowerName}${end}`, 'i'),
    new RegExp(
      `${edge}${lowerName}[\`'"]?\\s+(?:pod\\s+)?(?:cannot|can't|can not|could not|couldn't|is unable to|fails? to|failed to|is not able to)\\s+(?:\\w+\\s+)?${CALL_VERB}`,
      'i',
    ),
    new RegExp(`(?:从|從)\\s*${lowerName}${end}`, 'i'),
    new RegExp(
      `${edge}${lowerName}${end}\\s*(?:pod)?\\s*(?:中|里|裡|内|內)?\\s*(?:去)?${CALL_VERB}[^，。,.;；\\n]{0,40}`,
      'i',
    ),
  ];
  for (const pattern of clientProse) {
    const match = pattern.exec(lower);
    if (match === null) continue;
    // The Chinese call verb after the name makes it the caller only where the clause says the call fails.
    if (pattern === clientProse[3] && !FAILURE.test(match[0])) continue;
    roles.add('client');
  }
  // "cannot reach (the) pod web-0", "curl to web-0 times out" / "访问 web-0 失败".
  const serverProse = [
    new RegExp(
      `(?<![a-z])(?:cannot|can't|can not|could not|couldn't|unable to|fails? to|failed to|not able to)\\s+(?:\\w+\\s+)?${CALL_VERB}\\s+(?:the\\s+)?(?:pod\\s+)?[\`'"]?${lowerName}${end}`,
      'i',
    ),
    new RegExp(
      `(?:访问|訪問|连接|連接|请求|請求|调用|調用)\\s*(?:pod\\s*)?${lowerName}${end}[^，。,.;；\\n]{0,20}`,
      'i',
    ),
  ];
  for (const pattern of serverProse) {
    const match = pattern.exec(lower);
    if (match === null) continue;
    if (pattern === serverProse[1] && !FAILURE.test(match[0])) continue;
    roles.add('server');
  }
  // Its own log reports a failed call, or a shell opened in it calls another end (see `calling-pod.ts`).
  if (callsOut(text, pod)) roles.add('client');
  return roles.size === 1 ? [...roles][0] : undefined;
}

/** The check runs in `<pod>` (`kubectl exec ... <pod> -- ...`). */
const IN_POD = /(?<![\w-])(?:kubectl|oc)\s+(?:\S+\s+)*?exec\s+(?:\S+\s+)*?<pod(?:-name)?>/i;
/** What the check runs there: a call toward another end. */
const CALL_IN_POD = new RegExp(
  `--\\s+(?:sh\\s+-c\\s+["']?)?${CALLING_TOOL}(?![\\w-])|\\/etc\\/resolv\\.conf`,
  'i',
);
/** Kube-OVN's trace from the pod toward a target: the pod is the source. */
const TRACE_FROM_POD = /(?<![\w-])ko\s+trace\s+\S*<pod>/i;

/** A check that calls from `<pod>` toward another end: it wants the client. */
export function callsFromPod(command: string): boolean {
  return (IN_POD.test(command) && CALL_IN_POD.test(command)) || TRACE_FROM_POD.test(command);
}

/** A check of what `<pod>` listens on: it wants the server. */
export function listensInPod(command: string): boolean {
  return (
    (IN_POD.test(command) && /--\s+(?:ss|netstat)\s+-\w*l/i.test(command)) ||
    /address already in use/i.test(command)
  );
}
