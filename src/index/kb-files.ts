import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { NetkbError } from '../core/errors.js';

const DOC_FILE = /\.mdx?$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Lists the KB's markdown files as posix paths relative to the KB root, sorted.
 * Skips dot-folders, node_modules and the KB root's own README.md (it describes the KB, it is not a runbook).
 */
export async function listKbFiles(kbDir: string): Promise<string[]> {
  const info = await stat(kbDir).catch(() => null);
  if (!info?.isDirectory())
    throw new NetkbError('KB_NOT_FOUND', `Knowledge-base directory not found: ${kbDir}`);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile() && DOC_FILE.test(entry.name)) {
        files.push(relative(kbDir, full).split(sep).join('/'));
      }
    }
  };
  await walk(kbDir);
  const docs = files.filter((file) => file.toLowerCase() !== 'readme.md').sort();
  if (docs.length === 0) throw new NetkbError('KB_EMPTY', `No markdown files (*.md, *.mdx) under ${kbDir}`);
  return docs;
}
