/**
 * Safety labels of KB commands. `read-only` is a promise, so it is given only when the allowlist of read-only
 * forms (src/ingest/safety/read-only-forms.ts) proves every stage; see src/ingest/safety/classify.ts.
 */
import type { Safety } from '../core/types.js';
import { classifyCommand, type SafetyVerdict } from './safety/classify.js';

export { classifyCommand, type SafetyVerdict } from './safety/classify.js';

export function classifySafety(command: string): Safety {
  return classifyCommand(command).safety;
}

/**
 * Doc authors mark state-changing commands with a `# [变更]` comment (kb/README.md: they come last in their
 * block) or a fence attribute (```` ```bash mutating ````): those commands are `mutating` whatever the
 * classifier says.
 */
const CHANGE_COMMENT = /^\s*#\s*\[(?:变更|變更|change|mutating)\]/i;
const CHANGE_META = /(?:^|[\s{,])(?:mutating|change|变更|變更)(?=$|[\s},=])/i;

/**
 * The 0-based line of a code block from which its commands are marked as changes: 0 for a fence attribute,
 * the first `# [变更]` comment otherwise (commands above it keep their own label); null when unmarked.
 */
export function changeMarkLine(code: string, meta: string | null | undefined): number | null {
  if (meta != null && CHANGE_META.test(meta)) return 0;
  const line = code.split('\n').findIndex((text) => CHANGE_COMMENT.test(text));
  return line >= 0 ? line : null;
}

export const AUTHOR_MARKED_REASON = 'marked as a change by the doc ([变更] comment or fence attribute)';

/** The verdict for a command in a block: an author's change mark wins; nothing in a doc makes a command read-only. */
export function commandSafety(command: string, markedAsChange: boolean): SafetyVerdict {
  if (markedAsChange) return { safety: 'mutating', reason: AUTHOR_MARKED_REASON };
  return classifyCommand(command);
}
