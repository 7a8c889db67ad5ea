/**
 * Markdown → plain text for notification fallbacks and channels without markup: emphasis markers dropped,
 * links as `text (url)`, inline code unquoted, headings and block quotes unmarked. Fenced code keeps its lines
 * (without the fences). Pure; channel-neutral.
 */

export function markdownToPlain(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(line)) {
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? line : inlinePlain(line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s{0,3}>\s?/, '')));
  }
  return out.join('\n');
}

/** One line of markdown without its inline markup. */
export function inlinePlain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) =>
      label ? `${label} (${url})` : url,
    )
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1');
}

/** `text` cut to at most `max` characters (whole code points), with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|\||#{1,6}\s|>|`{3,}|~{3,})/;
const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Joins the hard-wrapped lines of markdown paragraphs (a single newline is a soft break in markdown, but a
 * line break in chat apps): with no space between Chinese characters, with one otherwise. Lists, tables,
 * headings, quotes and fenced code keep their lines.
 */
export function reflowParagraphs(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  let joinable = false;
  for (const line of markdown.split('\n')) {
    const fence = /^\s{0,3}(?:`{3,}|~{3,})/.test(line);
    const plain = !inFence && !fence && line.trim().length > 0 && !BLOCK_START.test(line);
    const last = out.length - 1;
    if (plain && joinable && last >= 0) {
      const previous = out[last] as string;
      const next = line.trim();
      out[last] =
        CJK_END.test(previous) && CJK_START.test(next) ? `${previous}${next}` : `${previous} ${next}`;
    } else {
      out.push(line);
    }
    if (fence) inFence = !inFence;
    joinable = plain;
  }
  return out.join('\n');
}
