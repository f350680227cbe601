/**
 * Evidence files (整改佐证材料): the bytes live outside the table — in S3 in AWS, in a folder locally —
 * content-addressed by their SHA-256, so the same file uploaded twice is stored once and a record's
 * evidence entry (which carries the hash) names exactly the bytes it was given. The client uploads
 * straight to storage with a short-lived signed URL and downloads the same way; the API only signs,
 * after checking roles and (for downloads) that the caller may see the record the file belongs to.
 */
export interface UploadRequest {
  sha256: string;
  size: number;
  contentType: string;
}

export interface SignedUrl {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the request must carry exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface EvidenceStore {
  /** A URL the client PUTs the file's bytes to; storage refuses bytes of another hash or size. */
  signUpload(req: UploadRequest, now: number): Promise<SignedUrl>;
  /** A URL that answers the file, as an attachment with its original name. */
  signDownload(
    file: { sha256: string; fileName: string; contentType: string },
    now: number,
  ): Promise<SignedUrl>;
  /** Whether the bytes of this hash and size are stored (an evidence entry may only name stored bytes). */
  has(sha256: string, size: number): Promise<boolean>;
}

/** How long a signed URL stays valid. */
export const URL_TTL_SECONDS = 15 * 60;

export const expiresAt = (now: number) => new Date(now + URL_TTL_SECONDS * 1000).toISOString();

/** RFC 6266 / 5987: an attachment named in UTF-8 (Chinese file names), with an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
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
    has: async (sha256, size) => (await get()).has(sha256, size),
  };
}
