import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { evidenceOwner } from './evidence-store.js';
import { s3Evidence } from './s3-evidence.js';

// Presigning is local computation (SigV4 with the given credentials): no request leaves the machine.
const s3 = new S3Client({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});
const store = s3Evidence(s3, 'jiandu-evidence');
const sha256 = 'ab'.repeat(32);
const owner = evidenceOwner('officer-ds-a');
const now = Date.parse('2025-05-15T02:00:00Z');

describe('evidence in S3', () => {
  it('signs an upload bound to the uploader’s key (never the bare hash), its type and its SHA-256 checksum', async () => {
    const t = await store.signUpload({ owner, sha256, size: 2048, contentType: 'image/jpeg' }, now);
    const url = new URL(t.url);
    expect(url.pathname).toBe(`/evidence/${owner}/${sha256}`);
    expect(url.hostname).toContain('jiandu-evidence');
    expect(url.hostname).toContain('amazonaws.com.cn');
    const signed = url.searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
    expect(signed).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'x-amz-checksum-sha256', 'host']),
    );
    expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(t.headers).toEqual({
      'content-type': 'image/jpeg',
      'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
    });
    expect(t.expiresAt).toBe('2025-05-15T02:15:00.000Z');
  });

  it('signs a download that names the file in UTF-8', async () => {
    const t = await store.signDownload(
      { owner, sha256, fileName: '整改照片.jpg', contentType: 'image/jpeg' },
      now,
    );
    const url = new URL(t.url);
    expect(url.pathname).toBe(`/evidence/${owner}/${sha256}`);
    expect(url.searchParams.get('response-content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('整改照片.jpg')}`,
    );
    expect(url.searchParams.get('response-content-type')).toBe('image/jpeg');
    expect(t.method).toBe('GET');
    expect(url.searchParams.get('response-content-disposition')).toMatch(/^attachment; /);
    // 预览: inline for an image when asked; never for a type that can carry script.
    const disp = async (fileName: string, contentType: string) =>
      new URL(
        (await store.signDownload({ owner, sha256, fileName, contentType, inline: true }, now)).url,
      ).searchParams.get('response-content-disposition');
    expect(await disp('整改照片.jpg', 'image/jpeg')).toMatch(/^inline; /);
    expect(await disp('清单.pdf', 'application/pdf')).toMatch(/^inline; /);
    expect(await disp('x.svg', 'image/svg+xml')).toMatch(/^attachment; /);
    expect(await disp('x.html', 'text/html')).toMatch(/^attachment; /);
  });

  it('looks only in the asking owner’s folder, and never sends a key it did not build', async () => {
    const asked: string[] = [];
    const fake = {
      send: async (cmd: { input: { Key?: string } }) => {
        asked.push(String(cmd.input.Key));
        const e = Object.assign(new Error('NotFound'), { name: 'NotFound' });
        throw e;
      },
    } as unknown as S3Client;
    const probe = s3Evidence(fake, 'jiandu-evidence');
    expect(await probe.has({ owner, sha256 }, 2048)).toBe(false);
    expect(await probe.has({ owner: '../x', sha256 }, 2048)).toBe(false);
    expect(await probe.has({ owner, sha256: `${sha256}/../y` }, 2048)).toBe(false);
    expect(asked).toEqual([`evidence/${owner}/${sha256}`]);
  });
});
