/** Uploads bytes as evidence through the API the way a client does: a signed URL, then a PUT. */
import { createHash } from 'node:crypto';
import type { Harness } from './harness.js';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export async function uploadEvidence(
  h: Harness,
  token: string,
  bytes: Uint8Array,
  fileName = '发放清单.pdf',
  contentType = 'application/pdf',
): Promise<UploadedFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ticket = await h.call('POST', '/api/v1/evidence/uploads', {
    token,
    body: { sha256, size: bytes.length, contentType },
  });
  if (ticket.status !== 200) throw new Error(`upload ticket: ${ticket.status} ${await ticket.text()}`);
  const { url, method, headers } = (await ticket.json()) as {
    url: string;
    method: string;
    headers: Record<string, string>;
  };
  const put = await h.app.request(url, { method, headers, body: bytes });
  if (put.status !== 201 && put.status !== 200) throw new Error(`upload: ${put.status} ${await put.text()}`);
  return { fileName, contentType, size: bytes.length, sha256 };
}
