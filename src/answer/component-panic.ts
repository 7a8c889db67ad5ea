/**
 * A report of a component's own crash at a Go runtime error: its first sentence says the component panics or
 * crashes ("Invalid subnet CIDR block causes kube-ovn-cni pods to panic and enter crashloopbackoff", "Calico CNI
 * panicked during add IP", "cilium-agent null pointer crash") and it pastes the runtime's words (`panic: runtime
 * error: invalid memory address or nil pointer dereference`, `Observed a panic`, `SIGSEGV`). A nil pointer or an index
 * out of range is a bug in the component's code, fixed by its maintainers or by a release; no runbook's check or fix
 * reaches it. A first sentence that names a path the runbooks follow or a broken connection ("Kubernetes Pod's cannot
 * reach pods in serviceSubnet", "kube-proxy panic ... service") keeps the report answered: the path is what the reporter
 * needs working. Declined only while no runbook states such a crash (KB-relative, as uncovered-subjects.ts). Pure.
 */
import { ANY_PLUGIN_PATH } from './clarify.js';
import { namesCoveredPathOrBreak } from './covered-paths.js';
import { anyRunbookStates, readReport, type TopicDoc } from './uncovered-subjects.js';

/**
 * The Go runtime's words for a crash in code: a runtime error (nil pointer dereference, index out of range),
 * client-go's "Observed a panic", a segmentation violation, a plugin that "panicked"; 空指针 in Chinese.
 */
const RUNTIME_PANIC =
  /runtime\s+error:|nil\s+pointer\s+dereference|observed\s+a\s+panic|\bSIGSEGV\b|segmentation\s+violation|\bpanicked\b|空指针|空指針/i;

/** A first sentence that says the component crashes: panic, crash, a nil or null pointer, a segfault, 崩溃. */
const CRASH_HEADLINE =
  /\bpanic(?:s|ked|king)?\b|\bcrash(?:es|ed|ing)?\b|\bnil\s+pointer|\bnull\s+pointer|\bsegfault|runtime\s+error|崩溃|崩潰|空指针|空指針/i;

/**
 * The subject when a report's first sentence says a component crashes, the report pastes a Go runtime error, and the
 * first sentence names no path a runbook follows nor a broken connection; else null.
 */
export function uncoveredComponentPanic(question: string, explained: boolean): string | null {
  const { text, headline } = readReport(question);
  if (!CRASH_HEADLINE.test(headline) || !RUNTIME_PANIC.test(text)) return null;
  if (namesCoveredPathOrBreak(headline) || ANY_PLUGIN_PATH.test(headline)) return null;
  return explained ? null : "a component's own crash at a runtime error (a panic, a nil pointer)";
}

/** Whether a runbook states a component crashing at a runtime error. */
export function componentPanicExplainedBy(docs: readonly TopicDoc[]): boolean {
  return anyRunbookStates(docs, RUNTIME_PANIC);
}
