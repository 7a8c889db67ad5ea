/**
 * A report about a subject no runbook explains that asks for a value a runbook states: "K3s 中 Flannel 无法分配 Pod
 * IP：no IP addresses available in network: cni0 ... Flannel 默认给每个节点分配的子网掩码是多少？", "kubeadm init
 * fails with preflight errors ... what pod CIDR does flannel expect by default?". No runbook explains the allocation
 * failure or the cluster's set-up, but the asking clause asks for a value of a covered part, which the top runbook
 * states unmistakably: that value is the answer, not a decline. Pure.
 */
import type { DocRecord } from '../core/types.js';
import { confidentFact, factAsk } from './direct.js';
import type { Concepts } from './types.js';

/**
 * Whether the question's asking clause asks for a value `doc` states confidently, and not about the uncovered subject
 * itself (`namesSubject` reads the asking clause: "为什么 pod 拿不到 IP 地址" asks about the allocation).
 */
export function factBesideSubject(
  question: string,
  doc: DocRecord | undefined,
  namesSubject: (focus: string) => boolean,
  concepts?: Concepts,
): boolean {
  if (doc === undefined) return false;
  const ask = factAsk(question);
  if (!ask || namesSubject(ask.focus)) return false;
  return confidentFact(question, doc, concepts) !== null;
}
