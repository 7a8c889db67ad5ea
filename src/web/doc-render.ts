/**
 * Renders one runbook as HTML for the doc view (`/docs/<path>`). Pure: markdown in, HTML out.
 *
 * Every top-level block carries its 1-based source lines (`data-lines="12-30"`) and every line of a code block
 * is its own element (`data-line="14"`), so the page can highlight exactly the cited lines. KB text is never
 * trusted: raw HTML in the markdown is shown as text (remark-rehype's `html` handler is replaced), links keep
 * only http(s), mailto, fragment and relative targets, and rehype-stringify escapes all text.
 */
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import type { Html } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface RenderedDoc {
  html: string;
  /** The first level-1 heading's text, or '' when there is none. */
  title: string;
}

/** Front-matter lines become blank lines, so the rendered blocks keep the file's line numbers. */
export function blankFrontMatter(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return markdown;
  const lines = match[0].split('\n').length - 1;
  return '\n'.repeat(lines) + markdown.slice(match[0].length);
}

const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}[^:/?#]*(?:[/?#]|$))/i;

/** A link inside the KB (`../dns/coredns.md#x`) points at that doc's view; anything with a scheme but http(s)/mailto is dropped. */
export function rewriteHref(href: string, docPath: string): string | null {
  const trimmed = href.trim();
  if (!SAFE_URL.test(trimmed) || /^[a-z][a-z0-9+.-]*:/i.test(trimmed.replace(/^(?:https?|mailto):/i, '')))
    return null;
  if (/^(?:https?:|mailto:|#|\/)/i.test(trimmed)) return trimmed;
  const [target = '', fragment] = trimmed.split('#', 2);
  if (!/\.mdx?$/i.test(target)) return trimmed;
  const base = docPath.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.' && part !== '') base.push(part);
  }
  return `/docs/${base.map(encodeURIComponent).join('/')}${fragment === undefined ? '' : `#${fragment}`}`;
}

function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root')
    return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

function lineSpans(code: string, firstLine: number): ElementContent[] {
  const lines = code.replace(/\n$/, '').split('\n');
  return lines.map((text, i) => ({
    type: 'element',
    tagName: 'span',
    properties: { className: ['line'], dataLine: String(firstLine + i) },
    children: [{ type: 'text', value: `${text}\n` }],
  }));
}

function decorate(tree: HastRoot, docPath: string): void {
  const visit = (node: Element): void => {
    if (node.tagName === 'a') {
      const href =
        typeof node.properties.href === 'string' ? rewriteHref(node.properties.href, docPath) : null;
      const properties: Properties = { ...node.properties, href: href ?? undefined };
      if (href && /^https?:/i.test(href)) properties.rel = ['noopener', 'noreferrer'];
      node.properties = properties;
    }
    if (node.tagName === 'img') {
      // Images would load from anywhere; show their alt text instead.
      node.tagName = 'span';
      node.properties = { className: ['img-alt'] };
      node.children = [{ type: 'text', value: `[${String(node.properties.alt ?? 'image')}]` }];
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const { start, end } = child.position ?? {};
    if (start && end) child.properties = { ...child.properties, dataLines: `${start.line}-${end.line}` };
    visit(child);
  }
}

export function renderDoc(markdown: string, docPath: string): RenderedDoc {
  const source = blankFrontMatter(markdown);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, {
      // Raw HTML in a runbook is shown as the text it is, never interpreted.
      handlers: {
        html: (_state, node: Html, parent): ElementContent =>
          parent?.type === 'root'
            ? {
                type: 'element',
                tagName: 'p',
                properties: { className: ['raw-html'] },
                children: [{ type: 'text', value: node.value }],
                ...(node.position ? { position: node.position } : {}),
              }
            : { type: 'text', value: node.value },
      },
    });
  const mdast = processor.parse(source);
  const hast = processor.runSync(mdast) as HastRoot;
  decorateFences(hast, source.split('\n'));
  decorate(hast, docPath);
  const h1 = hast.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'h1',
  );
  const html = unified().use(rehypeStringify).stringify(hast);
  return { html, title: h1 ? textOf(h1).trim() : '' };
}

/** Code blocks: one element per source line; the fence line itself is not code. */
function decorateFences(tree: HastRoot, lines: readonly string[]): void {
  const walk = (node: Element): void => {
    if (node.tagName === 'pre' && node.position) {
      const first = lines[node.position.start.line - 1] ?? '';
      const fenced = /^[\s>*+-]*(?:\d+[.)]\s*)?(?:```|~~~)/.test(first);
      const code = node.children.find((child): child is Element => child.type === 'element');
      if (code) {
        code.children = lineSpans(textOf(code), node.position.start.line + (fenced ? 1 : 0));
        code.properties = { ...code.properties, dataLined: 'true' };
      }
      return;
    }
    for (const child of node.children) if (child.type === 'element') walk(child);
  };
  for (const child of tree.children) if (child.type === 'element') walk(child);
}
