/**
 * Evidence files (整改佐证材料): the bytes live outside the table — in S3 in AWS, in a folder locally —
 * keyed by their uploader and their SHA-256 (`<owner>/<sha256>`), never by the bare hash: a record's
 * evidence entry (its hash and `by`) names exactly the bytes its uploader sent. Proof of possession
 * (issue 12, finding 5): an entry may only name bytes the caller uploaded themself, so knowing another
 * county's file hash attaches nothing, downloads nothing, and tells nothing of whether that file exists
 * (the caller's own folder is the only one ever looked in). The client uploads straight to storage with a
 * short-lived signed URL and downloads the same way; the API only signs, after checking roles and (for
 * downloads) that the caller may see the record that references the file.
 */
import { createHash } from 'node:crypto';
import { canPreview } from '@jiandu/shared';
import type { SignedUrl } from '@jiandu/shared/api';

/** Where a file is stored: its uploader's folder and its hash. */
export interface StoredFile {
  /** evidenceOwner of the uploader. */
  owner: string;
  sha256: string;
}

/** The folder of a person's uploads: an unkeyed digest of their id (path-safe, fixed length). */
export const evidenceOwner = (principalId: string): string =>
  createHash('sha256').update(`jiandu-evidence-owner\n${principalId}`, 'utf8').digest('hex').slice(0, 32);

export interface UploadRequest extends StoredFile {
  size: number;
  contentType: string;
}

/** A signed URL and what the request must carry (`@jiandu/shared/api`'s SignedUrl). */
export type { SignedUrl };

export interface EvidenceStore {
  /** A URL the client PUTs the file's bytes to; storage refuses bytes of another hash or size. */
  signUpload(req: UploadRequest, now: number): Promise<SignedUrl>;
  /**
   * A URL that answers the file with its original name: as an attachment, or — when `inline` is asked
   * and its type is previewable (an image or a PDF, `canPreview`) — shown in place.
   */
  signDownload(file: DownloadRequest, now: number): Promise<SignedUrl>;
  /** Whether this owner stored bytes of this hash and size (an evidence entry may only name those). */
  has(file: StoredFile, size: number): Promise<boolean>;
}

export interface DownloadRequest extends StoredFile {
  fileName: string;
  contentType: string;
  inline?: boolean;
}

/** How long a signed URL stays valid. */
export const URL_TTL_SECONDS = 15 * 60;

export const expiresAt = (now: number) => new Date(now + URL_TTL_SECONDS * 1000).toISOString();

/** RFC 6266 / 5987: an attachment named in UTF-8 (Chinese file names), with an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** RFC 6266: inline (预览) only for a previewable type; everything else stays a download. */
export function dispositionOf(file: Pick<DownloadRequest, 'fileName' | 'contentType' | 'inline'>): string {
  const name = attachment(file.fileName);
  return file.inline === true && canPreview(file.contentType) ? name.replace(/^attachment/, 'inline') : name;
}

/**
 * What a file shown in place may do: nothing but be itself — no script, no request anywhere, not framed
 * by another page; an image is also sandboxed (a PDF is not: the browser's viewer refuses a sandbox).
 */
export function previewPolicy(contentType: string): string {
  const base = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";
  return contentType.startsWith('image/') ? `${base}; sandbox` : base;
}

/**
 * An evidence store made on first use: the S3 client and presigner are loaded only when a request
 * touches evidence, not at every cold start of the API, and not at all in the jobs.
 */
export function lazyEvidence(make: () => Promise<EvidenceStore>): EvidenceStore {
  let store: Promise<EvidenceStore> | undefined;
  const get = () => {
    store ??= make().catch((e: unknown) => {
      store = undefined;
      throw e;
    });
    return store;
  };
  return {
    signUpload: async (req, now) => (await get()).signUpload(req, now),
    signDownload: async (file, now) => (await get()).signDownload(file, now),
    has: async (file, size) => (await get()).has(file, size),
  };
}
