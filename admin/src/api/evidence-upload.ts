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

/** Where an upload stands: hashing the file, sending its bytes (a percentage), done. */
export type UploadProgress = { phase: 'hashing' } | { phase: 'sending'; percent: number } | { phase: 'sent' };

/**
 * PUTs the bytes with XMLHttpRequest, whose upload events report progress (fetch has none for a request
 * body): the person sees the file going up instead of a greyed-out input for seconds.
 */
function put(ticket: SignedUrl, file: File, onProgress: (p: UploadProgress) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.url);
    for (const [k, v] of Object.entries(ticket.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        onProgress({ phase: 'sending', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status, { code: 'evidence.uploadFailed', detail: xhr.responseText }));
    xhr.onerror = () => reject(new ApiError(0, { code: 'evidence.uploadFailed' }));
    xhr.send(file);
  });
}

/** Uploads one file; answers the metadata an `addEvidence` action carries. */
export async function uploadEvidence(file: File, onProgress: (p: UploadProgress) => void = () => undefined) {
  onProgress({ phase: 'hashing' });
  const sha256 = await sha256Hex(file);
  const contentType = (file.type || 'application/octet-stream').slice(0, 100);
  const request: EvidenceUploadRequest = { sha256, size: file.size, contentType };
  const ticket = await api.post<SignedUrl>(`${API}/evidence/uploads`, request);
  onProgress({ phase: 'sending', percent: 0 });
  await put(ticket, file, onProgress);
  onProgress({ phase: 'sent' });
  return { fileName: file.name.slice(0, 200), contentType, size: file.size, sha256 };
}
