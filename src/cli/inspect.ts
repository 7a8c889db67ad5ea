import { readIndex } from '../index/store.js';
import { parseFlags, stringFlag } from './args.js';
import { OUTPUT_FLAGS, outputFormat, writeStructured } from './output.js';

export const INSPECT_USAGE = 'netkb inspect --index DIR [-o text|json|yaml] [--json]';

/** The `netkb inspect --json` shape (a CLI contract). */
export async function runInspect(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { index: { type: 'string' }, ...OUTPUT_FLAGS }, ['index']);
  const format = outputFormat(values);
  const index = await readIndex(stringFlag(values, 'index'), { loadHnsw: false });
  const report = {
    docs: index.docs.map((doc) => ({
      path: doc.path,
      title: doc.title,
      category: doc.category,
      priority: doc.priority,
      triggers: doc.triggers,
      chunks: doc.chunks.length,
      commands: doc.commands.length,
    })),
    chunks: index.docs.flatMap((doc) =>
      doc.chunks.map((chunk) => ({
        id: chunk.id,
        path: chunk.path,
        heading_path: chunk.headingPath,
        lines: chunk.lines,
        kind: chunk.kind,
      })),
    ),
    commands: index.docs.flatMap((doc) =>
      doc.commands.map(({ command, purpose, safety, placeholders, source }) => ({
        command,
        purpose,
        safety,
        placeholders,
        source,
      })),
    ),
  };
  if (!writeStructured(format, report)) {
    process.stdout.write(`index generation ${index.generation}, vectors ${index.manifest.vectors}\n`);
    for (const doc of report.docs) {
      process.stdout.write(
        `${doc.path}  [${doc.category ?? '-'} p${doc.priority}]  ${doc.chunks} chunks, ${doc.commands} commands  ${doc.title}\n`,
      );
    }
    process.stdout.write(
      `${report.docs.length} docs, ${report.chunks.length} chunks, ${report.commands.length} commands\n`,
    );
  }
  return 0;
}
