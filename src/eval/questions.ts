import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { NetkbError } from '../core/errors.js';

export const QuestionSchema = Type.Object(
  {
    question: Type.String({ minLength: 1 }),
    docs: Type.Array(Type.String({ minLength: 1 })),
    abstain: Type.Optional(Type.Boolean()),
    /** Where the question comes from (an issue or forum URL), for real reports. */
    source: Type.Optional(Type.String({ minLength: 1 })),
    category: Type.Optional(Type.String({ minLength: 1 })),
    /** Must-have command prefixes: the answer hits when any returned command contains one (whitespace-folded). */
    commands: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Fact questions: text the direct answer must contain (case- and whitespace-folded). */
    text: Type.Optional(Type.String({ minLength: 1 })),
    /** Object names, IPs and ports the question presents: the only values a placeholder may be filled with. */
    names: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), Type.Number()]))),
  },
  { additionalProperties: false },
);
export type EvalQuestion = Static<typeof QuestionSchema>;

/**
 * Parses an eval set: a YAML list of {question, docs: [kb-relative paths], abstain?: true}.
 * An answerable question needs at least one doc; an abstain question lists none. Throws INVALID_FILE with the line.
 */
export function parseQuestions(file: string, text: string): EvalQuestion[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const fail = (offset: number | undefined, message: string): never => {
    const line = offset === undefined ? 1 : lineCounter.linePos(offset).line;
    throw new NetkbError('INVALID_FILE', `${file}:${line}: ${message}`);
  };
  if (document.errors[0])
    fail(document.errors[0].pos[0], `not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  if (!isSeq(document.contents)) fail(0, 'must be a YAML list of {question, docs, abstain?}');
  const items = isSeq(document.contents) ? document.contents.items : [];
  return items.map((item) => {
    const node = item as { range?: readonly number[] | null; toJSON?: () => unknown } | null;
    const value: unknown = node?.toJSON?.();
    if (!Value.Check(QuestionSchema, value)) {
      const error = [...Value.Errors(QuestionSchema, value)][0];
      return fail(
        node?.range?.[0],
        `entry must be {question: string, docs: string[], abstain?: boolean, source?, category?, commands?: string[], text?: string, names?: string[]} (${error?.path || '/'} ${error?.message ?? ''})`,
      );
    }
    if (value.abstain && value.docs.length > 0) fail(node?.range?.[0], 'an abstain question lists no docs');
    if (!value.abstain && value.docs.length === 0)
      fail(node?.range?.[0], 'an answerable question needs at least one doc');
    return value;
  });
}
