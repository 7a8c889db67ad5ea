/**
 * What a kubectl check reads, whatever object it reads it of: its verb and the kind of object (`kubectl get
 * endpointslices`, `kubectl describe svc`, `kubectl logs`), leaving out the namespace, selector, output format and
 * names. `kubectl -n kube-system get endpointslices -l kubernetes.io/service-name=kube-dns` and `kubectl get
 * endpointslices -n <namespace> -l kubernetes.io/service-name=<service-name>` read the same thing: one of the DNS
 * add-on's Service, the other of the Service the report names. Undefined for anything but a kubectl read (`kubectl
 * exec … -- nslookup` runs a lookup, not a read of an object). Pure.
 */

import { runLine } from './already-ran.js';

/** kubectl options that take a value as the next word. */
const VALUED_OPTION = /^(?:-[nlocf]|--(?:namespace|selector|output|container|field-selector|tail|since))$/;

const READ_VERBS: ReadonlySet<string> = new Set(['get', 'describe', 'logs']);

/** Kind spellings of one object kind: `svc`, `service`, `services` → `services`. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  svc: 'services',
  service: 'services',
  po: 'pods',
  pod: 'pods',
  ep: 'endpoints',
  endpointslice: 'endpointslices',
  cm: 'configmaps',
  configmap: 'configmaps',
  netpol: 'networkpolicies',
  networkpolicy: 'networkpolicies',
};

/** The verb and object kind a kubectl read runs (`kubectl get endpointslices`); undefined for other commands. */
export function kubectlReadKey(command: string): string | undefined {
  const line = runLine(command).split(/\s(?:\||&&|;)\s/)[0] ?? '';
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'kubectl') return undefined;
  const kept: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') return undefined;
    if (word.startsWith('-')) {
      if (VALUED_OPTION.test(word)) i++;
      continue;
    }
    kept.push(word.toLowerCase());
  }
  const [verb, kind] = kept;
  if (verb === undefined || !READ_VERBS.has(verb)) return undefined;
  if (verb === 'logs') return 'kubectl logs';
  if (kind === undefined || /[<$'"/]/.test(kind)) return undefined;
  return `kubectl ${verb} ${KIND_NAMES[kind] ?? kind}`;
}

/**
 * The read is of the report's own object: it runs in the namespace the report's workload is in (`-n <namespace>`),
 * not in a system namespace of one component (`-n kube-system … -l component=kube-apiserver`).
 */
export function readsReportObject(command: string): boolean {
  return /(?:^|\s)(?:-n|--namespace)[\s=]<namespace>(?!\S)/.test(command.split('\n')[0] ?? '');
}
