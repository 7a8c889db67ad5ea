import { type TSchema, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { GlossaryEntry } from '../core/types.js';
import type { ParsedDocument } from '../ingest/document.js';

/**
 * Schemas of the persisted records (docs.jsonl, glossary.json): an index whose JSON is valid but whose
 * records have the wrong shape (a chunk `null`, `commands` a string, `triggers` a number) is corrupt, and
 * is caught here on load instead of as a TypeError in the middle of a question.
 */
const Line = Type.Integer({ minimum: 0 });
const SourceRef = Type.Object({ path: Type.String(), line: Line });

const ChunkSchema = Type.Object({
  id: Type.String(),
  path: Type.String(),
  title: Type.String(),
  headingPath: Type.Array(Type.String()),
  lines: Type.Tuple([Line, Line]),
  kind: Type.Union(
    ['overview', 'traffic_path', 'diagnostics', 'troubleshooting', 'related', 'section'].map((kind) =>
      Type.Literal(kind),
    ),
  ),
  text: Type.String(),
  weight: Type.Number({ minimum: 0 }),
});

/** A lint finding as stored (records, summary, manifest). */
export const FindingSchema = Type.Object({
  file: Type.String(),
  line: Type.Integer(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  code: Type.String(),
  message: Type.String(),
});

export const DocRecordSchema = Type.Object({
  path: Type.String({ minLength: 1 }),
  title: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Number(),
  triggers: Type.Array(Type.String()),
  signals: Type.Optional(Type.Array(Type.String())),
  extra: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String({ minLength: 1 }),
  chunks: Type.Array(ChunkSchema),
  commands: Type.Array(
    Type.Object({
      command: Type.String(),
      purpose: Type.String(),
      safety: Type.Union([Type.Literal('read-only'), Type.Literal('mutating'), Type.Literal('unknown')]),
      safetyReason: Type.Optional(Type.String()),
      placeholders: Type.Array(Type.String()),
      source: SourceRef,
      chunkId: Type.String(),
    }),
  ),
  troubleshooting: Type.Array(
    Type.Object({
      symptom: Type.String(),
      cause: Type.String(),
      commands: Type.Array(Type.String()),
      fix: Type.String(),
      source: SourceRef,
      chunkId: Type.String(),
    }),
  ),
  findings: Type.Array(FindingSchema),
  links: Type.Array(Type.Object({ target: Type.String(), line: Line })),
});

export const GlossarySchema = Type.Array(
  Type.Object({
    terms: Type.Array(Type.String(), { minItems: 1 }),
    note: Type.Optional(Type.String()),
    exclusive: Type.Optional(Type.String()),
  }),
);

function compiled<T>(schema: TSchema): (value: unknown) => value is T {
  const check = TypeCompiler.Compile(schema);
  return (value: unknown): value is T => check.Check(value);
}

/** True when a record read back from disk is a complete, well-typed parsed document. */
export const isDocRecord = compiled<ParsedDocument>(DocRecordSchema);
export const isGlossary = compiled<GlossaryEntry[]>(GlossarySchema);

/**
 * Deep check beyond the shapes: every chunk belongs to the doc and is numbered in order (the searcher keys
 * chunks by id, and vectors by position).
 */
export function isConsistentDoc(value: unknown): value is ParsedDocument {
  if (!isDocRecord(value)) return false;
  return value.chunks.every(
    (chunk, ordinal) => chunk.path === value.path && chunk.id === `${value.path}#${ordinal}`,
  );
}

/**
 * Makes equal strings of one record one string: its path, title and chunk ids where chunks, commands and
 * troubleshooting rows repeat them, and repeated headings, command purposes and safety reasons. JSON.parse makes
 * a string per occurrence (for 5,040 docs, ~15 MB of copies). Values are unchanged.
 */
export function shareRecordStrings<T extends ParsedDocument>(doc: T): T {
  const pool = new Map<string, string>();
  const own = (value: string): string => {
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  };
  own(doc.path);
  own(doc.title);
  for (const chunk of doc.chunks) {
    chunk.id = own(chunk.id);
    chunk.path = own(chunk.path);
    chunk.title = own(chunk.title);
    chunk.headingPath = chunk.headingPath.map(own);
  }
  for (const command of doc.commands) {
    command.chunkId = own(command.chunkId);
    command.source.path = own(command.source.path);
    command.purpose = own(command.purpose);
    if (command.safetyReason !== undefined) command.safetyReason = own(command.safetyReason);
  }
  for (const row of doc.troubleshooting) {
    row.chunkId = own(row.chunkId);
    row.source.path = own(row.source.path);
  }
  return doc;
}
