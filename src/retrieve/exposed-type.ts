/**
 * A report saying in its own prose that the reporter exposed, published or created a Service of an external type
 * ("I created a nodeport service and exposed the port 30036", "I am trying to publish a Service using the NodePort
 * type", "我用 NodePort 暴露了服务") states which path it set up and tests: the external-access one, wherever in the report
 * that sentence stands (stated-service-type.ts reads only a long report's headline). Not a type named in a pasted
 * `kubectl get svc` row or in passing ("都是 NodePort 类型的 Service": a description, not the reporter's act), and not a
 * sentence saying that path works ("access by nodeport is ok too"): then another hop fails. Pure; the text is
 * normalized (lower case, no spaces next to Chinese characters).
 */

/** The external Service types as a report writes them. */
const TYPE = String.raw`(?:node\s?ports?|load\s?balancer)`;
/** The reporter as the subject: I, we, 我, 我们. */
const REPORTER = String.raw`(?:\b(?:i|we)\b|我们|我)`;
/** The reporter's act of setting the Service up. */
const ACT = String.raw`(?:\bexpos(?:e|ed|es|ing)\b|\bpublish(?:ed|es|ing)?\b|\bcreat(?:e|ed|es|ing)\b|\bset\s+up\b|暴露|发布|创建|开放)`;
/** The reporter, then the act, then the type, in one sentence (no sentence break between them). */
const EXPOSED = new RegExp(
  `${REPORTER}[^.。!?！？\\n\`]{0,60}?${ACT}[^.。!?！？\\n\`]{0,60}?${TYPE}|${REPORTER}[^.。!?！？\\n\`]{0,20}?(?:用|通过|使用)\\s*${TYPE}[^.。!?！？\\n\`]{0,20}?${ACT}`,
  'u',
);
/** The sentence says the typed path works. */
const WORKS =
  /\b(?:is|are|was|were)\s+(?:ok|okay|fine|working)\b|\bworks?\b|\bworked\b|\bsucceed\w*|正常|没问题|可以访问|能访问/u;
/** A sentence: up to a full stop, question or exclamation mark or a line break. */
const SENTENCE = /[^.。!?！？\n]+/gu;

/** Whether a sentence of `text` (normalized) has the reporter expose a Service of an external type, not working. */
export function exposesExternalType(text: string): boolean {
  // Pasted code spans are the cluster's listing, not the reporter's words; a one-word span ("a `NodePort` service")
  // is the reporter's.
  const prose = text.replace(/`([^`]*)`/g, (_span, inner: string) => (/\s/.test(inner.trim()) ? ' ' : inner));
  for (const match of prose.matchAll(SENTENCE)) {
    const sentence = match[0];
    if (EXPOSED.test(sentence) && !WORKS.test(sentence)) return true;
  }
  return false;
}
