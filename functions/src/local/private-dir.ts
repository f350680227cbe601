import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Owner only: directories rwx------, files rw------- (files without the owner's write bit r--------). */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const READ_ONLY_FILE_MODE = 0o400;

/**
 * Creates `dir` (and missing parents) mode 0700 and brings everything already under it to 0700 for
 * directories and 0600 for files, so files an older version left world-readable (0644) are closed at
 * start. A file its writer made read-only (a digest, 0444) stays read-only, for its owner only (0400).
 * Symbolic links are left alone, not followed.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  closeTree(dir);
}

function closeTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) {
        chmodSync(path, PRIVATE_DIR_MODE);
        closeTree(path);
      } else if (entry.isFile()) {
        const { mode } = lstatSync(path);
        const wanted = mode & 0o200 ? PRIVATE_FILE_MODE : READ_ONLY_FILE_MODE;
        if ((mode & 0o777) !== wanted) chmodSync(path, wanted);
      }
    } catch (error) {
      // Gone meanwhile (another process sharing DATA_DIR renamed a .part file): nothing left to close.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
