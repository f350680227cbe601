/**
 * Evidence (佐证材料): a file attached to a rectification, a finding or an objection. Its own module: the
 * evidence store reads which types a browser may preview without building the record schemas.
 */
import * as z from '../zod.js';
import { idSchema, instantSchema, shortText } from './common.js';

export const evidenceSchema = z.strictObject({
  id: idSchema,
  fileName: shortText(200),
  contentType: shortText(100),
  size: z.int().check(z.gte(0), z.lte(100 * 1024 * 1024)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  at: instantSchema,
  by: idSchema,
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** A file named by a request that attaches it: uploaded first (POST /evidence/uploads), then named here. */
export const evidenceFileSchema = z.pick(evidenceSchema, {
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/**
 * The types a browser may show in place (预览) rather than download: raster images and PDF. Nothing that
 * can carry script (HTML, SVG, XML) — those are always attachments, whatever the uploader declared.
 */
export const PREVIEWABLE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
] as const;
export const canPreview = (contentType: string): boolean =>
  (PREVIEWABLE_TYPES as readonly string[]).includes(contentType.toLowerCase().split(';')[0]!.trim());
