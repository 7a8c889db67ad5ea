import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Parses markdown (CommonMark + GFM tables) into mdast with source positions. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}
