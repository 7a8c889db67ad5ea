/**
 * A value asked in a statement: "I'd like to know the default MTU of flannel vxlan.", "I want to know the VNI flannel
 * uses", "Could you tell me the service CIDR kubeadm picks", "想知道 flannel 默认的 MTU". A report often asks so, without an
 * interrogative or a question mark; the value words after the phrase say what is asked. Asking people whether they
 * know it asks it too ("Does anyone know the port flannel vxlan uses?", "有人知道 flannel 的 vxlan 端口吗？"). Pure.
 */

/**
 * Not "let me know if you need more logs" (asks the reader for nothing of the runbook), nor "I know the MTU is 1450"
 * (states). "Wondering" only with "I am / I'm": "wondering" alone is read elsewhere (why two things are the same).
 */
const WANTS_TO_KNOW = new RegExp(
  [
    String.raw`(?:\bi(?:'d| would) (?:like|love) to (?:know|understand|confirm)|\bi (?:want|wanted|need|needed|wish) to`,
    String.raw` (?:know|understand|confirm)|\bi(?:'m| am) (?:wondering|curious)|\b(?:can|could|would) (?:you|someone|anyone`,
    String.raw`|somebody) (?:please )?(?:tell|confirm|clarify)(?: (?:me|us))?|\bplease (?:tell|confirm|clarify)(?: (?:me|us))?`,
    String.raw`|\b(?:does|do) (?:anyone|anybody|someone|somebody|you) (?:happen to )?know)`,
    // What is asked follows: "the default MTU", "what the VNI is", "about the port"; not "if this is a bug", nor the
    // cause or the fix ("the reason the port is blocked": a diagnosis).
    String.raw`(?=\s+(?:about\s+|of\s+)?(?:the|what|which|where|how (?:much|many|big|large)|default)\b)`,
    String.raw`(?!\s+(?:about\s+)?the\s+(?:root\s+)?(?:reasons?|causes?|problem|issue|fix|solution|workaround)\b)`,
    '|(?:我)?(?:想|想要|希望)(?:知道|了解|确认|確認)|(?:请|請)(?:告诉|告訴|告知|确认|確認)(?:我|一下)?|求告知',
    '|(?:有人|有谁|有誰|谁|誰)(?:知道|清楚)',
  ].join(''),
  'i',
);

/** Whether the clause asks for something in a statement ("I'd like to know …"); what it names decides what. */
export function asksInStatement(clause: string): boolean {
  return WANTS_TO_KNOW.test(clause);
}
