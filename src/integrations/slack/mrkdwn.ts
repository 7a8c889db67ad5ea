/**
 * Markdown (as the KB writes it) → Slack mrkdwn. Slack needs `&`, `<`, `>` escaped everywhere (it shows the
 * entities as the characters, also inside code, so copied commands stay clean); `**b**` → `*b*`, `*i*`/`_i_` →
 * `_i_`, `~~s~~` → `~s~`, `[text](url)` → `<url|text>`, headings → bold lines. Code spans and fenced blocks are
 * only escaped, never reformatted. Pure.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(line)) {
      // Slack has no language tags on fences: the opener is bare ```.
      out.push('```');
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(escapeMrkdwn(line));
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    out.push(heading ? `*${inlineMrkdwn(heading[1] ?? '')}*` : inlineMrkdwn(line));
  }
  return out.join('\n');
}

/** One line of markdown as mrkdwn (code spans kept verbatim apart from escaping). */
export function inlineMrkdwn(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : inlineOutsideCode(part)))
    .join('');
}

function inlineOutsideCode(text: string): string {
  const links: string[] = [];
  // Links first, with a placeholder, so their text and url are not touched by the emphasis rules.
  const withoutLinks = text.replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => {
    const safeUrl = url.replace(/[|<>]/g, encodeURIComponent);
    links.push(label ? `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>` : `<${safeUrl}>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return (
    escapeMrkdwn(withoutLinks)
      // Italic first (single markers), so the bold rewrite's `*` is not read as italic afterwards.
      .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1_$2_')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '*$2*')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits the link placeholders set above.
      .replace(/\u0000(\d+)\u0000/g, (_m, n: string) => links[Number(n)] ?? '')
  );
}
