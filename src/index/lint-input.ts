import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetkbError } from '../core/errors.js';
import { GLOSSARY_FILE, parseGlossary } from '../ingest/glossary-file.js';
import type { LintInput } from '../lint/lint-kb.js';
import { TAXONOMY_FILE } from '../lint/taxonomy.js';
import { listKbFiles } from './kb-files.js';

const BUNDLED_GLOSSARY = fileURLToPath(new URL(`../../kb/${GLOSSARY_FILE}`, import.meta.url));

/** Reads everything `netkb lint` looks at: the docs ingest would read, the other files, glossary and taxonomy. */
export async function readLintInput(kbDir: string): Promise<LintInput> {
  const paths = await listKbFiles(kbDir);
  const docs = await Promise.all(
    paths.map(async (path) => ({ path, source: await readFile(join(kbDir, path), 'utf8') })),
  );
  const docSet = new Set(paths);
  const otherFiles = (await allFiles(kbDir)).filter((file) => !docSet.has(file));
  const glossary = await readOptional(join(kbDir, GLOSSARY_FILE));
  const bundled = glossary === null ? await readOptional(BUNDLED_GLOSSARY) : null;
  return {
    docs,
    otherFiles,
    glossary,
    fallbackGlossary: bundled === null ? [] : parseGlossary(GLOSSARY_FILE, bundled).entries,
    taxonomy: await readOptional(join(kbDir, TAXONOMY_FILE)),
  };
}

async function allFiles(kbDir: string): Promise<string[]> {
  const entries = await readdir(kbDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(kbDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules'));
}

async function readOptional(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new NetkbError('INVALID_FILE', `Cannot read ${file}: ${error.message}`);
  });
}
