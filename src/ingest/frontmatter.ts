import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import matter from 'gray-matter';
import type { Finding } from '../core/types.js';

/** The keys netkb interprets; anything else is kept as `extra`. */
export const FrontMatterSchema = Type.Object({
  triggers: Type.Optional(Type.Array(Type.String({ minLength: 1, pattern: '\\S' }))),
  signals: Type.Optional(Type.Array(Type.String({ minLength: 1, pattern: '\\S' }))),
  category: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' })),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  title: Type.Optional(Type.String({ minLength: 1 })),
});
export type FrontMatter = Static<typeof FrontMatterSchema>;

const KNOWN_KEYS = new Set(Object.keys(FrontMatterSchema.properties));

export interface FrontMatterResult {
  data: FrontMatter;
  extra: Record<string, unknown>;
  /** Source text with the front-matter block blanked out, so line numbers stay those of the file. */
  body: string;
  hasFrontMatter: boolean;
  findings: Finding[];
}

const OPEN = /^---[ \t]*\r?$/;

/**
 * Splits and validates front-matter. Never throws: a broken block yields error findings and defaults,
 * so one bad file never stops the rest of the KB from ingesting.
 */
export function parseFrontMatter(file: string, source: string): FrontMatterResult {
  const lines = source.split('\n');
  if (!OPEN.test(lines[0] ?? '')) {
    return { data: {}, extra: {}, body: source, hasFrontMatter: false, findings: [] };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*\r?$/.test(line));
  if (close < 0) {
    const finding = err(file, 1, 'frontmatter-unclosed', 'Front-matter opened with `---` is never closed');
    return { data: {}, extra: {}, body: source, hasFrontMatter: false, findings: [finding] };
  }
  const body = [...lines.slice(0, close + 1).map(() => ''), ...lines.slice(close + 1)].join('\n');
  const blockLines = lines.slice(1, close);

  let raw: unknown;
  try {
    // Passing options turns off gray-matter's global cache, which would hand out shared objects.
    raw = matter(lines.slice(0, close + 1).join('\n'), {}).data;
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const finding = err(file, line, 'frontmatter-yaml', `Front-matter is not valid YAML: ${reason}`);
    return { data: {}, extra: {}, body, hasFrontMatter: true, findings: [finding] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const finding = err(file, 1, 'frontmatter-type', 'Front-matter must be a YAML mapping');
    return { data: {}, extra: {}, body, hasFrontMatter: true, findings: [finding] };
  }

  const record = raw as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!KNOWN_KEYS.has(key)) {
      extra[key] = value;
      continue;
    }
    const schema = FrontMatterSchema.properties[key as keyof FrontMatter];
    if (Value.Check(schema, value)) {
      data[key] = value;
    } else {
      const line = keyLine(blockLines, key);
      findings.push(err(file, line, `frontmatter-${key}`, describeInvalid(key, value)));
    }
  }
  return { data: data as FrontMatter, extra, body, hasFrontMatter: true, findings };
}

function describeInvalid(key: string, value: unknown): string {
  const got = `got ${JSON.stringify(value)}`;
  switch (key) {
    case 'triggers':
      return `\`triggers\` must be a list of non-empty strings; ${got}`;
    case 'signals':
      return `\`signals\` must be a list of non-empty strings; ${got}`;
    case 'category':
      return `\`category\` must be a snake_case string such as pod_to_external; ${got}`;
    case 'priority':
      return `\`priority\` must be an integer from 0 to 100 (higher wins); ${got}`;
    default:
      return `\`${key}\` must be a non-empty string; ${got}`;
  }
}

/** 1-based file line of a top-level key (line 1 is the opening `---`). */
function keyLine(blockLines: string[], key: string): number {
  const index = blockLines.findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 2;
}

function err(file: string, line: number, code: string, message: string): Finding {
  return { file, line, severity: 'error', code, message };
}
