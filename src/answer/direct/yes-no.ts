/**
 * Yes/no questions about what a named component does: "Does flannel enforce NetworkPolicy?", "flannel 支持
 * NetworkPolicy 吗？", "kube-proxy 会不会改源地址？". The answer is the line whose subject is that component and that
 * says it can, cannot, only or does not: a symptom row that names the component in passing ("CNI 不执行
 * NetworkPolicy（如单独 flannel）") shares more of a report's words, yet is about the symptom. Pure.
 */

/** English: the auxiliary opens the clause, the component follows ("Does flannel enforce ...", "Can Calico ..."). */
const ASKED_EN =
  /(?:^|[:：]\s*)(?:can|could|does|do|will|would|is|are)\s+(?:the\s+)?([A-Za-z][\w.-]*)\s+(?=[a-z])/i;
/** Chinese: the component right before the yes/no words ("flannel 支持 ... 吗", "flannel 能不能 ..."). */
const ASKED_ZH =
  /(?<![\w.-])([A-Za-z][\w.-]*)\s*(?:是否|能不能|会不会|會不會|可不可以|支不支持|(?:本身)?(?:能|会|會|可以|支持)[^，,。？?]{0,20}(?:吗|嗎)\s*$)/;
/** Words that name no component: people, pronouns, articles, the asker's own things. */
const NOT_A_COMPONENT =
  /^(?:i|we|you|u|it|this|that|these|those|there|they|he|she|a|an|my|our|its|their|anyone|anybody|someone|somebody|any|some|all|pod|pods|node|nodes|traffic|packets?)$/i;

/** The component a yes/no question asks about, lowercased, or null. */
export function yesNoSubject(focus: string): string | null {
  const name = (ASKED_EN.exec(focus) ?? ASKED_ZH.exec(focus))?.[1];
  if (!name || name.length < 3 || NOT_A_COMPONENT.test(name)) return null;
  return name.toLowerCase();
}

/**
 * A line saying what something can or cannot do: "不执行", "只支持", "cannot", "does not", "only"; or what it
 * requires ("host-gw：不封装，……要求所有节点二层直连", "requires layer 2"), a condition it works under.
 */
const STATES_ABILITY =
  /要求|必须|必須|(?<![\w-])requires?(?![\w-])|不(?:能|会|會|支持|执行|執行|生效|需要|经|經|做|走)|无法|無法|没有|沒有|只(?:有|能|支持|在|对|對|做)|仅|僅|(?<!不)支持|可以|能够|能夠|就能|(?<![\w-])(?:can(?:not)?|can't|cannot|does(?:n't| not)|not|only|never|supports?|enforces?)(?![\w-])/i;
/** What may open a line before its subject: a table's bar, a list mark, emphasis, code quotes. */
const LEAD_MARKS = /^[\s|*`>-]*(?:\d+\.\s*)?[*`]*/;

/**
 * Whether a line is about the component and says what it can or cannot do: its table row is keyed by the component
 * (`| Flannel（单独） | **不执行** |`), or its sentence opens with it ("flannel does not implement policies").
 */
export function answersYesNo(quote: string, key: string | undefined, subject: string): boolean {
  if (!STATES_ABILITY.test(quote)) return false;
  const name = subject.toLowerCase();
  if (key !== undefined && (key === name || key.startsWith(`${name} `))) return true;
  const opening = quote.replace(LEAD_MARKS, '').toLowerCase();
  return opening.startsWith(name) && !/[\w.-]/.test(opening[name.length] ?? '');
}
