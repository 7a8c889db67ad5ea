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

const FindingSchema = Type.Object({
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
 * Points each chunk's path and title at the doc's own strings when they are equal. JSON.parse makes a string
 * per occurrence, so a record read back holds its path and title once per chunk (about 6 MB per 5,000 docs).
 */
export function shareRecordStrings<T extends ParsedDocument>(doc: T): T {
  for (const chunk of doc.chunks) {
    if (chunk.path === doc.path) chunk.path = doc.path;
    if (chunk.title === doc.title) chunk.title = doc.title;
  }
  return doc;
}
