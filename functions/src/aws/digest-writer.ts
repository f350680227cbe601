/**
 * The daily digest of all chain heads (DESIGN §5) where it cannot be rewritten: an object per run in the
 * S3 bucket with Object Lock in compliance mode (the bucket's default retention locks each version; not
 * even the account root can shorten it). The line is the one the local append-only file gets.
 */
import { PutObjectCommand, type PutObjectCommandOutput } from '@aws-sdk/client-s3';
import { formatInstant, localDateOf } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { JobResult } from '../jobs/index.js';
import { type BrokenLink, digestLine, type VerifyReport } from '../services/integrity/verify.js';
import { type VerifyMode, verifyForDigest } from '../services/integrity/verify-checkpoint.js';

export interface S3Port {
  send(command: PutObjectCommand): Promise<PutObjectCommandOutput>;
}

/** `digests/2025-05-15/2025-05-15T03:00:00+08:00.txt`: one folder per local day, one object per run. */
export const digestKey = (atMs: number, timeZone: string): string =>
  `digests/${localDateOf(atMs, timeZone)}/${formatInstant(atMs, timeZone)}.txt`;

export async function writeDigest(
  s3: S3Port,
  bucket: string,
  atMs: number,
  timeZone: string,
  report: VerifyReport,
): Promise<{ key: string; versionId?: string }> {
  const key = digestKey(atMs, timeZone);
  const r = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: digestLine(atMs, timeZone, report),
      ContentType: 'text/plain; charset=utf-8',
      // Object Lock needs an integrity checksum on every put.
      ChecksumAlgorithm: 'SHA256',
    }),
  );
  return { key, ...(r.VersionId ? { versionId: r.VersionId } : {}) };
}

/**
 * The daily verify in AWS: the chains recomputed — incrementally, only the records the change feed marked
 * since the last run, unless a full run is due (services/integrity/verify-checkpoint.ts) — and the digest of all
 * heads written to the locked bucket. A broken chain does not stop the digest (the line records it); it
 * is counted, logged and alarmed on. `mode` 'full' forces a full run.
 */
export async function verifyAndWriteDigest(
  deps: Deps,
  s3: S3Port,
  bucket: string,
  now: number,
  mode: VerifyMode | 'auto' = 'auto',
): Promise<JobResult & { key: string; digest: string; broken: BrokenLink[]; mode: VerifyMode }> {
  const run = await verifyForDigest(deps, now, { mode });
  const report = run.report;
  const { key } = await writeDigest(s3, bucket, now, (await deps.scheme()).timeZone, report);
  return {
    job: 'verify-digest',
    counts: {
      records: report.records,
      events: report.events,
      heads: report.heads.length,
      brokenChains: report.broken.length,
      recordsRead: run.changed,
      incremental: run.mode === 'incremental' ? 1 : 0,
    },
    mode: run.mode,
    key,
    digest: report.digest,
    broken: report.broken.slice(0, 10),
  };
}
