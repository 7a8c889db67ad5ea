import type { Safety } from '../core/types.js';
import type { FusedHit, RetrievalResult, RetrieverName } from '../retrieve/types.js';
import type { Lang } from './labels.js';
import type { Fill } from './placeholders.js';

export interface Citation {
  /** Relative to the KB root. */
  path: string;
  title: string;
  /** Nearest heading at or above the cited lines ('' when the doc has none there). */
  heading: string;
  /** 1-based inclusive file lines; they contain the cited text. */
  lines: [number, number];
  score: number;
  via: RetrieverName[];
  matched_triggers: string[];
}

/**
 * `diagnose`: read-only checks that test the likely causes, run in order; `fix`: commands not known to be
 * read-only (state changes), never part of "run these in order".
 */
export type CommandGroup = 'diagnose' | 'fix';

export interface ChatCommand {
  command: string;
  purpose: string;
  safety: Safety;
  group: CommandGroup;
  fills: Fill[];
  source: { path: string; line: number };
}

/** The `POST /v1/chat` 200 body (also `netkb ask --json`). */
export interface ChatBody {
  id: string;
  conversation_id: string;
  answer: string;
  abstained: boolean;
  confidence: number;
  citations: Citation[];
  commands: ChatCommand[];
  /** The answer as data: every channel renders this (the `answer` markdown is one rendering of it). */
  structured: StructuredAnswer;
  retrievers: RetrievalResult['retrievers'];
  took_ms: number;
}

/**
 * `answer`: a confident answer; `clarify`: the question is too vague to pick one runbook (the likely ones and
 * what to add); `abstain`: nothing in the KB fits.
 */
export type AnswerKind = 'answer' | 'clarify' | 'abstain';

/** Text copied from the KB (raw markdown) and its 1-based citation mark: `citations[cite - 1]`. */
export interface CitedText {
  text: string;
  cite: number;
}

export interface PathPart {
  format: 'mermaid' | 'text';
  /** The diagram's source, without the fence. */
  diagram: string;
  /** One line per hop, for channels that cannot draw the diagram. */
  hops: string[];
  cite: number;
}

/** A troubleshooting-table row that matches the question (cells as raw markdown; '' when empty). */
export interface CausePart {
  symptom: string;
  cause: string;
  fix: string;
  cite: number;
}

/** Another runbook worth a look: its title and the cited section. */
export interface DocPointer {
  title: string;
  path: string;
  section: string;
  cite: number;
}

/** Which CNI the answer is about, and the matching runbooks of the others when it had to assume one. */
export interface CniPart {
  /** Lower-case glossary name (`kube-ovn`, `calico` …); null when the answer is CNI-neutral. */
  cni: string | null;
  /** Where it came from: the deployment (`--cni`), the request, the question or its conversation, or assumed. */
  source: 'configured' | 'request' | 'question' | 'conversation' | 'assumed';
  /** With `assumed`: the other CNIs' matching runbooks, one each. */
  alternatives: (DocPointer & { cni: string })[];
}

export interface StructuredAnswer {
  kind: AnswerKind;
  lang: Lang;
  /** Answer: the top runbook's title; abstain/clarify: the one-line notice. */
  title: string;
  /** The best section's heading ('' when it is the title or the doc has none). */
  section: string;
  /** The KB line that states the fact the question asks for. */
  direct: CitedText | null;
  /** What the best section says. */
  gist: CitedText | null;
  path: PathPart | null;
  causes: CausePart[];
  cni: CniPart | null;
  /** Answer: other runbooks worth a look; abstain/clarify: the closest runbooks. */
  related: DocPointer[];
  /** Abstain/clarify: what to add to the question. */
  asks: string[];
}

/** A quote from the source and the citation (index into `citations`) whose lines contain it. */
export interface Evidence {
  citation: number;
  quote: string;
}

export interface Composed {
  body: ChatBody;
  /** What each citation backs up; not sent to clients, used by tests and debugging. */
  evidence: Evidence[];
}

/** The answer's CNI as chat.ts found it; alternatives are hits of other CNIs' runbooks (cited when shown). */
export interface CniContext {
  cni: string;
  source: CniPart['source'];
  alternatives: Array<{ cni: string; hit: FusedHit }>;
  /**
   * With `question`, when the top runbook is about no particular CNI (a Service, DNS): the path of the named CNI's
   * best-scoring runbook among the hits, whose check of that CNI's datapath the answer keeps a place for.
   */
  runbook?: string;
}

/** The glossary concepts (group ids) a text names, in any of their languages (Searcher.concepts). */
export type Concepts = (text: string) => readonly string[];

export interface ComposeInput {
  /** This turn's question as the user wrote it. */
  question: string;
  result: RetrievalResult;
  /** The text retrieval ran on, when it differs (follow-ups prepend earlier questions). */
  query?: string;
  /** Earlier questions of the conversation, oldest first: names they gave still fill placeholders. */
  history?: readonly string[];
  /** The cluster's CNI, when known or assumed. */
  cni?: CniContext;
  /** The glossary concepts a text names (Searcher.concepts): matches an English question to Chinese rows. */
  concepts?: Concepts;
  /** The CNI the report runs: the one given or named, else its distribution's default (not one assumed from a hit). */
  reportCni?: string;
  /**
   * When the report says traffic between nodes fails and a runbook about no particular CNI leads: the path of the
   * report CNI's runbook among the hits (cross-node-runbook.ts), whose check the answer keeps a place for.
   */
  crossNodeRunbook?: string;
  /** The top runbook is about the CNI the question names: a value it states is that CNI's, and answers first. */
  namedCniLeads?: boolean;
  /** A network plugin the question is about that the KB has no runbook for (clarify.ts): the answer declines. */
  uncovered?: string;
  id: string;
  conversationId: string;
  tookMs: number;
}

export interface ComposeOptions {
  /** Most commands in one answer (diagnostics and fixes together). */
  maxCommands: number;
  /** Fewer matching diagnostics than this: the top doc's first read-only checks complete them. */
  minCommands: number;
  /** Most read-only diagnostics in one answer. */
  maxDiagnose: number;
  /** Most state-changing fixes in one answer (their own group, never "run in order"). */
  maxFixes: number;
  /** Another doc's commands are candidates only when its best hit scores at least this share of the top hit. */
  otherDocShare: number;
  maxCauses: number;
  /** Other retrieved docs pointed to under the main answer. */
  maxSeeAlso: number;
  /** Docs suggested when abstaining. */
  maxSuggestions: number;
  /** Longest gist quoted, in characters (cut at a sentence end when possible). */
  maxGistChars: number;
  /** Longest traffic-path diagram inlined, in lines. */
  maxPathLines: number;
  /** Other docs contribute causes and commands when their hit scores at least this share of the best hit. */
  relevantShare: number;
}

/** What an answer builder (full or abstaining) returns to `composeAnswer`. */
export interface AnswerParts {
  markdown: string;
  abstained: boolean;
  commands: ChatCommand[];
  structured: StructuredAnswer;
}
