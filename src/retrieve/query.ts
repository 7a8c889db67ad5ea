import type { RetrievalConfig } from './config.js';

/**
 * What a question asks, as weighted terms. On-call questions often contrast the broken path with one that
 * works ("same-node traffic is fine", "节点上 curl 是通的"); such working-path clauses name what is NOT broken,
 * so their words count less. Identifiers the KB has never seen (node-05, 10.16.0.20, nginx-7d9f8b-x2x) are
 * placeholders for the answer, not topic words, so they count not at all.
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
}

export interface QueryVocabulary {
  tokenize(normalized: string): string[];
  /** True when the KB contains the token somewhere. */
  has(token: string): boolean;
}

/** Clause boundaries: punctuation (a `.` only before a space, so IPs and domains survive) and contrast words. */
const CLAUSE_BREAK =
  /[,;!?。、]|\.(?=\s|$)|\s(?:but|while|whereas|though|although|however)\s|但是|但|可是|不过|而是/u;
/** A clause saying something works... */
const WORKS =
  /正常|没问题|没事|是通的|能通|可以通|都通|是好的|能访问|可以访问|能ping通|可以ping通|(?<![a-z])(?:works?|worked|working|fine|ok|okay|succeeds?|succeeded|reachable)(?![a-z'])/u;
const ALL_WORKS = new RegExp(WORKS.source, 'gu');
/** ...and nothing failing (checked once the "works" phrases are taken out, so 没问题 does not read as 没). */
const FAILS =
  /不|没|无法|超时|失败|丢|断|拒绝|报错|错误|异常|卡|慢|空|(?<![a-z])(?:not?|never|fail\w*|refused|reset|timeouts?|timed?|times|hangs?|hung|stuck|error\w*|broken|unreachable|lost|loss|slow|drop\w*|can't|cannot|unable|\w+n't)(?![a-z])/u;
const PARENTHETICAL = /\(([^()]*)\)/g;

export function analyzeQuery(
  text: string,
  vocabulary: QueryVocabulary,
  config: RetrievalConfig,
): AnalyzedQuery {
  const context = [...text.matchAll(PARENTHETICAL)].map((match) => match[1] ?? '');
  const clauses = text
    .replace(PARENTHETICAL, ' ')
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter(Boolean);
  const isWorking = (clause: string) => WORKS.test(clause) && !FAILS.test(clause.replace(ALL_WORKS, ' '));
  const workingClauses = clauses.length > 1 ? clauses.filter(isWorking) : [];
  const focusClauses = clauses.filter((clause) => !workingClauses.includes(clause));
  const focus = [...focusClauses, ...context].join(', ');
  const known = (token: string) => vocabulary.has(token);
  // A contrast only helps when the failing part still says something the KB knows.
  const focusTokens = workingClauses.length > 0 ? vocabulary.tokenize(focus) : [];
  if (!focusTokens.some(known)) {
    return { text, focus: text, working: '', terms: weigh(vocabulary.tokenize(text), 1, new Map(), known) };
  }
  const working = workingClauses.join(', ');
  const terms = weigh(focusTokens, 1, new Map(), known);
  weigh(vocabulary.tokenize(working), config.query.workingPathWeight, terms, known);
  return { text, focus, working, terms };
}

function weigh(
  tokens: string[],
  weight: number,
  terms: Map<string, number>,
  known: (token: string) => boolean,
): Map<string, number> {
  for (const token of tokens) {
    // Names with digits the KB has never seen (node-05, 10.16.0.20) are placeholders for the answer.
    if (!known(token) && /\d/.test(token)) continue;
    terms.set(token, Math.max(terms.get(token) ?? 0, weight));
  }
  return terms;
}
