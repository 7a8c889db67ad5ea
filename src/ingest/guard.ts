import type { Finding } from '../core/types.js';

/** The structural budgets a file must fit before it is parsed (see src/core/ingest-limits.ts). */
export interface StructureLimits {
  maxFileBytes: number;
  maxNesting: number;
  maxHeadings: number;
}

/** Delimiter runs (`*`, `_`) in one paragraph past which emphasis parsing turns quadratic. */
const MAX_EMPHASIS_RUNS_PER_PARAGRAPH = 2000;
/** Longest backtick run outside a fence line: growing unmatched runs make code-span parsing quadratic. */
const MAX_BACKTICK_RUN = 64;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const CONTAINER_MARKER = /^(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))/;

/**
 * Checks, without parsing, that a markdown file stays within the budgets that keep the parser linear: size,
 * container nesting (block quotes, list markers and indentation), headings, emphasis and backtick runs.
 * Pure and linear in the file's length. Returns the first problem as an error finding, or null.
 */
export function checkStructure(path: string, source: string, limits: StructureLimits): Finding | null {
  const bytes = Buffer.byteLength(source, 'utf8');
  const over = (line: number, code: string, message: string): Finding => ({
    file: path,
    line,
    severity: 'error',
    code,
    message: `${message}: file not indexed`,
  });
  if (bytes > limits.maxFileBytes)
    return over(1, 'file-too-large', `File is ${bytes} bytes, over the ${limits.maxFileBytes}-byte limit`);

  const lines = source.split('\n');
  let fence: string | null = null;
  let headings = 0;
  let emphasisRuns = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      const closing = fenceMatch?.[1];
      if (closing && closing[0] === fence[0] && closing.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    const depth = nestingOf(line);
    if (depth > limits.maxNesting)
      return over(
        lineNumber,
        'nesting-too-deep',
        `Nesting ${depth} levels deep, over the limit of ${limits.maxNesting}`,
      );
    if (HEADING.test(line) && ++headings > limits.maxHeadings)
      return over(lineNumber, 'too-many-headings', `More than ${limits.maxHeadings} headings`);
    if (line.trim() === '') {
      emphasisRuns = 0;
      continue;
    }
    emphasisRuns += countRuns(line, '*') + countRuns(line, '_');
    if (emphasisRuns > MAX_EMPHASIS_RUNS_PER_PARAGRAPH)
      return over(
        lineNumber,
        'too-many-delimiters',
        `More than ${MAX_EMPHASIS_RUNS_PER_PARAGRAPH} emphasis delimiters in one paragraph`,
      );
    if (longestRun(line, '`') > MAX_BACKTICK_RUN)
      return over(lineNumber, 'backtick-run-too-long', `A run of more than ${MAX_BACKTICK_RUN} backticks`);
  }
  return null;
}

/** Container depth of a line: block-quote and list markers, plus leading indentation in steps of two. */
export function nestingOf(line: string): number {
  let depth = 0;
  let indent = 0;
  let at = 0;
  for (;;) {
    // Leading indentation nests (an indented list item); spaces after a marker only separate it.
    while (line[at] === ' ' || line[at] === '\t') {
      if (depth === 0) indent += line[at] === '\t' ? 4 : 1;
      at++;
    }
    const marker = CONTAINER_MARKER.exec(line.slice(at, at + 12));
    if (!marker) break;
    depth++;
    at += marker[0].length;
  }
  return depth + Math.floor(indent / 2);
}

function countRuns(line: string, char: string): number {
  let runs = 0;
  for (let i = 0; i < line.length; i++) if (line[i] === char && line[i - 1] !== char) runs++;
  return runs;
}

function longestRun(line: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < line.length; i++) {
    current = line[i] === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}
