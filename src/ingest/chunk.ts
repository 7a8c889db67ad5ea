import type { Heading, List, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';

export interface RawChunk {
  headingPath: string[];
  /** 1-based inclusive. */
  lines: [number, number];
  /** Top-level mdast nodes inside the chunk (the heading excluded). */
  nodes: RootContent[];
}

export interface ChunkOptions {
  /** Soft size limit: a section longer than this splits at block boundaries. */
  maxChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 1500 };

interface Block {
  node: RootContent;
  start: number;
  end: number;
  chars: number;
}

/**
 * Splits a document into heading-aware chunks: one per section (heading + body up to the next heading of
 * any depth), long sections split between blocks. Blocks (code, tables, paragraphs) are never cut; a list
 * too long for one chunk splits between its items. A doc without headings splits by paragraphs the same way.
 */
export function chunkTree(tree: Root, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): RawChunk[] {
  const chunks: RawChunk[] = [];
  const stack: Array<{ depth: number; text: string }> = [];
  let headingLine: number | null = null;
  let blocks: Block[] = [];

  const flush = () => {
    if (blocks.length > 0) {
      chunks.push(
        ...splitSection(
          stack.map((h) => h.text),
          headingLine,
          blocks,
          options.maxChars,
        ),
      );
    }
    blocks = [];
  };

  for (const node of tree.children) {
    if (!node.position) continue;
    if (node.type === 'heading') {
      flush();
      const heading = node as Heading;
      while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
      stack.push({ depth: heading.depth, text: mdastToString(heading).trim() });
      headingLine = node.position.start.line;
      continue;
    }
    if (node.type === 'yaml' || node.type === 'definition') continue;
    blocks.push(...toBlocks(node, options.maxChars));
  }
  flush();
  return chunks;
}

function toBlocks(node: RootContent, maxChars: number): Block[] {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  const chars = (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);
  if (node.type === 'list' && chars > maxChars) {
    return (node as List).children.map((item) => ({
      node: { ...(node as List), children: [item] },
      start: item.position?.start.line ?? start,
      end: item.position?.end.line ?? end,
      chars: (item.position?.end.offset ?? 0) - (item.position?.start.offset ?? 0),
    }));
  }
  return [{ node, start, end, chars }];
}

function splitSection(
  headingPath: string[],
  headingLine: number | null,
  blocks: Block[],
  maxChars: number,
): RawChunk[] {
  const chunks: RawChunk[] = [];
  let current: Block[] = [];
  let size = 0;
  const emit = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (!first || !last) return;
    const start = chunks.length === 0 && headingLine !== null ? headingLine : first.start;
    chunks.push({
      headingPath: [...headingPath],
      lines: [start, last.end],
      nodes: current.map((b) => b.node),
    });
    current = [];
    size = 0;
  };
  for (const block of blocks) {
    if (current.length > 0 && size + block.chars > maxChars) emit();
    current.push(block);
    size += block.chars;
  }
  emit();
  return chunks;
}
