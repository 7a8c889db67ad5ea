import type { Chunk, DocRecord } from '../core/types.js';
import type { FusedHit } from '../retrieve/types.js';
import { type Block, blocks, chunkLines } from './source-text.js';

export interface PathQuote {
  chunk: Chunk;
  block: Block;
  /** The diagram's first non-blank line, trimmed: what the citation quotes. */
  quote: string;
  /** The whole fenced block, as shown. */
  text: string;
}

type Diagram = Omit<PathQuote, 'chunk'>;

/** Per chunk: its first diagram-like fenced block (not shell, YAML or JSON), or null. */
const diagrams = new WeakMap<Chunk, Diagram | null>();

function diagramOf(chunk: Chunk): Diagram | null {
  let diagram = diagrams.get(chunk);
  if (diagram === undefined) {
    const block = blocks(chunkLines(chunk)).find(
      (b) => b.kind === 'fence' && !/^(?:bash|sh|shell|console|zsh|yaml|yml|json)$/i.test(b.lang),
    );
    const inner = block?.lines.slice(1, -1).find((line) => line.trim() !== '');
    diagram = block ? { block, quote: inner?.trim() ?? '', text: block.lines.join('\n') } : null;
    diagrams.set(chunk, diagram);
  }
  return diagram;
}

/** The doc's traffic-path diagram: the first diagram-like fenced block of its `traffic_path` sections (hit ones first). */
export function trafficPath(doc: DocRecord, hits: readonly FusedHit[], maxLines: number): PathQuote | null {
  const pathChunks = doc.chunks.filter((chunk) => chunk.kind === 'traffic_path');
  if (pathChunks.length > 1) {
    const hitIds = new Set(hits.map((hit) => hit.chunk.id));
    pathChunks.sort((a, b) => Number(hitIds.has(b.id)) - Number(hitIds.has(a.id)));
  }
  for (const chunk of pathChunks) {
    const diagram = diagramOf(chunk);
    if (!diagram || diagram.block.lines.length > maxLines + 2 || diagram.quote === '') continue;
    return { chunk, ...diagram };
  }
  return null;
}
