/**
 * The checks a report shows it already ran: a probe written as a command line, with its argument (`curl -iv
 * 10.203.98.71:30013 返回200`, `curl 10.10.82.20:5555 gives … timeout`, `nslookup kubernetes.default`, `ping
 * 8.8.8.8`, `tcpdump -i eth0`), not the tool merely named ("can I use tcpdump?"); and a kubectl listing it pasted
 * (`kubectl get po -A -owide`, `kubectl get svc --all-namespaces`). Running the same check again shows what the
 * report already says; the runbook's next check of that cause is more to the point. A probe of another kind of
 * address is another check: a report that curled the ClusterIP with the NodePort has not curled a node's address.
 * Pure.
 */

import { ADDRESS_PLACEHOLDERS, commandTemplate, extractEntities, type IpRole } from './placeholders.js';

/** Probes whose output a report pastes: they test reachability or a name, and a report says what they gave. */
const PROBES = ['curl', 'wget', 'ping', 'tcpdump', 'nslookup', 'dig', 'traceroute', 'telnet', 'nc', 'arping'];

const IP = '\\d{1,3}(?:\\.\\d{1,3}){3}';

/**
 * A probe written as run: its name as a whole word, then its options (`-iv`), and an address or host
 * (`10.0.0.1:80`, `google.com`, `kubernetes.default`), a URL or a quoted argument.
 */
const RUN = new RegExp(
  `(?<![\\w./-])(${PROBES.join('|')})((?:\\s+-{1,2}[a-z][\\w-]*(?:[ =](?!-)[^\\s-]\\S*)?)*)\\s+(?:-{1,2}[a-z]|@?(?:https?://)?(${IP})|https?://|["'][^"'\\s]|@?[a-z0-9-]+(?:\\.[a-z0-9-]+)+)`,
  'giu',
);

/**
 * A kubectl listing written as run: `kubectl`, its namespace and output options, `get`, `describe` or `top`, and the
 * kind of object (`kubectl get po -A -owide`, `kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide`).
 */
const KUBECTL_OPTION = '(?:-n\\s+\\S+|--namespace[= ]\\S+|-A|--all-namespaces|-o\\s*\\S+)';
const LISTING = new RegExp(
  `(?<![\\w-])kubectl\\s+(?:${KUBECTL_OPTION}\\s+)*(get|describe|top)\\s+(?:${KUBECTL_OPTION}\\s+)*([a-z][\\w.-]*)`,
  'giu',
);

/** The short names of the kinds a listing names (`po`, `svc`), and the kinds `all` lists. */
const KINDS: Readonly<Record<string, string>> = {
  po: 'pods',
  pod: 'pods',
  svc: 'services',
  service: 'services',
  ep: 'endpoints',
  endpointslice: 'endpointslices',
  no: 'nodes',
  node: 'nodes',
  cm: 'configmaps',
  configmap: 'configmaps',
  ds: 'daemonsets',
  daemonset: 'daemonsets',
  netpol: 'networkpolicies',
  networkpolicy: 'networkpolicies',
};

/**
 * An output option reading chosen fields or the whole object (`-o custom-columns=NAME:.spec.podCIDR`, `-o jsonpath=…`,
 * `-o yaml`): such a listing shows what the plain or `-o wide` table a report pasted does not.
 */
const FIELDS = /(?:^|\s)(?:-o\s*|--output[= ])(?:custom-columns|jsonpath|go-template|yaml|json)\b/iu;

/** The key under which a listing reading fields is kept beside its plain key. */
const FIELDS_KEY = ' -o fields';

function listingKey(verb: string, kind: string): string {
  const lower = kind.toLowerCase();
  return `kubectl ${verb.toLowerCase()} ${KINDS[lower] ?? lower}`;
}

/** What a run probe was aimed at: the role of the address it names, `null` when it names none of known role. */
export type RanProbes = ReadonlyMap<string, ReadonlySet<IpRole | null>>;

/** Each address the question names, with the role any of its mentions gives it (`ClusterIP 10.10.82.20`). */
function addressRoles(question: string): Map<string, IpRole | null> {
  const roles = new Map<string, IpRole | null>();
  for (const mention of extractEntities(question).ips)
    if (!roles.get(mention.ip)) roles.set(mention.ip, mention.role);
  return roles;
}

/** The probes the question shows it already ran (lower-cased), each with the roles of the addresses it was run on. */
export function ranProbes(question: string): RanProbes {
  const text = question.normalize('NFKC');
  const out = new Map<string, Set<IpRole | null>>();
  let roles: Map<string, IpRole | null> | undefined;
  for (const match of text.matchAll(RUN)) {
    const program = (match[1] ?? '').toLowerCase();
    const ip = match[3];
    let role: IpRole | null = null;
    if (ip) {
      roles ??= addressRoles(question);
      role = roles.get(ip) ?? null;
    }
    const seen = out.get(program) ?? new Set();
    seen.add(role);
    out.set(program, seen);
  }
  for (const match of text.matchAll(LISTING)) {
    const [verb, kind] = [match[1] ?? '', match[2] ?? ''];
    const kinds = kind.toLowerCase() === 'all' ? ['pods', 'services'] : [kind];
    // The options written after the kind, up to the end of the command line's words (`-o jsonpath='{…}'`).
    const rest = text
      .slice((match.index ?? 0) + match[0].length)
      .match(/^(?:\s+-\S*(?:\s+[^\s-]\S*)?)*/u)?.[0];
    const readsFields = FIELDS.test(`${match[0]}${rest ?? ''}`);
    for (const listed of kinds) {
      out.set(listingKey(verb, listed), new Set([null]));
      if (readsFields) out.set(listingKey(verb, listed) + FIELDS_KEY, new Set([null]));
    }
  }
  return out;
}

/**
 * What a check runs, as `ranProbes` keys it: a kubectl listing's verb and kind (`kubectl get pods`), or else the
 * program (`checkProgram`).
 */
export function checkKey(command: string): string {
  const first = (command.split('\n')[0] ?? '').split(/\s(?:\||&&|;)\s/)[0] ?? '';
  // A listing only as the whole check: not one inside `$(…)` or before `exec … --`.
  if (!first.includes(' -- ') && !first.includes('$(')) {
    const [listing] = first.matchAll(LISTING);
    if (listing?.index === 0) return listingKey(listing[1] ?? '', listing[2] ?? '');
  }
  return checkProgram(command);
}

/**
 * The program a check runs: the first word of its first pipeline stage, of the wrapped command after `kubectl
 * exec … --`, past `sudo`: `kubectl exec -n <ns> <pod> -- curl -sS …` → `curl`.
 */
export function checkProgram(command: string): string {
  const words = runLine(command).trim().split(/\s+/);
  const first = words[0] === 'sudo' ? words[1] : words[0];
  return (first ?? '').toLowerCase();
}

/** What a check runs: its first line, or the wrapped command after `kubectl exec … --` on it. */
export function runLine(command: string): string {
  const text = command.split('\n')[0] ?? '';
  const wrapped = text.indexOf(' -- ');
  return wrapped >= 0 ? text.slice(wrapped + 4) : text;
}

/** The roles an address a check takes may have. */
const ROLES: readonly IpRole[] = ['service', 'pod', 'node', 'dns'];

/**
 * The check runs a probe the report already ran, on the same kind of address: a report's run on an address of
 * unknown role, or a check naming no kind of address, counts as the same.
 */
export function alreadyRan(command: string, ran: RanProbes): boolean {
  const key = checkKey(command);
  const roles = ran.get(key);
  if (!roles) return false;
  // A listing reading fields (`-o custom-columns=…PODCIDR`) the report's plain listing did not show is another check.
  const firstLine = command.split('\n')[0] ?? '';
  if (key.startsWith('kubectl ') && FIELDS.test(firstLine) && !ran.has(key + FIELDS_KEY)) return false;
  // The kinds of address the check's first line takes (`<cluster-ip>`: a Service's).
  const keys = commandTemplate(firstLine).keys;
  const kinds = ROLES.filter((role) => ADDRESS_PLACEHOLDERS[role].some((key) => keys.includes(key)));
  if (kinds.length === 0 || roles.has(null)) return true;
  return kinds.some((kind) => roles.has(kind));
}
