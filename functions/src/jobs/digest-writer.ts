/**
 * Where the daily digest of all chain heads is kept (DESIGN §5): one document per local day that is
 * never rewritten — locally `<DATA_DIR>/digests/<date>.json`, created exclusively (a second run of the
 * day finds it and changes nothing) and read-only, for its owner alone (0400); in AWS the verify-digest function writes the same
 * digest to the Object Lock bucket (aws/digest-writer.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DailyDigest {
  /** The local day the digest is for. */
  date: string;
  /** When it was computed (ISO instant in the scheme's zone). */
  at: string;
  /** SHA-256 over every chain head (ledger digestOfHeads). */
  digest: string;
  heads: number;
  records: number;
  events: number;
  /** Chains that did not verify (named in the verify report; counted here). */
  broken: number;
}

export interface DigestWriter {
  /** Keeps the day's digest; `written` false when the day already has one (it is not replaced). */
  write(d: DailyDigest): Promise<{ where: string; written: boolean }>;
}

export function localDigestWriter(dir: string): DigestWriter {
  return {
    async write(d) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const where = join(dir, `${d.date}.json`);
      try {
        await writeFile(where, `${JSON.stringify(d, null, 2)}\n`, { flag: 'wx', mode: 0o400 });
        return { where, written: true };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { where, written: false };
        throw e;
      }
    },
  };
}
