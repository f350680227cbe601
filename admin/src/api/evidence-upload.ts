/**
 * Evidence bytes go straight to storage on a short-lived signed URL: the API signs, then the file is PUT
 * with exactly the headers signed. Shared by the features that attach files (rectifications, objections).
 */
import type { EvidenceUploadRequest, SignedUrl } from '@jiandu/shared/api';
import { API, api } from '../lib/api.js';
import { ApiError } from '../lib/api-client.js';

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Uploads one file; answers the metadata an `addEvidence` action carries. */
export async function uploadEvidence(file: File) {
  const sha256 = await sha256Hex(file);
  const contentType = (file.type || 'application/octet-stream').slice(0, 100);
  const request: EvidenceUploadRequest = { sha256, size: file.size, contentType };
  const ticket = await api.post<SignedUrl>(`${API}/evidence/uploads`, request);
  const res = await fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body: file });
  if (!res.ok) throw new ApiError(res.status, { code: 'evidence.uploadFailed', detail: await res.text() });
  return { fileName: file.name.slice(0, 200), contentType, size: file.size, sha256 };
}
