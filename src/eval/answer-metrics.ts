/**
 * Answer-level quality: what the on-call engineer reads and copies, beyond which doc ranked first. Pure.
 *
 * Definitions (README "Answer quality"):
 * - first-cited doc right: the answer's first citation is one of the question's labelled docs (answerable
 *   questions; an abstention counts as wrong).
 * - command hit: over questions labelled with `commands`, the share where any returned command contains one of
 *   the labelled prefixes, whitespace-folded and case-folded. A placeholder in a label (`<iface>`) stands for
 *   any value: the answer fills `tcpdump -i <iface>` from the question (`tcpdump -i eth0`), and that is the
 *   labelled check, not a miss.
 * - direct-answer hit: over questions labelled with `text` (fact questions), the share whose `structured.direct`
 *   contains the text (whitespace- and case-folded).
 * - off-topic commands: over all commands returned for answerable questions, the share that is neither from a
 *   labelled doc of the question nor a labelled must-have command. A command copied from the right doc is on
 *   topic; one from another runbook counts against the answer unless the label asks for it.
 * - wrong fills: placeholder fills whose value is neither among the question's `names` nor an IPv4 address,
 *   CIDR or port number written in the question. Counted over every question (no `names` = no name allowed).
 * - false abstentions: answerable questions answered with kind `abstain`. Clarifying answers are counted apart.
 * - out-of-scope abstention: share of `abstain: true` questions answered with kind `abstain`.
 * - over budget: answers for which a retriever was skipped because the question's time budget ran out. Not a
 *   quality figure: on a busy machine it says the other figures may differ from an idle run.
 */
import { spentBudget } from '../answer/spent-budget.js';
import type { ChatBody } from '../answer/types.js';
import { escapeRegExp } from '../core/escape-reg-exp.js';
import type { EvalQuestion } from './questions.js';

export interface AnswerOutcome {
  question: EvalQuestion;
  body: ChatBody;
}

export interface AnswerMetrics {
  answerable: number;
  first_cited_right: number;
  command_questions: number;
  command_hit: number;
  fact_questions: number;
  direct_hit: number;
  commands_returned: number;
  commands_per_answer: number;
  off_topic_commands: number;
  off_topic_share: number;
  fills: number;
  wrong_fills: number;
  false_abstentions: number;
  clarified: number;
  out_of_scope: number;
  out_of_scope_abstained: number;
  over_budget: number;
}

/** One question's answer-level misses, for tuning. */
export interface AnswerMiss {
  question: string;
  first_cited: string | null;
  command_miss: boolean;
  direct_miss: boolean;
  off_topic: string[];
  wrong_fills: string[];
  kind: string;
}

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

// An address may end a sentence ("the peer is 172.21.0.1."): a period not followed by a digit ends it.
const IPV4_OR_CIDR = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?!\d|\.\d)/g;
// A number ending a sentence ("--port=80.") is still a number; "10.1" is not two.
const NUMBER = /(?<![\d.])\d{1,5}(?!\d|\.\d)/g;

/** Values a fill may take for this question: labelled names, and IPs, CIDRs and numbers written in it. */
export function allowedFills(question: EvalQuestion): Set<string> {
  const text = question.question.normalize('NFKC');
  const allowed = new Set((question.names ?? []).map((name) => String(name).toLowerCase()));
  for (const match of text.matchAll(IPV4_OR_CIDR)) allowed.add(match[0]);
  for (const match of text.matchAll(NUMBER)) allowed.add(String(Number(match[0])));
  return allowed;
}

// A runbook placeholder as labels write it: `<iface>`, `<service-name>`, `<pod-ip>`.
const LABEL_PLACEHOLDER = /<[a-z][a-z0-9-]*>/g;

/**
 * Whether a returned command contains a labelled must-have prefix (both folded). A label's placeholder matches
 * any one word (the runbook's placeholder left as is, or the value the answer filled in from the question).
 */
export function labelMatcher(label: string): (command: string) => boolean {
  const folded = fold(label);
  const parts = folded.split(LABEL_PLACEHOLDER);
  if (parts.length === 1) return (command) => fold(command).includes(folded);
  const pattern = new RegExp(parts.map(escapeRegExp).join('\\S+'));
  return (command) => pattern.test(fold(command));
}

function wantedMatchers(question: EvalQuestion): Array<(command: string) => boolean> {
  return (question.commands ?? []).map(labelMatcher);
}

export function commandHit(question: EvalQuestion, body: ChatBody): boolean {
  const wanted = wantedMatchers(question);
  return body.commands.some((command) => wanted.some((matches) => matches(command.command)));
}

export function directHit(question: EvalQuestion, body: ChatBody): boolean {
  const direct = body.structured.direct?.text;
  return direct !== undefined && question.text !== undefined && fold(direct).includes(fold(question.text));
}

export function offTopicCommands(question: EvalQuestion, body: ChatBody): string[] {
  const wanted = wantedMatchers(question);
  return body.commands
    .filter(
      (command) =>
        !question.docs.includes(command.source.path) && !wanted.some((matches) => matches(command.command)),
    )
    .map((command) => `${command.source.path}: ${command.command.split('\n')[0]}`);
}

export function wrongFills(question: EvalQuestion, body: ChatBody): string[] {
  const allowed = allowedFills(question);
  const wrong: string[] = [];
  for (const command of body.commands) {
    for (const fill of command.fills) {
      if (!allowed.has(fill.value.toLowerCase())) wrong.push(`${fill.placeholder}=${fill.value}`);
    }
  }
  return [...new Set(wrong)];
}

export function computeAnswerMetrics(outcomes: readonly AnswerOutcome[]): {
  metrics: AnswerMetrics;
  misses: AnswerMiss[];
} {
  const share = (count: number, total: number) => (total === 0 ? 1 : round(count / total));
  const answerable = outcomes.filter((o) => !o.question.abstain);
  const outOfScope = outcomes.filter((o) => o.question.abstain);
  const withCommands = answerable.filter((o) => (o.question.commands ?? []).length > 0);
  const facts = answerable.filter((o) => o.question.text !== undefined);
  let firstRight = 0;
  let commandHits = 0;
  let directHits = 0;
  let returned = 0;
  let offTopic = 0;
  let fills = 0;
  let wrong = 0;
  let falseAbstentions = 0;
  let clarified = 0;
  const misses: AnswerMiss[] = [];
  for (const outcome of outcomes) {
    const { question, body } = outcome;
    const kind = body.structured.kind;
    const wrongOnes = wrongFills(question, body);
    wrong += wrongOnes.length;
    fills += new Set(body.commands.flatMap((c) => c.fills.map((f) => `${f.placeholder}=${f.value}`))).size;
    if (question.abstain) {
      if (wrongOnes.length > 0 || kind !== 'abstain')
        misses.push(miss(question, body, false, false, [], wrongOnes));
      continue;
    }
    const first = body.abstained ? undefined : body.citations[0]?.path;
    if (first !== undefined && question.docs.includes(first)) firstRight++;
    if (kind === 'abstain') falseAbstentions++;
    if (kind === 'clarify') clarified++;
    const commandMiss = (question.commands ?? []).length > 0 && !commandHit(question, body);
    if ((question.commands ?? []).length > 0 && !commandMiss) commandHits++;
    const directMiss = question.text !== undefined && !directHit(question, body);
    if (question.text !== undefined && !directMiss) directHits++;
    const off = offTopicCommands(question, body);
    returned += body.commands.length;
    offTopic += off.length;
    const firstWrong = first === undefined || !question.docs.includes(first);
    if (firstWrong || commandMiss || directMiss || off.length > 0 || wrongOnes.length > 0)
      misses.push(miss(question, body, commandMiss, directMiss, off, wrongOnes));
  }
  const answered = answerable.filter((o) => !o.body.abstained).length;
  return {
    metrics: {
      answerable: answerable.length,
      first_cited_right: share(firstRight, answerable.length),
      command_questions: withCommands.length,
      command_hit: share(commandHits, withCommands.length),
      fact_questions: facts.length,
      direct_hit: share(directHits, facts.length),
      commands_returned: returned,
      commands_per_answer: answered === 0 ? 0 : round(returned / answered),
      off_topic_commands: offTopic,
      off_topic_share: returned === 0 ? 0 : round(offTopic / returned),
      fills,
      wrong_fills: wrong,
      false_abstentions: falseAbstentions,
      clarified,
      out_of_scope: outOfScope.length,
      out_of_scope_abstained: share(
        outOfScope.filter((o) => o.body.structured.kind === 'abstain').length,
        outOfScope.length,
      ),
      over_budget: outcomes.filter((o) => spentBudget(o.body)).length,
    },
    misses,
  };
}

function miss(
  question: EvalQuestion,
  body: ChatBody,
  commandMiss: boolean,
  directMiss: boolean,
  offTopic: string[],
  wrong: string[],
): AnswerMiss {
  return {
    question: question.question,
    first_cited: body.citations[0]?.path ?? null,
    command_miss: commandMiss,
    direct_miss: directMiss,
    off_topic: offTopic,
    wrong_fills: wrong,
    kind: body.structured.kind,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
