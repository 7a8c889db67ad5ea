import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { NetkbError } from '../core/errors.js';
import type { Finding } from '../core/types.js';

const DOC_FILE = /\.mdx?$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface KbListing {
  /** Markdown files as posix paths relative to the KB root, sorted. */
  files: string[];
  /** Entries that were not read: symlinks leaving the KB, dangling links, unreadable folders. */
  findings: Finding[];
}

/**
 * Lists the KB's markdown files as posix paths relative to the KB root, sorted.
 * Skips dot-folders, node_modules and the KB root's own README.md (it describes the KB, it is not a runbook).
 */
export async function listKbFiles(kbDir: string): Promise<string[]> {
  return (await scanKb(kbDir)).files;
}

/**
 * `listKbFiles` with what it left out. Symlinks are followed only when their target is inside the KB
 * (a link out of it is a finding, never a read); a folder reached twice through links is walked once.
 */
export async function scanKb(kbDir: string): Promise<KbListing> {
  const info = await stat(kbDir).catch(() => null);
  if (!info?.isDirectory())
    throw new NetkbError('KB_NOT_FOUND', `Knowledge-base directory not found: ${kbDir}`);
  const root = await realpath(kbDir);
  const files: string[] = [];
  const findings: Finding[] = [];
  const walked = new Set<string>([root]);
  const posixPath = (full: string) => relative(kbDir, full).split(sep).join('/');
  const skip = (full: string, code: string, message: string) =>
    findings.push({ file: posixPath(full), line: 1, severity: 'error', code, message });

  // The walk is in order, one folder at a time, but each folder's subfolders are listed ahead (concurrently) as
  // soon as it is read: hundreds of folders no longer wait on one another's reads. A folder's real path is its
  // parent's plus its name unless it is a link: only links are resolved.
  const ahead = new Map<string, Promise<Dirent[]>>();
  const listAhead = (dir: string) => {
    const listing = readdir(dir, { withFileTypes: true });
    listing.catch(() => {}); // awaited by the walk, which reports a failure
    ahead.set(dir, listing);
  };
  const list = (dir: string): Promise<Dirent[]> => {
    const listing = ahead.get(dir);
    ahead.delete(dir);
    return listing ?? readdir(dir, { withFileTypes: true });
  };
  const walk = async (dir: string, realDir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await list(dir);
      for (const entry of entries)
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name))
          listAhead(join(dir, entry.name));
    } catch (error) {
      skip(dir, 'dir-unreadable', `Folder cannot be read: ${(error as NodeJS.ErrnoException).code}`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let real = join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (target === null) {
          if (DOC_FILE.test(entry.name)) skip(full, 'symlink-dangling', 'Symbolic link points nowhere');
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          skip(full, 'symlink-outside-kb', 'Symbolic link leads out of the KB directory: not followed');
          continue;
        }
        const targetInfo = await stat(target).catch(() => null);
        isDirectory = targetInfo?.isDirectory() ?? false;
        isFile = targetInfo?.isFile() ?? false;
        real = target;
      }
      if (isDirectory) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (walked.has(real)) continue; // a link cycle, or a folder already listed under its own name
        walked.add(real);
        await walk(full, real);
      } else if (isFile && DOC_FILE.test(entry.name)) {
        files.push(posixPath(full));
      }
    }
  };
  await walk(kbDir, root);
  ahead.clear();
  const docs = files.filter((file) => file.toLowerCase() !== 'readme.md').sort();
  if (docs.length === 0) throw new NetkbError('KB_EMPTY', `No markdown files (*.md, *.mdx) under ${kbDir}`);
  return { files: docs, findings };
}
