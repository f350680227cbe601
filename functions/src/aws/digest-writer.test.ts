import type { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { digestKey, type S3Port, verifyAndWriteDigest } from './digest-writer.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2025-05-15T19:00:00Z') });
});
afterAll(() => h.close());

function fakeS3() {
  const puts: PutObjectCommand['input'][] = [];
  const s3: S3Port = {
    async send(command) {
      puts.push(command.input);
      return { $metadata: {}, VersionId: `v${puts.length}` };
    },
  };
  return { s3, puts };
}

describe('the daily digest in AWS', () => {
  it('names one object per run under the local day of the scheme time zone', () => {
    expect(digestKey(Date.parse('2025-05-15T19:00:00Z'), 'Asia/Shanghai')).toBe(
      'digests/2025-05-16/2025-05-16T03:00:00+08:00.txt',
    );
  });

  it('verifies every chain and writes the digest line of the heads to the locked bucket, with a checksum', async () => {
    // The harness's units are records with chains of their own.
    const { s3, puts } = fakeS3();
    const run = await verifyAndWriteDigest(h.deps, s3, 'digests-bucket', h.deps.clock());
    expect(run).toMatchObject({
      job: 'verify-digest',
      key: 'digests/2025-05-16/2025-05-16T03:00:00+08:00.txt',
      broken: [],
      counts: { brokenChains: 0 },
    });
    expect(run.counts.heads).toBeGreaterThan(0);
    expect(puts).toEqual([
      {
        Bucket: 'digests-bucket',
        Key: run.key,
        Body: `2025-05-16T03:00:00+08:00\tsha256:${run.digest}\theads:${run.counts.heads}\tverified\n`,
        ContentType: 'text/plain; charset=utf-8',
        ChecksumAlgorithm: 'SHA256',
      },
    ]);
  });
});
