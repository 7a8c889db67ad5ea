/**
 * Pasted output in a question. Real reports paste what they ran and what it printed: `kubectl get pods -A`, pod
 * and journal logs, `ip addr`, iptables dumps, YAML manifests. Those lines name every component of a healthy
 * cluster (coredns, kube-proxy, kube-system, etcd, conntrack) and would pull the ranking toward those runbooks,
 * while what fails is in the reporter's own sentences. A pasted line that reports a failure ("dial tcp
 * 10.96.0.1:443: i/o timeout", "0/1 CrashLoopBackOff", "100% packet loss") is evidence and stays with the prose.
 * Pure, on the raw text (before whitespace is folded, so lines are still lines).
 */

import { NODE_ROW, POD_ROW, SERVICE_ROW, SHORT_POD_ROW } from './listing-rows.js';

export interface PastedSplit {
  /** The reporter's sentences and the pasted lines that report a failure, in their order, one per line. */
  kept: string;
  /** The other pasted lines ('' when there are none). */
  pasted: string;
}

/** A shell prompt and the command after it: `$ kubectl ...`, `[root@node1 ~]# ip route`, `root@m1:~# cat ...`. */
const PROMPT =
  /^\s*(?:\$|>|\/\s?#|➜\s+\S+|\[[^\]\s]+@[^\]]+\]\s?[#$]|[\w.-]+@[\w.-]+:[^\s#$]*\s?[#$])\s*[a-z./]|^\s*#\s+(?:kubectl|cat|ip|iptables|ipvsadm|ping|curl|nslookup|dig|ovs-\w+|ovn-\w+|tcpdump|journalctl|systemctl|route|netstat|ss|calicoctl|cilium|crictl|docker|etcdctl|ifconfig|arping|sysctl|ls|ps)\b/u;
/** A command as typed, without a prompt: a tool's name, then arguments with a flag (`kubectl apply -f x.yaml`). */
const COMMAND =
  /^\s*(?:sudo\s+)?(?:kubectl|kubeadm|helm|k3s|microk8s|calicoctl|cilium(?:-dbg)?|hubble|ip|iptables(?:-save)?|ipvsadm|curl|wget|nslookup|dig|ping|tcpdump|ovs-\w+|ovn-\w+|docker|crictl|systemctl|journalctl|sysctl|etcdctl|sealos|kk|modprobe)\s+\S.*\s--?[a-z]/u;
/** Log records: klog (`E0722 08:35:38.525354`), `[INFO]`, ISO or syslog timestamps, logfmt, OVS logs. */
const LOG =
  /^\s*(?:[IWEF]\d{4}\s+\d{2}:\d{2}:\d{2}|\[(?:INFO|ERROR|WARNING|WARN|DEBUG|FATAL)\]|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}|(?:[A-Z][a-z]{2}|\d{1,2}月)\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s)|(?:^|\s)(?:level=(?:info|warn|warning|error|fatal|debug)|time="\d{4}-)/u;
/** Command output with a fixed shape: ip addr/route, iptables-save, ping, nslookup, curl, kubectl describe. */
const OUTPUT =
  /^\s*(?:\d+: [\w@.-]+: <|(?:link\/\w+|inet6?|valid_lft)\s|(?:-[ANPIDF]|--append) [A-Z][\w-]*(?:\s|$)|:[A-Z][\w-]* (?:ACCEPT|DROP|-)|\*(?:nat|filter|mangle|raw)\s*$|COMMIT\s*$|# (?:Generated|Completed) (?:by|on) |\d+ bytes from |PING |--- .* ping statistics ---|\d+ packets transmitted|(?:Server|Address(?: \d+)?|Name|Non-authoritative answer):(?:\s|$)|;; |curl: \(\d+\)|HTTP\/\d(?:\.\d)? \d{3}|(?:default|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?) (?:via|dev) |(?:NAME|NAMESPACE|Chain|Destination|Prot|target)\s{1,}[A-Z(])/u;
/** Columns: two or more gaps of two spaces or a tab between fields (kubectl get, route -n, ipvsadm -Ln). */
const COLUMNS = /\S(?: {2,}|\t+)\S.*\S(?: {2,}|\t+)\S/u;
/** Indented lines (YAML, JSON, wrapped output) and list items of a manifest. */
const INDENTED = /^(?: {2,}|\t)\S/u;
/** A manifest's key line: `apiVersion: v1`, `metadata:`, `- name: web`, `"Network": "10.244.0.0/16",`. */
const KEY_LINE = /^\s*(?:- )?(?:"[\w./-]+"|[\w./-]+):(?:\s+\S.*)?$|^\s*[{}[\]],?\s*$/u;
/** A line a YAML document starts with. */
const MANIFEST_START = /^\s*(?:apiVersion|kind|metadata|spec|data|status):/u;
/** Two words in a row, or Chinese: what a sentence has. */
const WORDS = /[a-z]{2,}[,;:]? [a-z]{2,}|\p{Script=Han}/iu;
/** A fenced block (```) in a Markdown report. */
const FENCE = /^\s*(?:```|~~~)/u;
/**
 * A pasted line that reports a failure: the error strings, statuses and counters that tell what is broken.
 * Checked on the pasted lines only.
 */
const FAILURE =
  /(?:^|[^a-z])(?:errors?|err|fail\w*|fatal|refused|time(?:d)?\s?out|timeouts?|unreachable|no route|denied|drop(?:ped|s)?|reset|crashloop\w*|back-?off|not ?ready|pending|containercreating|evicted|unknown host|can'?t|cannot|unable|no such|invalid|no servers|servfail|0 received|100% packet loss|loop \(|not established|exited)(?![a-z])|^\s*[EWF]\d{4}\s|失败|错误|超时|拒绝|不通|异常/iu;
/** kubectl statuses that report a failure (case matters: `state UNKNOWN` in `ip addr` is an idle loopback). */
const FAILED_STATUS = /\s(?:Error|Unknown|Terminating|ImagePullBackOff|ErrImagePull)(?:\s|$)/u;

/** kubectl's READY column followed by a STATUS. */
const READY = /(?:^|\s)(\d+)\/(\d+)\s+(?=[A-Z][a-z])/gu;
/** iptables chain names (`KUBE-MARK-DROP`, `WEAVE-NPC-EGRESS-ACCEPT`). */
export const CHAIN_NAMES = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/gu;
/** iptables chain names and targets (KUBE-MARK-DROP, -j DROP) name rules, not failures. */
const RULE_NAMES = new RegExp(`${CHAIN_NAMES.source}|-j [A-Z]+`, 'gu');

/** Whether a pasted line reports a failure (the error strings, statuses and counters that tell what is broken). */
export function reportsFailure(line: string): boolean {
  const text = line.replace(RULE_NAMES, ' ');
  if (FAILURE.test(text) || FAILED_STATUS.test(text)) return true;
  // A pod with fewer containers ready than it has (READY `1/2`, `0/1`).
  for (const [, ready, total] of text.matchAll(READY)) if (Number(ready) < Number(total)) return true;
  return false;
}

type Kind = 'prose' | 'paste' | 'maybe';

function kindOf(line: string): Kind {
  if (line.trim() === '') return 'maybe';
  if (PROMPT.test(line) || COMMAND.test(line) || LOG.test(line) || OUTPUT.test(line) || COLUMNS.test(line))
    return 'paste';
  if (INDENTED.test(line) || MANIFEST_START.test(line)) return 'paste';
  // A key line is a manifest's only next to other pasted lines ("Environment: v1.28, Ubuntu" is a sentence); so is
  // a line with no two words in a row (`.:53`, `CoreDNS-1.10.1`, `linux/amd64, go1.20`).
  if (KEY_LINE.test(line) || !WORDS.test(line)) return 'maybe';
  return 'prose';
}

/**
 * Splits a question into the reporter's text and the pasted output, by lines. A question on one line (a tracker's
 * text view folds the lines) loses only the records that can be told from prose there (`splitInline`). When the
 * prose left would be empty, nothing is split (the paste is all there is).
 */
export function splitPasted(text: string): PastedSplit {
  if (!text.includes('\n')) return splitInline(text);
  const lines = text.split(/\r?\n/);
  const kinds: Kind[] = [];
  let fenced = false;
  for (const line of lines) {
    if (FENCE.test(line)) {
      fenced = !fenced;
      kinds.push('paste');
      continue;
    }
    kinds.push(fenced ? 'paste' : kindOf(line));
  }
  // Key lines and blank lines belong to a paste when a neighbour is pasted (spreading through runs of them).
  for (let changed = true; changed; ) {
    changed = false;
    kinds.forEach((kind, i) => {
      if (kind !== 'maybe') return;
      if (kinds[i - 1] === 'paste' || kinds[i + 1] === 'paste') {
        kinds[i] = 'paste';
        changed = true;
      }
    });
  }
  const kept: string[] = [];
  const pasted: string[] = [];
  lines.forEach((line, i) => {
    if (kinds[i] !== 'paste') kept.push(line);
    else if (reportsFailure(line)) kept.push(line);
    else if (!FENCE.test(line)) pasted.push(line);
  });
  const prose = lines.filter((_, i) => kinds[i] !== 'paste').join(' ');
  if (pasted.length === 0 || !/[\p{L}]{2}/u.test(prose)) return { kept: text, pasted: '' };
  return { kept: kept.join('\n'), pasted: pasted.join('\n') };
}

/** Where a record of pasted output starts inside one line: a klog or CoreDNS record, a kubectl header. */
const RECORD_START =
  /(?<![\w.])[IWEF]\d{4}\s+\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+\d+\s+[\w./-]+:\d+\]|\[(?:INFO|ERROR|WARNING|WARN|DEBUG|FATAL)\]|(?<![\w-])(?:NAMESPACE\s+)?NAME\s+(?:TYPE|READY|STATUS|CLUSTER-IP)\s+/gu;
/** An info record (klog `I0412 ...]`, CoreDNS `[INFO]`): start-up and sync chatter. */
const INFO_RECORD = /^(?:I\d{4}\s|\[(?:INFO|DEBUG)\])/u;
/** kubectl get headers (pods, services, nodes), with the wide columns. */
const HEADER =
  /^(?:NAMESPACE\s+)?NAME\s+(?:READY\s+STATUS\s+RESTARTS\s+AGE|(?:TYPE\s+)?CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)(?:\s+SELECTOR)?\s+AGE|STATUS\s+ROLES\s+AGE\s+VERSION)(?:\s+(?:IP|NODE|NOMINATED NODE|READINESS GATES|SELECTOR|INTERNAL-IP|EXTERNAL-IP|OS-IMAGE|KERNEL-VERSION|CONTAINER-RUNTIME))*/u;
/**
 * A ping reply (`64 bytes from 10.96.0.1: icmp_seq=0 ttl=251 time=10.732 ms`): the path answered. Its words (bytes,
 * ttl, icmp_seq) are what an MTU probe prints, not what the reporter asks about.
 */
const PING_REPLY =
  /(?<![\w.])\d+ bytes from [\w.:-]*\w(?::?\s+(?:icmp_)?seq=\d+\s+ttl=\d+(?:\s+time=[\d.]+\s*ms)?)?/gu;
/**
 * Where `ip addr` output (`2: ens160: <BROADCAST,...>`), a manifest (`apiVersion: apps/v1`) or a prompted command
 * starts (`$ kubectl ...`, `# ip ...`, or after a `[root@master kube-ovn]#` prompt, which is set apart with it).
 */
const TOKEN_RUN_START =
  /(?<![\w.])(?:(\d+: [\w@.-]+: <[A-Z_,]+>)|apiVersion: \S+)|(?:(?<!\S)|\[[\w.-]+@[^\]\s]+(?:\s[^\]]*)?\])([$#] (?:kubectl|ip|iptables|ipvsadm|cat|ping|curl|nslookup|dig|ovs-\w+|ovn-\w+|calicoctl|cilium|crictl|docker|journalctl|systemctl))(?=\s)/gu;
/** The words `ip addr` prints, and addresses, MACs, numbers. */
const IP_ADDR_TOKEN =
  /^(?:mtu|qdisc|noqueue|mq|fq_codel|pfifo_fast|noop|state|up|down|unknown|group|default|qlen|master|link\/\w+|brd|inet6?|scope|host|global|link|valid_lft|preferred_lft|forever|dynamic|noprefixroute|secondary|\d+: [\w@.-]+:|<[A-Z_,]+>|(?:[0-9a-f]{2}:){5}[0-9a-f]{2}|[\d.:/a-f]*\d[\d.:/a-f]*)$/iu;
/** A command's arguments: flags, verbs and object kinds, names with a dash, dot, slash or digit. */
const ARG_TOKEN =
  /^(?:-{1,2}[\w-]+(?:=\S*)?|get|logs|describe|exec|show|list|addr|route|link|pods?|svc|services?|nodes?|all|[\w./:=@-]*[-./:=@\d][\w./:=@-]*)$/u;

/**
 * Where a run of pasted tokens that starts at `from` ends. `ip addr` output: its words, addresses and numbers, and
 * the interface name after `scope global`; a command after a prompt: its arguments, up to one that ends in `:`
 * (`kubectl get pod -A:`), after which its output follows (a failing row there keeps its namespace). A manifest
 * (no `words`): keys (`name:`), list dashes, and one value after each key.
 */
function tokenRunEnd(text: string, from: number, words: RegExp | null): number {
  const token = /\s*(\d+: [\w@.-]+:|\S+)/uy;
  let at = from;
  let previous = '';
  for (;;) {
    token.lastIndex = at;
    const match = token.exec(text);
    if (!match) return at;
    const word = match[1] ?? '';
    const fits = words
      ? words.test(word) || /^(?:global|host|link)$/.test(previous)
      : word.endsWith(':') || word === '-' || previous.endsWith(':') || previous === '-';
    if (!fits) return at;
    previous = word;
    at = token.lastIndex;
    // A command's last argument before its output (`kubectl get pod -A: kube-system coredns-... 0/1 Pending`).
    if (words === ARG_TOKEN && word.endsWith(':')) return at;
  }
}

/** A sentence end inside one line: a record runs to the next record or to the end of its sentence. */
const RECORD_END = /\.\s+(?=[A-Z\p{Script=Han}])|[。！？]/u;

/**
 * One line: info records (klog `I...]`, `[INFO]`), kubectl headers and the rows of pods that are ready and
 * running are pasted output; error records and rows of failing pods stay. A record runs to the next record or to
 * its sentence's end.
 */
function splitInline(text: string): PastedSplit {
  const spans: Array<[number, number]> = [];
  const starts = [...text.matchAll(RECORD_START)].map((match) => match.index ?? 0);
  starts.forEach((start, i) => {
    const rest = text.slice(start);
    const header = HEADER.exec(rest);
    if (header) {
      spans.push([start, start + header[0].length]);
      return;
    }
    if (!INFO_RECORD.test(rest)) return;
    const next = starts[i + 1] ?? text.length;
    const sentence = RECORD_END.exec(text.slice(start, next));
    spans.push([start, sentence ? start + sentence.index + 1 : next]);
  });
  for (const start of text.matchAll(TOKEN_RUN_START)) {
    const words = start[1] ? IP_ADDR_TOKEN : start[2] ? ARG_TOKEN : null;
    const end = tokenRunEnd(text, (start.index ?? 0) + start[0].length, words);
    spans.push([start.index ?? 0, end]);
  }
  // A kubectl get pods row (`-o wide` adds the pod's IP and node: they say where the pod runs, not what fails).
  for (const match of [...text.matchAll(POD_ROW), ...text.matchAll(SHORT_POD_ROW)]) {
    const { ready, total, status } = match.groups ?? {};
    if (ready === total && (status === 'Running' || status === 'Completed'))
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  for (const match of text.matchAll(PING_REPLY))
    spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  // A kubectl get svc row: a ClusterIP row (`kube-dns`, `kubernetes`) is a Service every cluster has; a NodePort or
  // LoadBalancer row is how the reporter exposes what fails, and an EXTERNAL-IP still `<pending>` is a failure: those
  // rows stay.
  for (const match of text.matchAll(SERVICE_ROW)) {
    const row = match[0];
    const { type, external } = match.groups ?? {};
    const exposed = type === 'NodePort' || type === 'LoadBalancer' || /\d:\d+\//.test(row);
    if (external !== '<pending>' && !exposed) spans.push([match.index ?? 0, (match.index ?? 0) + row.length]);
  }
  // A kubectl get nodes row: a node not Ready stays.
  for (const match of text.matchAll(NODE_ROW)) {
    if (match.groups?.status === 'Ready' && !match.groups.cordoned)
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  if (spans.length === 0) return { kept: text, pasted: '' };
  spans.sort((a, b) => a[0] - b[0]);
  let kept = '';
  const pasted: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    kept += text.slice(at, Math.max(at, start));
    pasted.push(text.slice(Math.max(at, start), end));
    at = end;
  }
  kept += text.slice(at);
  if (!/\p{L}{2}/u.test(kept)) return { kept: text, pasted: '' };
  return { kept: kept.replace(/\s{2,}/g, ' ').trim(), pasted: pasted.join('\n') };
}
