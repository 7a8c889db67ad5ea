/** Independent readings of a KB source file, to check citations without using netkb's own parser. */

/** Whitespace-insensitive text (and GFM's escaped pipes unescaped), for "do these lines contain that quote". */
export const plain = (text: string) => text.replace(/\\\|/g, '|').replace(/\s+/g, '');

/** Heading at or above `line`, read from the file itself (front-matter and fenced code skipped). */
export function headingAbove(source: string, line: number): string {
  const lines = source.split('\n');
  let inFence: string | null = null;
  let inFront = lines[0]?.trim() === '---';
  let heading = '';
  for (let i = 0; i < line && i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (inFront) {
      if (i > 0 && text.trim() === '---') inFront = false;
      continue;
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence && (inFence === null || fence.startsWith(inFence))) {
      inFence = inFence === null ? fence : null;
      continue;
    }
    if (inFence !== null) continue;
    const match = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (match) heading = (match[1] ?? '').replace(/`/g, '').replace(/\*\*/g, '').trim();
  }
  return heading;
}
