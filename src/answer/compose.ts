/**
 * Builds the `/v1/chat` answer from retrieval results. Pure, deterministic and extractive: every sentence of
 * the answer is copied from a retrieved doc and cites the exact lines it came from; no model writes text.
 *
 * The parts: full-answer.ts (confident answers) and abstain.ts (not confident), citations.ts (what may be
 * cited and the [n] marks), gist.ts, traffic-path.ts, rank-rows.ts and render-row.ts (likely causes),
 * commands.ts and command-citation.ts (suggested commands). Whatever depends only on the KB (a chunk's gist,
 * a row's cells, a command's quote) is computed once per chunk, row or command and memoized.
 */
import { abstainAnswer } from './abstain.js';
import { CitationBuilder, round } from './citations.js';
import { needsClarifying, outsideNetworking } from './clarify.js';
import { confidentFact } from './direct.js';
import { fullAnswer } from './full-answer.js';
import { languageOf } from './labels.js';
import type { Composed, ComposeInput, ComposeOptions } from './types.js';

export { LABELS, type Lang, languageOf } from './labels.js';
export type {
  AnswerKind,
  CausePart,
  ChatBody,
  ChatCommand,
  Citation,
  CitedText,
  CniPart,
  CommandGroup,
  Composed,
  ComposeInput,
  ComposeOptions,
  DocPointer,
  Evidence,
  PathPart,
  StructuredAnswer,
} from './types.js';

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  maxCommands: 8,
  minCommands: 4,
  maxDiagnose: 6,
  maxFixes: 2,
  otherDocShare: 0.8,
  maxCauses: 3,
  maxSeeAlso: 2,
  maxSuggestions: 3,
  maxGistChars: 280,
  maxPathLines: 30,
  relevantShare: 0.35,
};

export function composeAnswer(
  input: ComposeInput,
  options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS,
): Composed {
  const lang = languageOf(input.question);
  // Other CNIs' runbooks named beside an assumed CNI are cited like any retrieved doc.
  const alternatives = input.cni?.alternatives.map((alternative) => alternative.hit) ?? [];
  const builder = new CitationBuilder([...input.result.hits, ...alternatives]);
  // A vague first question in a cluster of unknown CNI is clarified, not answered with a guess (clarify.ts).
  const cniKnown = input.cni !== undefined && input.cni.source !== 'assumed';
  const clarify =
    input.uncovered === undefined &&
    (input.history ?? []).length === 0 &&
    needsClarifying(input.question, cniKnown);
  const top = input.result.hits[0];
  // Not confident overall, but the question asks for a value the top runbook states unmistakably (direct.ts).
  const factAnyway =
    input.result.abstain &&
    top !== undefined &&
    confidentFact(input.question, top.doc, input.concepts) !== null;
  const answer = clarify
    ? abstainAnswer(input, builder, lang, options, 'clarify')
    : (input.result.abstain && !factAnyway) ||
        top === undefined ||
        input.uncovered !== undefined ||
        outsideNetworking(input.question)
      ? abstainAnswer(input, builder, lang, options)
      : fullAnswer(input, builder, lang, options);
  return {
    body: {
      id: input.id,
      conversation_id: input.conversationId,
      answer: answer.markdown,
      abstained: answer.abstained,
      confidence: round(input.result.confidence, 3),
      citations: builder.citations,
      commands: answer.commands,
      structured: answer.structured,
      retrievers: input.result.retrievers,
      took_ms: round(input.tookMs, 2),
    },
    evidence: builder.evidence,
  };
}
