/**
 * Subjects of the node's container runtime beside the network, read from a report's first sentence: the kubelet's pod
 * lifecycle event generator (PLEG) falling behind, and the sandbox ("pause") image that cannot be pulled. A node
 * NotReady because PLEG is unhealthy waits on its runtime, and a pod without its sandbox image never gets a network
 * namespace for a CNI to set up: neither is a path a runbook follows, even when the pull fails on a DNS lookup or a
 * timeout. Each is declined only while no runbook states it (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/** The kubelet's PLEG ("PLEG is not healthy", "pleg unhealthy", "Node NotReady due to PLEG failure"). */
const PLEG = /\bpleg\b/i;

/**
 * The pod's sandbox image: "pause image", "pause:3.6", "pause container image pull failure", "sandbox image",
 * `--pod-infra-container-image`, 拉取 pause 镜像.
 */
const SANDBOX_IMAGE =
  /\bpause(?::[\d.]+)?\s+(?:container\s+)?images?\b|\bpause:\d|\bpause\s+containers?\b|\bsandbox[\s_-]+images?\b|pod-infra-container-image|pause\s*(?::[\d.]+)?\s*镜像|(?:拉取|下载|下載)\s*pause/i;

const SUBJECTS: readonly { name: string; pattern: RegExp }[] = [
  { name: "the kubelet's PLEG health (PLEG is not healthy)", pattern: PLEG },
  { name: 'pulling the sandbox (pause) image', pattern: SANDBOX_IMAGE },
];

/**
 * The runtime subject a report's first sentence names ("PLEG is not healthy", "pleg unhealthy due to inspect one pod
 * status from docker daemon timeout", "failed to pull image k8s.gcr.io/pause:3.7", "K8s initialisation pulls 2
 * different pause container"), else null. A report naming it only in its body ("pods on node-3 cannot reach
 * 10.96.0.10 ... kubelet also logs PLEG is not healthy") is about its first sentence. `explained` says which subjects
 * a runbook states.
 */
export function uncoveredNodeRuntime(question: string, explained: (name: string) => boolean): string | null {
  const { headline } = readReport(question);
  const subject = SUBJECTS.find(({ pattern }) => pattern.test(headline));
  if (!subject) return null;
  return explained(subject.name) ? null : subject.name;
}

/** Which runtime subjects a runbook states in its title, triggers, headings or troubleshooting symptoms. */
export function nodeRuntimeExplainedBy(docs: readonly TopicDoc[]): (name: string) => boolean {
  const explained = new Set(
    SUBJECTS.filter(({ pattern }) => anyRunbookStates(docs, pattern)).map(({ name }) => name),
  );
  return (name) => explained.has(name);
}
