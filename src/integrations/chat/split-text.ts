/**
 * Splits long chat text into pieces of at most `maxChars`, on line boundaries. A piece that ends inside a fenced
 * code block gets the fence closed, and the next piece reopens it with the same opener, so no channel shows a
 * half-open code block and no command line is cut. A single line longer than a piece is cut (at a space when
 * there is one) only as a last resort. Pure; channel-neutral (Slack sections, Teams text blocks).
 */

interface Fence {
  /** The opening line as written (```bash), repeated to reopen the block in the next piece. */
  opener: string;
  /** ``` or ~~~ (or longer): what closes it. */
  marker: string;
}

const OPENING = /^\s{0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING = /^\s{0,3}(`{3,}|~{3,})\s*$/;
/** Shortest piece a cut line part may be; below it a new piece starts instead. */
const MIN_PART = 8;

export function splitText(text: string, maxChars: number): string[] {
  if (maxChars < 64) throw new RangeError('maxChars must be at least 64');
  if (text.length <= maxChars) return [text];
  const pieces: string[] = [];
  let lines: string[] = [];
  let size = 0;
  let fence: Fence | null = null;

  const add = (line: string) => {
    size += (lines.length > 0 ? 1 : 0) + line.length;
    lines.push(line);
  };
  /** True when the piece holds nothing but the reopened fence (or nothing at all). */
  const empty = () => lines.length === (fence ? 1 : 0);
  const flush = () => {
    if (fence) add(fence.marker);
    pieces.push(lines.join('\n'));
    lines = [];
    size = 0;
    if (fence) add(fence.opener);
  };
  const room = (reserve: number) => maxChars - size - (lines.length > 0 ? 1 : 0) - reserve;

  for (const line of text.split('\n')) {
    const next = fenceAfter(fence, line);
    // Inside a fence after this line: keep room for the closing marker a flush would add.
    const reserve = next ? next.marker.length + 1 : 0;
    if (line.length > room(reserve) && !empty()) flush();
    if (line.length <= room(reserve)) {
      add(line);
      fence = next;
      continue;
    }
    let rest = line;
    while (rest.length > 0) {
      if (room(reserve) < MIN_PART && !empty()) flush();
      const space = Math.max(room(reserve), MIN_PART);
      let cut = rest.length;
      let skip = 0;
      if (rest.length > space) {
        cut = rest.lastIndexOf(' ', space);
        // Cut at a space: the space itself goes (the piece boundary stands for it).
        skip = cut >= space / 2 ? 1 : 0;
        if (skip === 0) cut = space;
      }
      add(rest.slice(0, cut));
      rest = rest.slice(cut + skip);
      if (rest.length > 0) flush();
    }
    fence = next;
  }
  if (!empty()) pieces.push(lines.join('\n'));
  return pieces;
}

function fenceAfter(fence: Fence | null, line: string): Fence | null {
  if (fence === null) {
    const open = OPENING.exec(line);
    return open?.[1] ? { opener: line.trim(), marker: open[1] } : null;
  }
  const close = CLOSING.exec(line);
  const marker = close?.[1];
  if (marker && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) return null;
  return fence;
}
