import { closest, distance } from 'fastest-levenshtein';
import type { Finding } from '../core/types.js';
import { FrontMatterSchema } from '../ingest/frontmatter.js';

export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(FrontMatterSchema.properties);

/** The front-matter block of a file as lines (index 0 = file line 2), or [] when there is none. */
export function frontMatterLines(source: string): string[] {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return [];
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*\r?$/.test(line));
  return close < 0 ? [] : lines.slice(1, close);
}

/** 1-based file line of a top-level front-matter key, or 1. */
export function keyLine(block: readonly string[], key: string): number {
  const index = block.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 2;
}

/** 1-based file line of a trigger in the front-matter (the `triggers:` line when it is not found). */
export function triggerLine(block: readonly string[], trigger: string): number {
  const start = Math.max(
    0,
    block.findIndex((line) => line.startsWith('triggers:')),
  );
  const index = block.findIndex((line, i) => i >= start && line.includes(trigger));
  return index < 0 ? keyLine(block, 'triggers') : index + 2;
}

/**
 * Keys netkb does not interpret are kept (as `extra`), so a typo (`categroy:`) silently drops the value.
 * Near-misses of a known key are warnings with a suggestion; other unknown keys are info.
 */
export function lintFrontMatterKeys(
  file: string,
  extraKeys: readonly string[],
  block: readonly string[],
): Finding[] {
  return extraKeys.map((key) => {
    const suggestion = closest(key.toLowerCase(), FRONT_MATTER_KEYS as string[]);
    const near = distance(key.toLowerCase(), suggestion) <= Math.max(1, Math.floor(suggestion.length / 3));
    return {
      file,
      line: keyLine(block, key),
      column: 1,
      severity: near ? 'warning' : 'info',
      code: 'frontmatter-unknown-key',
      message: near
        ? `Unknown front-matter key \`${key}\` (ignored): did you mean \`${suggestion}\`?`
        : `Unknown front-matter key \`${key}\` is kept as extra data; netkb reads only ${FRONT_MATTER_KEYS.join(', ')}`,
    } satisfies Finding;
  });
}
