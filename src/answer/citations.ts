import type { Chunk } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { chunkLines, cutAtSentence, linesContain, squash } from './source-text.js';
import type { Citation, Evidence } from './types.js';

/** Collects citations in order of first use; only chunks of retrieved docs can be cited. */
export class CitationBuilder {
  readonly citations: Citation[] = [];
  readonly evidence: Evidence[] = [];
  /** The quotes already in `evidence`, by citation index: each pair is added once. */
  private readonly quoted: Set<string>[] = [];
  private readonly hitByChunk = new Map<string, FusedHit>();
  private readonly bestHitByDoc = new Map<string, FusedHit>();

  constructor(hits: readonly FusedHit[]) {
    for (const hit of hits) {
      if (!this.hitByChunk.has(hit.chunk.id)) this.hitByChunk.set(hit.chunk.id, hit);
      if (!this.bestHitByDoc.has(hit.doc.path)) this.bestHitByDoc.set(hit.doc.path, hit);
    }
  }

  /**
   * Cites `quote` at file lines start..end of `chunk`. Returns the 1-based marker number, or null when the
   * quote is not really in those lines or the chunk's doc was not retrieved (then the statement is dropped).
   */
  cite(chunk: Chunk, start: number, end: number, quote: string): number | null {
    const hit = this.hitByChunk.get(chunk.id) ?? this.bestHitByDoc.get(chunk.path);
    if (!hit || quote.trim() === '') return null;
    if (!linesContain(chunkLines(chunk), start, end, quote)) return null;
    // An answer has a few dozen citations at most: scanning them is cheaper than building and hashing string keys.
    let index = this.citations.findIndex(
      (citation) => citation.lines[0] === start && citation.lines[1] === end && citation.path === chunk.path,
    );
    if (index < 0) {
      index = this.citations.length;
      this.citations.push({
        path: chunk.path,
        title: hit.doc.title,
        heading: chunk.headingPath.at(-1) ?? '',
        lines: [start, end],
        score: round(hit.score, 4),
        via: [...hit.via],
        matched_triggers: [...hit.matchedTriggers],
      });
    }
    let quoted = this.quoted[index];
    if (!quoted) {
      quoted = new Set();
      this.quoted[index] = quoted;
    }
    if (!quoted.has(quote)) {
      quoted.add(quote);
      this.evidence.push({ citation: index, quote });
    }
    return index + 1;
  }

  /**
   * Cites a section by its first line: the heading when the chunk starts with it, else its first words.
   * Returns the marker and the label to show (the label is the quoted text).
   */
  citeSection(chunk: Chunk): Section | null {
    const label = sectionLabel(chunk);
    const first = chunkLines(chunk).first;
    const n = this.cite(chunk, first, first, label);
    return n === null ? null : { n, label };
  }
}

export interface Section {
  n: number;
  label: string;
}

const sectionLabels = new WeakMap<Chunk, string>();

function sectionLabel(chunk: Chunk): string {
  let label = sectionLabels.get(chunk);
  if (label === undefined) {
    const first = (chunkLines(chunk).lines[0] ?? '').trim();
    const heading = chunk.headingPath.at(-1) ?? '';
    label = heading && squash(first).includes(squash(heading)) ? heading : cutAtSentence(first, 80);
    sectionLabels.set(chunk, label);
  }
  return label;
}

/** ` [n]` after a cited statement ('' when the citation was refused). */
export function mark(n: number | null): string {
  return n === null ? '' : ` [${n}]`;
}

/** `- **Doc title** — Section [n]`. */
export function pointer(title: string, section: Section): string {
  return `- **${title}**${section.label !== title ? ` — ${section.label}` : ''}${mark(section.n)}`;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
