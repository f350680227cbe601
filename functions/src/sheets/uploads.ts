/**
 * Uploaded spreadsheets kept for a week, so an import's report can offer the same file back with a
 * problem column (DESIGN §7). Not a record: a scratch copy with a TTL, in chunks under DynamoDB's
 * 400 KB item size (in AWS, a bucket with a lifecycle rule could hold it instead; the table keeps the
 * local stack and the cloud alike). Only its uploader may read it back.
 */
import type { Deps } from '../app/deps.js';
import { notFound } from '../app/edge-error.js';
import type { Principal } from '../auth/principal.js';
import { keys, partitions } from '../store/keys.js';
import { TABLE } from '../store/table.js';
import { putItem, readPartition } from '../store/table-ops.js';

const CHUNK_BYTES = 300 * 1024;
const KEEP_SECONDS = 7 * 24 * 3600;

export interface UploadMeta {
  id: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
  size: number;
  chunks: number;
}

export async function keepUpload(
  deps: Deps,
  p: Principal,
  bytes: Uint8Array,
  fileName: string,
  uploadedAt: string,
): Promise<UploadMeta> {
  const id = deps.newId();
  const ttl = Math.floor(deps.clock() / 1000) + KEEP_SECONDS;
  const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  for (let n = 0; n < chunks; n++) {
    const part = bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES);
    await putItem(deps, { ...keys.uploadChunk(id, n), bytes: Buffer.from(part), [TABLE.ttlAttribute]: ttl });
  }
  const meta: UploadMeta = { id, fileName, uploadedBy: p.id, uploadedAt, size: bytes.length, chunks };
  // The description goes last: an upload is readable only once every chunk is in.
  await putItem(deps, { ...keys.uploadMeta(id), meta, [TABLE.ttlAttribute]: ttl });
  return meta;
}

/** The upload and its bytes; 404 when it is gone, expired or someone else's. */
export async function readUpload(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<{ meta: UploadMeta; bytes: Uint8Array }> {
  const item = await deps.store.item(keys.uploadMeta(id));
  const meta = item?.meta as UploadMeta | undefined;
  const expired = item && Number(item[TABLE.ttlAttribute]) * 1000 < deps.clock();
  if (!meta || expired || meta.uploadedBy !== p.id) throw notFound('upload');
  const parts: Uint8Array[] = [];
  const chunks = await readPartition(deps, partitions.upload(id), {
    skPrefix: keys.uploadChunkPrefix,
    consistent: true,
  });
  for (const it of chunks) parts.push(it.bytes as Uint8Array);
  if (parts.length !== meta.chunks) throw notFound('upload');
  return { meta, bytes: Buffer.concat(parts) };
}
