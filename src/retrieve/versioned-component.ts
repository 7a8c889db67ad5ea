/**
 * A Kubernetes component a report names only with its version is the cluster's setting, like a CNI so named
 * (environment-cni.ts): "Kubespray release-2.9, CentOS 7, network plugin calico v3.5.8, coredns 1.3.1" lists the stack
 * under a Service that stopped answering, and `coredns` read as the topic lifts the DNS runbook over the Service's.
 * The words are the one-word Latin terms of the glossary's `kubernetes: true` entries (kube-proxy, coredns, kube-dns,
 * kube-apiserver, node, ...); a version there is `1.3.1`, `v1.22`, never an address (`kube-dns 10.96.0.10` names
 * the Service). A component also named anywhere else ("coredns 1.3.1 pods CrashLoopBackOff, coredns logs show ...")
 * is left as it is, and so is one a sentence is about: a name and version followed by the sentence's verb
 * ("CoreDNS v1.6.5 do not work properly with k8s v1.17.5") is the subject, not an item of a list. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';
import type { GlossaryEntry } from '../core/types.js';
import { type CniTerm, type EnvironmentCni, environmentReader } from './environment-cni.js';

/** One Latin word, as reports write a component before its version (`kube-proxy`, `coredns`, `kube-apiserver`). */
const ONE_WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;

/**
 * The one-word Latin terms of the glossary's basic Kubernetes entries, each with its entry's group (`g<index>`), in
 * the shape environment-cni.ts reads (its `cni` is the group here).
 */
export function kubernetesTerms(glossary: readonly GlossaryEntry[]): CniTerm[] {
  return glossary.flatMap((entry, index) =>
    entry.kubernetes === true
      ? entry.terms
          .map((term) => term.toLowerCase())
          .filter((term) => ONE_WORD.test(term))
          .map((term) => ({ term, cni: `g${index}` }))
      : [],
  );
}

/**
 * Reads a report's version list for `terms` (see environment-cni.ts), unless a name taken out is also written as a
 * sentence's subject: its version followed by a word, not by a list's `,`/`;`/`.` or the text's end.
 */
export function versionListReader(terms: readonly CniTerm[]): (text: string) => EnvironmentCni {
  const read = environmentReader(terms);
  return (text) => {
    const out = read(text);
    if (out.names.length === 0) return out;
    const names = [...new Set(out.names.map((name) => escapeRegExp(name.toLowerCase())))].join('|');
    const subject = new RegExp(
      String.raw`(?<![\w-])(?:${names})(?:\s*(?:[:=：]|version|版本)\s*|\s+)v?\d+\.[\w.+-]*\s*(?![(（])[\p{L}]`,
      'iu',
    );
    return subject.test(text) ? { text, cnis: [], names: [] } : out;
  };
}
