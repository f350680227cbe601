/**
 * Evidence in S3 (AWS): presigned PUT with the object's SHA-256 as a signed checksum header, so S3 itself
 * refuses bytes that do not hash to the name; presigned GET with the attachment disposition (inline for a previewable image or PDF). The bucket
 * (KMS, versioning, public access blocked, TLS only) is the CDK stack's.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  dispositionOf,
  type EvidenceStore,
  expiresAt,
  type StoredFile,
  URL_TTL_SECONDS,
} from './evidence-store.js';

/** The uploader's folder, then the hash: never the bare hash (evidence-store.ts). */
const keyOf = (f: StoredFile) => `evidence/${f.owner}/${f.sha256}`;
const OWNER = /^[0-9a-f]{32}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const base64Of = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

export function s3Evidence(s3: S3Client, bucket: string): EvidenceStore {
  return {
    async signUpload(req, now) {
      const checksum = base64Of(req.sha256);
      const url = await getSignedUrl(
        s3,
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(req),
          ContentType: req.contentType,
          ContentLength: req.size,
          ChecksumSHA256: checksum,
        }),
        {
          expiresIn: URL_TTL_SECONDS,
          // Signed as headers the browser must send (with the length it sends anyway), not query values:
          // S3 then checks the bytes against the checksum, and the size against the signed length.
          signableHeaders: new Set(['content-type', 'x-amz-checksum-sha256']),
          unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
        },
      );
      return {
        url,
        method: 'PUT',
        headers: { 'content-type': req.contentType, 'x-amz-checksum-sha256': checksum },
        expiresAt: expiresAt(now),
      };
    },
    async signDownload(file, now) {
      const url = await getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: bucket,
          Key: keyOf(file),
          // Inline only for an image or a PDF (dispositionOf). The bucket is not the app's origin, and
          // nothing that can carry script is ever inline, so a preview runs nothing where the app runs.
          ResponseContentDisposition: dispositionOf(file),
          ResponseContentType: file.contentType,
        }),
        { expiresIn: URL_TTL_SECONDS },
      );
      return { url, method: 'GET', headers: {}, expiresAt: expiresAt(now) };
    },
    async has(file, size) {
      if (!OWNER.test(file.owner) || !SHA256.test(file.sha256)) return false;
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(file) }));
        return head.ContentLength === size;
      } catch (e) {
        const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404) return false;
        throw e;
      }
    },
  };
}
