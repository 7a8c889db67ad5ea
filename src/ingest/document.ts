import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Code, Link, Root, Table } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Chunk, CommandRecord, DocRecord, Finding, TroubleshootingRow } from '../core/types.js';
import { type ChunkOptions, chunkTree, DEFAULT_CHUNK_OPTIONS } from './chunk.js';
import { extractCommands, findPlaceholders } from './commands.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseMarkdown } from './markdown.js';
import { changeMarkLine, commandSafety } from './safety.js';
import { chunkWeight, sectionKind } from './section-kind.js';
import { parseTroubleshootingTable } from './tables.js';

/** Bump when parsing output changes, so re-ingest re-parses unchanged files. */
export const PARSER_VERSION = 2;

export interface DocLink {
  /** Target path relative to the KB root (posix), anchor removed. */
  target: string;
  line: number;
}

export interface ParsedDocument extends DocRecord {
  links: DocLink[];
}

/** Parses one KB file. Pure: no I/O, never throws on bad content (problems become findings). */
export function parseDocument(
  path: string,
  source: string,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): ParsedDocument {
  return parseDocumentWithTree(path, source, options).doc;
}

/** parseDocument, also handing back the markdown tree (`netkb lint` checks it without parsing twice). */
export function parseDocumentWithTree(
  path: string,
  source: string,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): { doc: ParsedDocument; tree: Root } {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  const front = parseFrontMatter(path, text);
  const findings: Finding[] = [...front.findings];
  if (!front.hasFrontMatter && front.findings.length === 0) {
    findings.push({
      file: path,
      line: 1,
      severity: 'warning',
      code: 'frontmatter-missing',
      message: 'No front-matter: ingested with defaults (no triggers, no category, priority 0)',
    });
  }
  const tree = parseMarkdown(front.body);
  const priority = front.data.priority ?? 0;
  const title = front.data.title ?? firstHeading(tree) ?? posix.basename(path).replace(/\.mdx?$/i, '');

  const troubleTables = new Map<Table, ReturnType<typeof parseTroubleshootingTable>>();
  visit(tree, 'table', (table: Table) => {
    troubleTables.set(table, parseTroubleshootingTable(table));
  });

  const chunks: Chunk[] = chunkTree(tree, options).map((raw, ordinal) => {
    const hasTroubleTable = raw.nodes.some(
      (node) => node.type === 'table' && troubleTables.get(node as Table),
    );
    const kind = hasTroubleTable ? 'troubleshooting' : sectionKind(raw.headingPath);
    return {
      id: `${path}#${ordinal}`,
      path,
      title,
      headingPath: raw.headingPath,
      lines: raw.lines,
      kind,
      text: lines
        .slice(raw.lines[0] - 1, raw.lines[1])
        .join('\n')
        .trim(),
      weight: chunkWeight(kind, priority),
    };
  });
  if (chunks.length === 0) {
    findings.push({
      file: path,
      line: 1,
      severity: 'warning',
      code: 'document-empty',
      message: 'Document has no content',
    });
  }
  const chunkAt = (line: number): Chunk | undefined =>
    chunks.find((chunk) => chunk.lines[0] <= line && line <= chunk.lines[1]) ??
    [...chunks].reverse().find((chunk) => chunk.lines[0] <= line);
  const headingAt = (line: number): string => chunkAt(line)?.headingPath.at(-1) ?? '';

  const commands: CommandRecord[] = [];
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.line ?? 1;
    const end = node.position?.end.line ?? start;
    const opening = (lines[start - 1] ?? '').trimStart();
    const fence = /^(`{3,}|~{3,})/.exec(opening)?.[1];
    if (fence && !(lines[end - 1] ?? '').trim().startsWith(fence)) {
      findings.push({
        file: path,
        line: start,
        severity: 'warning',
        code: 'unclosed-fence',
        message: `Code fence ${fence} opened here is never closed; it runs to the end of the file`,
      });
    }
    const firstContentLine = fence ? start + 1 : start;
    const markedFrom = changeMarkLine(node.value, node.meta);
    for (const extracted of extractCommands(node.value, node.lang)) {
      const line = firstContentLine + extracted.lineOffset;
      commands.push(
        commandRecord(
          path,
          extracted.command,
          extracted.purpose || headingAt(line),
          line,
          chunkAt(line),
          markedFrom !== null && extracted.lineOffset >= markedFrom,
        ),
      );
    }
  });

  const troubleshooting: TroubleshootingRow[] = [];
  for (const rows of troubleTables.values()) {
    for (const row of rows ?? []) {
      const chunk = chunkAt(row.line);
      const linked: string[] = [];
      for (const code of row.commands) {
        const existing = commands.find((command) => sameCommand(command.command, code));
        if (existing) {
          linked.push(existing.command);
          continue;
        }
        const [extracted] = extractCommands(code, 'bash');
        if (!extracted) continue;
        const purpose = row.cause ? `${row.symptom}：${row.cause}` : row.symptom;
        commands.push(commandRecord(path, extracted.command, purpose, row.line, chunk, false));
        linked.push(extracted.command);
      }
      troubleshooting.push({
        symptom: row.symptom,
        cause: row.cause,
        commands: linked,
        fix: row.fix,
        source: { path, line: row.line },
        chunkId: chunk?.id ?? '',
      });
    }
  }
  commands.sort((a, b) => a.source.line - b.source.line);

  const doc: ParsedDocument = {
    path,
    title,
    category: front.data.category ?? null,
    priority,
    triggers: front.data.triggers?.map((trigger) => trigger.trim()) ?? [],
    // Only when written: records of docs without signals stay as they were.
    ...(front.data.signals ? { signals: front.data.signals.map((signal) => signal.trim()) } : {}),
    extra: front.extra,
    hash: contentHash(source),
    chunks,
    commands,
    troubleshooting,
    findings: findings.sort((a, b) => a.line - b.line),
    links: relativeLinks(tree, path),
  };
  return { doc, tree };
}

export function contentHash(source: string): string {
  return createHash('sha256').update(`netkb-parser-${PARSER_VERSION}\0`).update(source).digest('hex');
}

function commandRecord(
  path: string,
  command: string,
  purpose: string,
  line: number,
  chunk: Chunk | undefined,
  markedAsChange: boolean,
): CommandRecord {
  const verdict = commandSafety(command, markedAsChange);
  return {
    command,
    purpose,
    safety: verdict.safety,
    ...(verdict.reason ? { safetyReason: verdict.reason } : {}),
    placeholders: findPlaceholders(command),
    source: { path, line },
    chunkId: chunk?.id ?? '',
  };
}

function sameCommand(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function firstHeading(tree: Root): string | undefined {
  let best: { depth: number; text: string } | undefined;
  visit(tree, 'heading', (node) => {
    if (!best || node.depth < best.depth) best = { depth: node.depth, text: mdastToString(node).trim() };
    return node.depth === 1 ? false : undefined;
  });
  return best?.text || undefined;
}

function relativeLinks(tree: Root, path: string): DocLink[] {
  const links: DocLink[] = [];
  visit(tree, 'link', (node: Link) => {
    const url = node.url.trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('/')) return;
    const target = decodeURI(url.split('#')[0] ?? '');
    if (!/\.mdx?$/i.test(target)) return;
    links.push({
      target: posix.normalize(posix.join(posix.dirname(path), target)),
      line: node.position?.start.line ?? 1,
    });
  });
  return links;
}
