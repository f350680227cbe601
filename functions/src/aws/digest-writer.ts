/**
 * The daily digest of all chain heads (DESIGN §5) where it cannot be rewritten: an object per run in the
 * S3 bucket with Object Lock in compliance mode (the bucket's default retention locks each version; not
 * even the account root can shorten it). The line is the one the local append-only file gets.
 */
import { PutObjectCommand, type PutObjectCommandOutput } from '@aws-sdk/client-s3';
import { formatInstant, localDateOf } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { JobResult } from '../jobs/index.js';
import { type BrokenLink, digestLine, type VerifyReport, verifyLedger } from '../services/verify.js';

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
 * The daily verify in AWS: every chain recomputed, the digest of the heads written to the locked bucket.
 * A broken chain does not stop the digest (the line records it); it is counted, logged and alarmed on.
 */
export async function verifyAndWriteDigest(
  deps: Deps,
  s3: S3Port,
  bucket: string,
  now: number,
): Promise<JobResult & { key: string; digest: string; broken: BrokenLink[] }> {
  const report = await verifyLedger(deps);
  const { key } = await writeDigest(s3, bucket, now, (await deps.scheme()).timeZone, report);
  return {
    job: 'verify-digest',
    counts: {
      records: report.records,
      events: report.events,
      heads: report.heads.length,
      brokenChains: report.broken.length,
    },
    key,
    digest: report.digest,
    broken: report.broken.slice(0, 10),
  };
}
