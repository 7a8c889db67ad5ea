/**
 * A runbook's `signals` are what a report of the problem it repairs says, though the runbook is not about those
 * words (the OVS runbook signals "kube-ovn-controller CrashLoopBackOff", "daemon set \"ovs-ovn\" rollout"). A
 * report that says one of them and reports no broken path (nothing "不通", no timeout, no "cannot reach") is about
 * that component failing: the CNI's path runbooks (join network, Geneve tunnel, ovn0) share its component names
 * and are lifted (× 1.2) by the CNI it names, yet are about traffic that the report never says fails. The
 * signalled runbook then scores `factor`, a little above that lift. A broken-path report that also shows a
 * crash-looping component is left alone: its path is what fails first. Pure.
 */
import { escapeRegExp } from '../core/escape-reg-exp.js';

export interface SignalledRepairInput {
  /** The report says a path does not carry traffic (query.ts reportsBrokenPath). */
  brokenPath: boolean;
  /** Per doc with a trigger hit: the phrases it matched by. */
  hits: ReadonlyArray<{ docPath: string; matched: readonly string[] }>;
  /** The signals a doc's front-matter lists (empty when none). */
  signalsOf: (docPath: string) => readonly string[];
  factor: number;
}

/** The docs a report matched by one of their signals. */
export function signalledDocs(input: Omit<SignalledRepairInput, 'brokenPath' | 'factor'>): Set<string> {
  const docs = new Set<string>();
  for (const hit of input.hits) {
    const signals = new Set(input.signalsOf(hit.docPath));
    if (hit.matched.some((phrase) => signals.has(phrase))) docs.add(hit.docPath);
  }
  return docs;
}

/** The score factor per doc, or null when it does not apply. */
export function signalledRepairFactor(input: SignalledRepairInput): ((docPath: string) => number) | null {
  if (input.brokenPath || input.factor === 1) return null;
  const docs = signalledDocs(input);
  if (docs.size === 0) return null;
  return (docPath) => (docs.has(docPath) ? input.factor : 1);
}

/** Longest stretch of other text between two words of a signal inside one row or clause. */
const MAX_GAP = 40;

/**
 * A signal such as "kube-ovn-cni crashloopbackoff" is written as a sentence says it, but a report as often shows it
 * as a pasted row: `kube-ovn-cni-hrcf9 0/1 CrashLoopBackOff 12 3d19h`, where the component is the prefix of a pod
 * name and a ready count stands between. The signal matches such a row when its words come in order inside one
 * row or clause (no `;`, `。` or line break between them), at most MAX_GAP characters apart, each a whole word or
 * the name a pod's generated suffix extends (`-hrcf9`, `-54645655c8-dk6qd`). Quotes in the signal are left out.
 * Returns, per doc, the signals matched this way. Pure; `text` is normalized (lower case).
 */
export function rowSignalMatches(
  text: string,
  signalsByDoc: ReadonlyArray<{ docPath: string; signals: readonly string[] }>,
): Array<{ docPath: string; matched: string[] }> {
  const out: Array<{ docPath: string; matched: string[] }> = [];
  for (const { docPath, signals } of signalsByDoc) {
    const matched = signals.filter((signal) => signalPattern(signal)?.test(text) ?? false);
    if (matched.length > 0) out.push({ docPath, matched });
  }
  return out;
}

const patternCache = new Map<string, RegExp | null>();

function signalPattern(signal: string): RegExp | null {
  const cached = patternCache.get(signal);
  if (cached !== undefined) return cached;
  const words = signal
    .toLowerCase()
    .replace(/["'“”]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // One word is an ordinary trigger, matched as written by triggers.ts.
  const pattern =
    words.length < 2 ? null : new RegExp(words.map(wordPattern).join(`[^;；。\\n]{0,${MAX_GAP}}?`), 'u');
  patternCache.set(signal, pattern);
  return pattern;
}

function wordPattern(word: string): string {
  const escaped = escapeRegExp(word);
  if (!/^[a-z0-9]/.test(word)) return escaped;
  // A Latin word stands whole, or as the name a pod's generated suffix extends.
  return `(?<![a-z0-9-])${escaped}(?:-[a-z0-9]+){0,2}(?![a-z0-9-])`;
}
