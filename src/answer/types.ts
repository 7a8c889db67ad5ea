import type { Safety } from '../core/types.js';
import type { RetrievalResult, RetrieverName } from '../retrieve/types.js';
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

export interface ChatCommand {
  command: string;
  purpose: string;
  safety: Safety;
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
  retrievers: RetrievalResult['retrievers'];
  took_ms: number;
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

export interface ComposeInput {
  /** This turn's question as the user wrote it. */
  question: string;
  result: RetrievalResult;
  /** The text retrieval ran on, when it differs (follow-ups prepend earlier questions). */
  query?: string;
  /** Earlier questions of the conversation, oldest first: names they gave still fill placeholders. */
  history?: readonly string[];
  id: string;
  conversationId: string;
  tookMs: number;
}

export interface ComposeOptions {
  maxCommands: number;
  /** When the hit sections and matched rows give fewer, the best doc's other read-only commands fill up to this. */
  minCommands: number;
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
}
