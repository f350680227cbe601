/**
 * Evidence bytes go straight to storage on a short-lived signed URL (S3 in AWS, the local server in
 * development): the API signs, then the file is PUT with exactly the headers signed; downloads likewise.
 */
import type { SignedUrl } from '@jiandu/shared/api';
import { API, api } from '../../../lib/api.js';

export { sha256Hex, type UploadProgress, uploadEvidence } from '../../../api/evidence-upload.js';

/** Opens one evidence file of a rectification (a signed URL the browser downloads). */
export async function downloadEvidence(rectId: string, evidenceId: string): Promise<void> {
  const link = await api.get<SignedUrl>(
    `${API}/rectifications/${encodeURIComponent(rectId)}/evidence/${encodeURIComponent(evidenceId)}`,
  );
  const a = document.createElement('a');
  a.href = link.url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
