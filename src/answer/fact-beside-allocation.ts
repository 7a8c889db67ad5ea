/**
 * A report about handing out pod addresses that asks for a value a runbook states: "K3s 中 Flannel 无法分配 Pod IP：
 * no IP addresses available in network: cni0 ... Flannel 默认给每个节点分配的子网掩码是多少？". No runbook explains the
 * allocation failure (`uncoveredAllocation`), but the asking clause asks for a value of a covered part (the subnet
 * Flannel gives each node), which the top runbook states unmistakably: that value is the answer, not a decline. Pure.
 */
import type { DocRecord } from '../core/types.js';
import { namesAllocation } from './clarify.js';
import { confidentFact, factAsk } from './direct.js';
import type { Concepts } from './types.js';

/** Whether the question's asking clause asks for a value `doc` states confidently, and not about allocation itself. */
export function factBesideAllocation(
  question: string,
  doc: DocRecord | undefined,
  concepts?: Concepts,
): boolean {
  if (doc === undefined) return false;
  const ask = factAsk(question);
  // "为什么 pod 拿不到 IP 地址": the asking clause is about the allocation the KB does not explain.
  if (!ask || namesAllocation(ask.focus)) return false;
  return confidentFact(question, doc, concepts) !== null;
}
