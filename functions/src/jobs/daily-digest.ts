/**
 * The daily digest of chain heads (DESIGN §5): every hash chain recomputed (services/integrity/verify.ts), the
 * digest of all heads kept for the day by deps.digests, once — a second run the same day finds the
 * day's digest and leaves it. Without a digest writer (a stack that keeps it elsewhere) it is skipped.
 */
import { formatInstant, localDateOf } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { verifyLedger } from '../services/integrity/verify.js';
import type { JobContext, JobResult } from './job.js';

export async function dailyDigest(deps: Deps, { now }: JobContext): Promise<JobResult> {
  if (!deps.digests) return { job: 'daily-digest', counts: { skipped: 1 } };
  const tz = (await deps.scheme()).timeZone;
  const report = await verifyLedger(deps);
  const { written } = await deps.digests.write({
    date: localDateOf(now, tz),
    at: formatInstant(now, tz),
    digest: report.digest,
    heads: report.heads.length,
    records: report.records,
    events: report.events,
    broken: report.broken.length,
  });
  return {
    job: 'daily-digest',
    counts: {
      records: report.records,
      heads: report.heads.length,
      brokenChains: report.broken.length,
      written: written ? 1 : 0,
      alreadyWritten: written ? 0 : 1,
    },
  };
}
