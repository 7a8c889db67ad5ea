/**
 * Why questions answered by a rule line: "Why do pods that are not ready yet not show up behind the headless
 * Service?" is answered by "只有 Ready 端点出现在 DNS 中", "Why does a lookup of an external name get the search
 * domains appended?" by "名字中点数少于 5 时先依次拼接 search 域". Such a line says no "by design", yet it states the
 * rule behind what the asker sees. Only a line about the clause's own subject explains it: most of the clause's
 * words that name a thing (search domain, not-ready pod, IPIP on Azure) must be in the line. Words every runbook
 * line shares (pod, service, cluster, traffic, work) say nothing of the subject and do not count. Pure.
 */

/** Glossary concept ids ("g12") stand for a word already counted: they match, they do not count. */
const CONCEPT_ID = /^g\d+$/;

/** Words that name no subject: every runbook is about pods, Services, nodes and their traffic. */
const GENERIC = new Set(
  [
    'pod',
    'pods',
    'service',
    'services',
    'svc',
    'node',
    'nodes',
    'cluster',
    'clusters',
    'kubernetes',
    'k8s',
    'network',
    'networking',
    'traffic',
    'work',
    'works',
    'working',
    'get',
    'gets',
    'got',
    'use',
    'uses',
    'used',
    'using',
    'should',
    'would',
    'must',
    'need',
    'needs',
    'only',
    'still',
    'yet',
    'even',
    'there',
    'they',
    'their',
    'them',
    'its',
    'be',
    'been',
    'being',
    'have',
    'has',
    'had',
    'me',
    'we',
    'our',
    'you',
    'your',
    'so',
    'as',
    'if',
    'but',
    'then',
    'than',
    'into',
    'out',
    'up',
    'rather',
    'instead',
    // What happens to the subject, or which of its forms: "IPIP mode fails" is about IPIP.
    'mode',
    'modes',
    'fail',
    'fails',
    'failed',
    'failing',
    'happen',
    'happens',
    '集群',
    '网络',
    '節點',
    '节点',
    '服务',
    '流量',
    '为什',
    '什么',
    '么会',
    '么不',
    '模式',
  ].map((word) => word.toLowerCase()),
);

/** At least this many subject words in the line, and at least this share of the clause's subject words. */
const MIN_SHARED = 2;
const MIN_SHARE = 0.5;

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/** How many words the terms stand for: overlapping Chinese character pairs count about two to a word. */
function wordCount(terms: readonly string[]): number {
  const han = terms.filter((term) => HAN_BIGRAM.test(term)).length;
  return terms.length - han + Math.ceil(han / 2);
}

/** The clause's words that name a thing: not generic words, nor concept ids, nor markers. */
export function subjectWords(clauseTerms: ReadonlyMap<string, number>): string[] {
  return [...clauseTerms.keys()].filter(
    (term) => !CONCEPT_ID.test(term) && !term.startsWith('\u0001') && !GENERIC.has(term),
  );
}

/** What a line shares with a why clause's subject: its words in the line, and those of them its doc's title lacks. */
export interface SubjectShare {
  inLine: number;
  /** Words only this line names: the title's words are in every line of the doc. */
  beyondTitle: number;
}

/**
 * What a line shares with the why clause's subject, when it is about that subject: most of the clause's subject
 * words (in any form or translation `variants` gives) are in the line's terms or its doc's title, each term credited
 * once, and at least two in the line itself. Null when it is not about the subject.
 */
export function whySubjectShared(
  clauseTerms: ReadonlyMap<string, number>,
  lineTerms: ReadonlyMap<string, number>,
  variants: (term: string) => readonly string[],
  titleTerms: ReadonlyMap<string, number> = new Map(),
): SubjectShare | null {
  const own = subjectWords(clauseTerms);
  if (own.length === 0) return null;
  const credited = new Set<string>();
  let shared = 0;
  let inLine = 0;
  let beyondTitle = 0;
  for (const term of own) {
    const forms = [term, ...variants(term)].filter((word) => !GENERIC.has(word));
    const found = forms.some((word) => lineTerms.has(word) && !credited.has(word));
    const titled = forms.some((word) => titleTerms.has(word));
    if (!found && !(titled && forms.some((word) => !credited.has(word)))) continue;
    for (const word of forms) credited.add(word);
    for (const word of forms) for (const back of variants(word)) credited.add(back);
    shared++;
    if (found) inLine++;
    if (found && !titled) beyondTitle++;
  }
  // The doc's title names the subject of all its lines: it may complete the share, never make the subject.
  return inLine >= MIN_SHARED && shared / wordCount(own) >= MIN_SHARE ? { inLine, beyondTitle } : null;
}

/** A Chinese negation and the character it negates: 不通, 不响应, 无法访问. */
const HAN_NEGATED = /(?:不|无法|無法|没有|沒有)(\p{Script=Han})/gu;

/** A clause weighing one thing against another ("VXLAN rather than IPIP") says the other does not do. */
const CONTRAST = /\b(?:rather than|instead of)\b|而不是|而非/i;

/**
 * Whether a line says the opposite of what the why clause states: "为什么这个 ClusterIP 能 ping 通" against a row "ping
 * ClusterIP 不通" (the clause says it does, the line that it does not), which explains another symptom. `affirmed`:
 * the clause states that something happens, with no negation (see asking.ts); then any negated line contradicts it,
 * unless the clause itself weighs one thing against another ("Why must Calico use VXLAN rather than IPIP", which
 * "Azure 不支持 IPIP" explains).
 */
export function contradictsClause(clause: string, line: string, affirmed: boolean, negated: RegExp): boolean {
  if (affirmed && !CONTRAST.test(clause) && negated.test(line)) return true;
  for (const match of line.matchAll(HAN_NEGATED)) {
    const word = match[1] ?? '';
    const at = clause.indexOf(word);
    if (at < 0) continue;
    const before = clause.slice(Math.max(0, at - 2), at);
    if (!/不|无法|無法|没有|沒有/.test(before)) return true;
  }
  return false;
}
