import { blamesAnotherHop, namesApiServerUnreachable } from './api-server-named.js';
import { asksInClause } from './asking-clause.js';
import type { RetrievalConfig } from './config.js';
import { takeNegatedMentions } from './negated-mention.js';
import { addressesNodePort, NODEPORT_TERMS } from './nodeport-address.js';

/**
 * What a question asks, as weighted terms. On-call questions often contrast the broken path with one that
 * works ("same-node traffic is fine", "节点上 curl 是通的"); such working-path clauses name what is NOT broken,
 * so their words count less. Identifiers the KB has never seen (node-05, 10.16.0.20, nginx-7d9f8b-x2x) are
 * placeholders for the answer, not topic words, so they count not at all; nor do the parts of generated object
 * names (the `frontend` of `frontend-5c7d9`), whose glossary concepts (`calico` in `calico-node-x7k2p`) still count.
 */
export interface AnalyzedQuery {
  /** The normalized question. */
  text: string;
  /** The clauses about the failure, and any parenthetical context: all of `text` when nothing is contrasted. */
  focus: string;
  /** Working-path clauses ('' when there are none). */
  working: string;
  /** Query term → weight: 1 when the term is in `focus`, `config.query.workingPathWeight` otherwise. */
  terms: ReadonlyMap<string, number>;
  /** A long report's opening sentence, which says what fails (null for a short question; see headlineOf). */
  headline: string | null;
}

export interface QueryVocabulary {
  tokenize(normalized: string): string[];
  /** True when the KB contains the token somewhere. */
  has(token: string): boolean;
  /** The other members of a token's exclusive glossary set (same-node ↔ cross-node); empty when none. */
  alternativesOf(token: string): readonly string[];
}

/** Clause boundaries: punctuation (a `.` only before a space, so IPs and domains survive) and contrast words. */
const CLAUSE_BREAK =
  /[,;!?。、]|\.(?=\s|$)|\s(?:but|while|whereas|though|although|however)\s|但是|但|可是|不过|而是/u;
/** A clause saying something works... */
const WORKS =
  /正常|没问题|没事|是通的|能通|可以通|都通|是好的|能访问|可以访问|能ping通|可以ping通|(?<![a-z])(?:works?|worked|working|fine|ok|okay|succeeds?|succeeded|reachable|(?:am|is|are|was|were) able to|can (?:ping|reach|connect|communicate|access|talk|curl))(?![a-z'])/u;
const ALL_WORKS = new RegExp(WORKS.source, 'gu');
/**
 * ...and nothing failing (checked once the "works" phrases are taken out, so 没问题 does not read as 没).
 * "Only X works" (只有部分节点能访问) describes the failure's scope, so `only` counts as failing, and "none of them
 * works", "nothing works", "neither works" state a failure in a "works" phrase.
 */
const FAILS =
  /只有|只能|仅|不|没|无法|超时|失败|丢|断|拒绝|报错|错误|异常|卡|慢|空|(?<![a-z])(?:not?|never|fail\w*|refused|reset|timeouts?|timed?|times|hangs?|hung|stuck|error\w*|broken|unreachable|lost|loss|slow|drop\w*|can't|cannot|unable|\w+n't|only|none|nothing|neither|nor)(?![a-z])/u;
/** A failing clause that names only another place: "not from outside", "but not on node-2". */
const ELLIPTICAL_FAILURE =
  /^(?:but\s+)?not\s+(?:from|on|in|at|for|when|with|via|through|over|to|across|between|inside|outside)(?![a-z])/u;
const PARENTHETICAL = /\(([^()]*)\)/g;
/**
 * "Only ... when they are on the same node" (只有在同一节点上才通) says where traffic still works: the same-node
 * path is the working one, so the part from "only" on is a working clause and the failing path is the other.
 */
const ONLY_ON_SAME_NODE =
  /(?<![a-z])only(?![a-z])[^,;]{0,80}?(?<![a-z])(?:same|one) (?:node|host|machine|server)(?![a-z])|(?:只有|只能|仅)[^，,；;]{0,20}?(?:同一|同)(?:个|台)?(?:节点|节點|主机|主機|node)/u;
/** A clause that rules a cause out: "it's not a dns problem", "isn't a firewall issue", "不是 DNS 的问题". */
const RULED_OUT =
  /^(?:it|this|that)(?:'s| is| was)\s+not\s+(?:an?\s+)?[\w./-]+(?:\s+[\w./-]+)?\s+(?:problem|issue)s?$|^(?:(?:it|this|that)\s+)?(?:is not|isn't|was not|wasn't)\s+(?:an?\s+)?[\w./-]+(?:\s+[\w./-]+)?\s+(?:problem|issue)s?$|^(?:应该|應該|确定|確定)?(?:不是|并不是|並不是)\s*\S{1,12}?\s*(?:的)?(?:问题|問題)$/u;
/** A name with a generated suffix: a 5-10 character segment mixing letters and digits (pod and ReplicaSet hashes). */
const GENERATED_NAME =
  /(?<![a-z0-9])[a-z0-9]+(?:[-.][a-z0-9]+)*-(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,10}(?:-[a-z0-9]{3,5})?(?![a-z0-9])/g;

/**
 * Payload-size symptoms: small requests work and large ones hang, long replies are dropped, transfers above some
 * byte count stall. That is the signature of an MTU problem however it is worded, so such a question also asks
 * about large packets (the glossary's 大包 group) and MTU.
 */
const SMALL =
  /(?<![a-z])(?:small|smaller|tiny|short)(?![a-z])|小(?:包|文件|文档|请求|請求|报文|報文|数据|數據|的)/u;
const LARGE =
  /(?<![a-z])(?:large|larger|big|bigger|huge|long|longer)(?![a-z])|大(?:包|文件|文档|请求|請求|报文|報文|数据|數據|的|于|於)|超过\s*\d{3,}/u;
const PAYLOAD =
  /(?<![a-z])(?:packets?|payloads?|responses?|reply|replies|files?|requests?|body|bodies|uploads?|downloads?|transfers?|data|resources?|messages?|bytes)(?![a-z])|包|报文|報文|文件|文档|数据|數據|响应|響應|字节|位元組/u;
const PAYLOAD_SIZE_TERMS = '大包 mtu';

export function payloadSizeSymptom(text: string): boolean {
  // Small works, large does not: the contrast itself.
  if (SMALL.test(text) && LARGE.test(text)) return true;
  // Or a large payload that fails ("long packets are dropped", "responses that are too big ... hang").
  return text
    .split(CLAUSE_BREAK)
    .some((clause) => LARGE.test(clause) && PAYLOAD.test(clause) && FAILS.test(clause));
}

/**
 * The API server reached through its Service: the first address of a service range on port 443 (`dial tcp
 * 10.96.0.1:443: i/o timeout`, `Get https://10.233.0.1:443/api/...`) is the `kubernetes` Service's ClusterIP. A
 * component that logs it failing (CoreDNS, calico-kube-controllers, a dashboard) is named in the report, but the
 * hop that fails is the ClusterIP that kube-proxy translates, so such a report also asks about ClusterIP and
 * kube-proxy. Any address ending in .0.1 with :443 is taken for it (10.96.0.1, 10.43.0.1, 172.19.0.1, ...), but
 * not where a pod's environment lists it (`KUBERNETES_PORT=tcp://10.43.0.1:443`): that only says the Service exists.
 */
const API_SERVICE_ADDRESS = /(?<![\d.]|tcp:\/\/|=)\d{1,3}\.\d{1,3}\.0\.1:443(?!\d)/;
const API_SERVICE_TERMS = 'clusterip kube-proxy';

export function apiServiceSymptom(text: string): boolean {
  return API_SERVICE_ADDRESS.test(text);
}

/**
 * The same hop with no address written: the API server named as what a pod cannot reach ("Pod unable to reach kube
 * API: i/o timeout"), when no other hop is blamed. The address forms only `apiServiceSymptom` reads: another form
 * (`curl https://10.96.0.1` from the host) was measured to pull the Service runbooks over a named CNI's own.
 */
function reachesApiServer(text: string): boolean {
  return apiServiceSymptom(text) || (namesApiServerUnreachable(text) && !blamesAnotherHop(text));
}

/**
 * A path that does not carry traffic ("pods on different nodes cannot ping each other", "跨节点不通"), as opposed to
 * a question about a tool or a single error. A report of a broken path that also says which tool the user ran
 * (tcpdump, ovs-vsctl) is still about the path.
 */
const BROKEN_PATH =
  /不通|连不上|連不上|连不通|无法访问|無法訪問|访问不了|互访失败|收不到|没有回包|沒有回包|回不来|超时|(?<![a-z])(?:unreachable|not (?:reachable|working|able to (?:ping|reach|connect|communicate|access))|(?:doesn't|does not|don't|do not|isn't) work|(?:can ?not|can't|cannot|unable to|fails? to|failed to) (?:\w+ ){0,2}(?:ping|reach|connect|communicate|access|talk)|no (?:\S+ ){0,2}(?:reply|replies|response|answer|comes? back)|never (?:\w+ )?(?:answered|arrives?|reach\w*|comes? back)|(?:doesn't|does not|don't|do not|never) (?:come|comes) back|packet loss|tim(?:e|es|ed)? ?out|timeouts)(?![a-z])/u;
const ASKS_HOW = /(?<![a-z])how (?:do|to|can|could|should|would)(?![a-z])|怎么|怎麼|如何|怎样|怎樣/u;

/** The question reports a broken path and does not ask how to use something. */
export function reportsBrokenPath(query: AnalyzedQuery): boolean {
  return BROKEN_PATH.test(query.focus) && !ASKS_HOW.test(query.text);
}

/**
 * A setting the reporter changed away from ("从 ClusterIP 改为 NodePort", "switched from flannel to calico") is the
 * former state, not what fails now: like a working clause, it names what is not broken. Only the "from" part is
 * taken; what it became stays in the failing part. "Moved from eth0 to cni0" is left out: it is as often a packet's
 * path as a change.
 */
const FORMER_SETTING =
  /从\s*([^，,。；;从]{1,30}?)\s*(?=(?:改为|改成|换成|换为|更换为|更换成|切换到|切换为|切换成|迁移到|迁移至|变为|变成|转为|转变为))|(?<![a-z])((?:change[sd]?|changing|switch(?:ed|es|ing)?|migrat(?:ed|es|ing|e)|convert(?:ed|ing|s)?)\s+(?:[\w-]+\s+){0,4}?)from\s+([^,.;]{1,40}?)\s+(?=(?:to|into)\s)/gu;

/** The text without its former settings, and those settings (see FORMER_SETTING). */
export function takeFormerSettings(text: string): { rest: string; former: string[] } {
  const former: string[] = [];
  const rest = text.replace(FORMER_SETTING, (_match, zh?: string, verb?: string, en?: string) => {
    if (zh !== undefined) {
      former.push(zh.trim());
      return '';
    }
    former.push((en ?? '').trim());
    return verb ?? '';
  });
  return { rest, former: former.filter(Boolean) };
}

/**
 * The question's failing part (`focus`, with parenthetical context) and the clauses that say what works or what
 * the reporter ruled out ("It's NOT a DNS problem", "不是 DNS 的问题"): those name what is not broken. Pure,
 * normalized text in (lower case).
 */
export function splitWorking(whole: string): { focus: string; workingClauses: string[] } {
  const { rest: changed, former } = takeFormerSettings(whole);
  const { rest: text, negated } = takeNegatedMentions(changed);
  const context = [...text.matchAll(PARENTHETICAL)].map((match) => match[1] ?? '');
  const scopes: string[] = [];
  const clauses = text
    .replace(PARENTHETICAL, ' ')
    .split(CLAUSE_BREAK)
    .flatMap((clause) => {
      const only = ONLY_ON_SAME_NODE.exec(clause);
      if (!only) return [clause];
      scopes.push(clause.slice(only.index).trim());
      return [clause.slice(0, only.index), clause.slice(only.index)];
    })
    .map((clause) => clause.trim())
    .filter(Boolean)
    .flatMap((clause, i, all) => {
      // "NodePort 30080 works from the node itself but not from the office network": the failing clause only
      // says where, so what works there (the NodePort) is what fails from the other place. The subject before
      // the "works" phrase joins the failing part; the rest stays a working clause.
      if (!ELLIPTICAL_FAILURE.test(all[i + 1] ?? '')) return [clause];
      const works = WORKS.exec(clause);
      if (!works || works.index === 0) return [clause];
      return [clause.slice(0, works.index).trim(), clause.slice(works.index).trim()].filter(Boolean);
    });
  const isWorking = (clause: string) =>
    scopes.includes(clause) ||
    (WORKS.test(clause) && !FAILS.test(clause.replace(ALL_WORKS, ' ')) && !asksInClause(clause)) ||
    RULED_OUT.test(clause);
  const working = clauses.length > 1 ? workingWithEnumeration(clauses, isWorking) : [];
  const focusClauses = clauses.filter((clause) => !working.includes(clause));
  return {
    focus: [...focusClauses, ...context].join(', '),
    workingClauses: [...working, ...former, ...negated],
  };
}

export function analyzeQuery(
  text: string,
  vocabulary: QueryVocabulary,
  config: RetrievalConfig,
  /** Pasted output split off the question (pasted.ts), normalized: its words join at `pastedWeight`. */
  pasted = '',
): AnalyzedQuery {
  // A report that pastes output is a long report even when its own sentences are few (a title, then a listing):
  // the pasted words count toward the body that makes its opening sentence the headline.
  const query = analyzeText(text, vocabulary, config, wordsOf(pasted), pasted);
  if (pasted === '') return query;
  // Words of the paste the KB never uses (hashes, host names, image tags) say nothing: they are left out.
  const counts = countsAsTopic(pasted, vocabulary);
  weigh(
    vocabulary.tokenize(pasted),
    config.query.pastedWeight,
    query.terms as Map<string, number>,
    (token) => vocabulary.has(token) && counts(token),
    config.budget.maxQueryTerms,
  );
  return query;
}

function analyzeText(
  text: string,
  vocabulary: QueryVocabulary,
  config: RetrievalConfig,
  /** Words of pasted output split off the question: they count toward a long report's body. */
  pastedWords = 0,
  /** The pasted output itself: a symptom it shows (a log line) is the report's symptom too. */
  pastedText = '',
): AnalyzedQuery {
  const { focus, workingClauses } = splitWorking(text);
  const counts = countsAsTopic(text, vocabulary);
  const symptomTerms = [
    ...(payloadSizeSymptom(text) ? vocabulary.tokenize(PAYLOAD_SIZE_TERMS) : []),
    ...(addressesNodePort(text) ? vocabulary.tokenize(NODEPORT_TERMS) : []),
  ];
  const apiTerms =
    reachesApiServer(text) || reachesApiServer(pastedText) ? vocabulary.tokenize(API_SERVICE_TERMS) : [];
  // A contrast only helps when the failing part still says something the KB knows.
  const focusTokens = workingClauses.length > 0 ? vocabulary.tokenize(focus) : [];
  const limit = config.budget.maxQueryTerms;
  if (!focusTokens.some((token) => vocabulary.has(token))) {
    const terms = weigh(
      [...vocabulary.tokenize(text), ...symptomTerms, ...apiTerms],
      1,
      new Map(),
      counts,
      limit,
    );
    const headline = weighHeadline(text, terms, vocabulary, config, symptomTerms, pastedWords, apiTerms);
    return { text, focus: text, working: '', terms, headline };
  }
  const working = workingClauses.join(', ');
  const terms = weigh([...focusTokens, ...symptomTerms, ...apiTerms], 1, new Map(), counts, limit);
  weigh(vocabulary.tokenize(working), config.query.workingPathWeight, terms, counts, limit);
  inferOtherAlternative(terms, vocabulary);
  const headline = weighHeadline(text, terms, vocabulary, config, symptomTerms, pastedWords, apiTerms);
  return { text, focus, working, terms, headline };
}

/**
 * A long report opens with its headline (an issue title, the first sentence) and then pastes context: versions,
 * the tools the reporter ran, log lines, the CNI in passing. The headline says what fails, so in a long report
 * the words only the body has count `config.query.bodyWeight` as much. Short questions are left alone.
 */
export function headlineOf(text: string, minBodyWords: number): string | null {
  const end = text.search(SENTENCE_END);
  if (end <= 0) return null;
  const headline = text.slice(0, end).trim();
  return headline && wordsOf(text.slice(end + 1)) >= minBodyWords ? headline : null;
}

/** The words of a text, as `headlineOf` counts a body: two Han characters, or a Latin word. */
function wordsOf(text: string): number {
  return text.match(/\p{Script=Han}{2}|[a-z][a-z0-9_.-]*/gu)?.length ?? 0;
}

/** A sentence end: `.`/`!`/`?` before a space (not inside 1.1.8 or kubernetes.default), or a Chinese stop. */
const SENTENCE_END = /[.!?](?=\s)|[。！？\n]/u;

function weighHeadline(
  text: string,
  terms: Map<string, number>,
  vocabulary: QueryVocabulary,
  config: RetrievalConfig,
  /**
   * Terms the whole report's symptom implies (payload size → MTU, a NodePort-range address → NodePort): they are the
   * point wherever they appear.
   */
  symptomTerms: readonly string[],
  pastedWords: number,
  /** Terms the API server's Service address implies: as much the point as the address's place in the report. */
  apiTerms: readonly string[] = [],
): string | null {
  const headline = headlineOf(text, Math.max(0, config.query.headlineMinBodyWords - pastedWords));
  if (headline === null) return null;
  const inHeadline = new Set([
    ...vocabulary.tokenize(headline),
    ...symptomTerms,
    ...(reachesApiServer(headline) ? apiTerms : []),
  ]);
  // A headline that names little the KB knows ("[BUG] help needed") says nothing about the topic.
  if ([...inHeadline].filter((token) => terms.has(token) && vocabulary.has(token)).length < 2) return null;
  for (const [term, weight] of terms) {
    if (!inHeadline.has(term)) terms.set(term, weight * config.query.bodyWeight);
  }
  return headline;
}

/** "All"/"both" before a "works" phrase: the clause closes a list of paths that all work. */
const ALL_OF = /都|均|全都|全部|(?<![a-z])(?:all|both)(?![a-z])/u;

/**
 * The working-path clauses, with the bare items of an enumeration a "both/all work" clause closes:
 * "但是 pod 到 pod，主机到 pod，主机到 service 都正常" names three working paths, not one. An item is bare when it
 * says neither works nor fails on its own.
 */
export function workingWithEnumeration(
  clauses: readonly string[],
  isWorking: (clause: string) => boolean,
): string[] {
  const working = new Set<number>();
  clauses.forEach((clause, i) => {
    if (!isWorking(clause)) return;
    working.add(i);
    if (!ALL_OF.test(clause)) return;
    for (let j = i - 1; j >= 0; j--) {
      const item = clauses[j] ?? '';
      if (WORKS.test(item) || FAILS.test(item) || working.has(j)) break;
      working.add(j);
    }
  });
  return clauses.filter((_, i) => working.has(i));
}

/**
 * "Cross-node traffic works" with a failing part that names neither alternative means the same-node path is
 * the broken one: when a working clause names one of exactly two alternatives, the failing part is about the
 * other.
 */
function inferOtherAlternative(terms: Map<string, number>, vocabulary: QueryVocabulary): void {
  for (const [token, weight] of [...terms]) {
    if (weight >= 1) continue;
    const alternatives = vocabulary.alternativesOf(token);
    const [other] = alternatives;
    if (other === undefined || alternatives.length !== 1 || (terms.get(other) ?? 0) > 0) continue;
    terms.set(other, 1);
  }
}

/** Whether a token of `text` says what the question is about, rather than naming the broken object. */
function countsAsTopic(text: string, vocabulary: QueryVocabulary): (token: string) => boolean {
  // Names with digits the KB has never seen (node-05, 10.16.0.20) are placeholders for the answer.
  const topical = (token: string) => vocabulary.has(token) || !/\d/.test(token);
  const names = [...text.matchAll(GENERATED_NAME)]
    .map(([name]) => name)
    .filter((name) => !vocabulary.has(name));
  if (names.length === 0) return topical;
  const nameParts = new Set(names.flatMap((name) => name.split(/[-.]/)));
  const elsewhere = new Set(vocabulary.tokenize(names.reduce((rest, name) => rest.replace(name, ' '), text)));
  return (token) =>
    topical(token) &&
    (elsewhere.has(token) || !(nameParts.has(token) || names.some((name) => token.includes(name))));
}

function weigh(
  tokens: string[],
  weight: number,
  terms: Map<string, number>,
  countsAsTopic: (token: string) => boolean,
  maxTerms: number,
): Map<string, number> {
  for (const token of tokens) {
    // Bounded query length: distinct terms past the budget are dropped (the first ones are kept).
    if (!terms.has(token) && terms.size >= maxTerms) continue;
    if (countsAsTopic(token)) terms.set(token, Math.max(terms.get(token) ?? 0, weight));
  }
  return terms;
}
