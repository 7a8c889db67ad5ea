import type { Stats } from 'node:fs';

/**
 * A file changed this recently (ms) may change again within its file system's timestamp granularity (up to 2 s on
 * some) without its stat showing it: its signature is not recorded, so the next ingest reads and hashes it.
 */
export const RACY_MS = 3000;

/**
 * What an incremental ingest compares instead of reading a file: size, modification and change times, inode.
 * Any write moves the change time (which cannot be set back), so an equal signature means the same content as
 * when it was recorded; null when the file changed too recently to tell (see RACY_MS). `now`: epoch ms.
 */
export function statSignature(
  info: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>,
  now: number,
): string | null {
  if (Math.max(info.mtimeMs, info.ctimeMs) > now - RACY_MS) return null;
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}
