/**
 * A CNI a report names only where it states its environment is the cluster's setting, not what fails. Reports list
 * their stack before or after the failure: "kubernetes 1.24.4, calico v3.24.1", "calico/node v1.0.2 and calico/cni
 * v1.5.5", "CNI: cilium", "kube_network_plugin: calico", "a cluster with flannel", "network plugin Calico", "with
 * calico as network plugin", "使用 kube-ovn 作为网络插件", "flannel 版本 = v0.11.0". Read as the topic, the CNI's name
 * (and "node" of `calico/node`) lifts that CNI's own runbook over the runbook of the path that fails (a NetworkPolicy,
 * a Service, a node reaching its pod). When every mention of a CNI sits in such an environment span, its name (with
 * the component there: `calico/node`) is taken out of the searched text and the CNI is returned apart: the searcher
 * still leans toward it (its runbooks over other CNIs', like a configured `--cni`), but its name no longer scores its
 * runbook as the topic. A CNI also named anywhere else ("calico-node CrashLoopBackOff", "calico 跨节点不通",
 * "calicoctl node status") is left as it is. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

/** One word naming a CNI (a glossary term of an exclusive `cni` group) and the CNI it names. */
export interface CniTerm {
  term: string;
  cni: string;
}

export interface EnvironmentCni {
  /** The text without the environment spans of the CNIs named only there. */
  text: string;
  /** The CNIs named only in environment spans, in order of first mention. */
  cnis: string[];
  /** The names taken out, as written (`Kube-OVN`, `calico/node`): searched again as weak words. */
  names: string[];
}

/** A version: `v3.24.1`, `3.18`, `1.8`, `v1.10.4-no-avx512`, `3.x`. */
const VERSION = String.raw`v?\d+\.(?:\d+|x)[\w.+-]*`;
/** What stands between a name and its version: spaces, `:`, `=`, `(`, "version", "版本". */
const VERSION_SEP = String.raw`(?:\s*(?:[:=：(（]|version|版本|ver\.?)\s*|\s+)+`;
/** Words that label a CNI as the cluster's network: "CNI", "network plugin", "网络插件". */
const ROLE = String.raw`(?:cni(?:\s*plugin|\s*插件)?|network\s+(?:plugin|add-?on|provider)|networking|pod\s+network|网络插件|网络组件|网络方案)`;

/** The environment spans naming a CNI by `name` (its terms, as a regex alternation). */
function spanPatterns(name: string): RegExp[] {
  // `calico/node`, `calico-kube-controllers`: a component or image of the CNI.
  const named = String.raw`(?<![\w-])(?:${name})(?:[/-][a-z][\w-]*)*`;
  const version = String.raw`${VERSION_SEP}${VERSION}\)?`;
  return [
    // "CNI: calico v3.x", "network plugin Calico", "CNI 为 Canal", "CNI and version: cilium 1.14".
    new RegExp(
      String.raw`(?:${ROLE}(?:\s*(?:and|&|和)\s*(?:version|版本))?\s*(?:[:=：]|\s(?:is|was)\s|为|是|用的是)|network\s+plugins?\s)\s*(?<name>${named})(?![\w-])(?:${version})?`,
      'dgiu',
    ),
    // A setting whose key names the network: "kube_network_plugin: calico", "network-services: flannel",
    // CLUSTER_NETWORK="flannel": an install's config states the cluster's CNI, not what fails.
    new RegExp(
      String.raw`(?<![\w-])[a-z_-]*network[a-z_-]*\s*[:=：]\s*["']?(?<name>${named})(?![\w-])(?:${version})?`,
      'dgiu',
    ),
    // "a cluster with calico", "kubeadm with Calico", "k8s using Flannel": the cluster as set up. The bare name
    // only: "a cluster with calico-node crashing" names a component that fails.
    new RegExp(
      String.raw`(?<![\w-])(?:clusters?|setup|k8s|kubernetes|kubeadm|k3s|install(?:ed)?|deployed)\s+(?:with|using)\s+(?<name>(?:${name}))(?![\w/-])(?:${version})?`,
      'dgiu',
    ),
    // "calico v3.17.1", "calico/node:v3.24.1", "calico (3.18)", "flannel 版本 = v0.11.0".
    new RegExp(`(?<name>${named})${version}`, 'dgiu'),
    // "with calico as network plugin", "cilium as the CNI".
    new RegExp(String.raw`(?<name>${named})\s+(?:as|is)\s+(?:the\s+|our\s+|my\s+)?${ROLE}`, 'dgiu'),
    // "使用kube-ovn作为网络插件", "用 calico 做 CNI".
    new RegExp(
      String.raw`(?:使用|采用|用)?\s*(?<name>${named})\s*(?:作为|做|当)\s*(?:the\s+)?${ROLE}`,
      'dgiu',
    ),
  ];
}

/** One CNI's compiled patterns: any mention of its words, and the environment spans naming it. */
interface CniPatterns {
  cni: string;
  mention: RegExp;
  environment: RegExp[];
}

/**
 * The reading of environment wording for a KB's CNI words (`terms`), compiled once: each search then only matches.
 * The returned function says where a CNI's words stand in a text, and which of those places are environment spans.
 * Pure.
 */
export function environmentReader(terms: readonly CniTerm[]): (text: string) => EnvironmentCni {
  const byCni = new Map<string, string[]>();
  for (const { term, cni } of terms) byCni.set(cni, [...(byCni.get(cni) ?? []), term]);
  const compiled: CniPatterns[] = [...byCni].map(([cni, words]) => {
    // Longest first, so `calicoctl` is one mention, not `calico` followed by letters.
    const name = [...words]
      .sort((a, b) => b.length - a.length)
      .map((word) => escapeRegExp(word).replace(/[\s-]+/g, '[\\s-]?'))
      .join('|');
    return { cni, mention: new RegExp(`(?<![a-z0-9])(?:${name})`, 'giu'), environment: spanPatterns(name) };
  });
  return (text) => environmentSpans(text, compiled);
}

/** Where each CNI's words stand in `text`, and which of those places are environment spans. */
function environmentSpans(text: string, compiled: readonly CniPatterns[]): EnvironmentCni {
  const spans: Array<{ cni: string; start: number; end: number }> = [];
  for (const { cni, mention, environment } of compiled) {
    const mentions = [...text.matchAll(mention)].map((match) => match.index ?? 0);
    if (mentions.length === 0) continue;
    // Each span, and the name in it (with its component and version): only the name is taken out: the label
    // ("CNI:", "network plugin") and the version stay words of the report like any other (the share of the report a
    // runbook covers is read over the same words as before).
    const found: Array<{ span: [number, number]; name: [number, number] }> = [];
    for (const pattern of environment) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const named = match.indices?.groups?.name ?? [start, start + match[0].length];
        found.push({ span: [start, start + match[0].length], name: named });
      }
    }
    const inside = (at: number) => found.some(({ span: [start, end] }) => at >= start && at < end);
    if (!mentions.every(inside)) continue;
    for (const {
      name: [start, end],
    } of found)
      spans.push({ cni, start, end });
  }
  if (spans.length === 0) return { text, cnis: [], names: [] };
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  const names: string[] = [];
  for (const { start, end } of spans) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start));
    names.push(text.slice(Math.max(at, start), end));
    at = end;
  }
  out += text.slice(at);
  const cnis = [...new Set(spans.map((span) => span.cni))];
  return { text: out.replace(/[ \t]{2,}/g, ' '), cnis, names };
}

/**
 * The query terms with the words of an environment CNI's names (as the report wrote them) added at `weight` (a term
 * already weighed more keeps its weight). The name stays a weak word of the report: where the failing path is that CNI's own datapath (pods
 * on two nodes, a node reaching its pods), its runbook is still the one that matches, while a version line no
 * longer outweighs the words of the failure. Pure.
 */
export function withEnvironmentTerms(
  terms: ReadonlyMap<string, number>,
  tokens: readonly string[],
  weight: number,
): ReadonlyMap<string, number> {
  if (tokens.length === 0) return terms;
  const out = new Map(terms);
  for (const token of tokens) out.set(token, Math.max(out.get(token) ?? 0, weight));
  return out;
}
