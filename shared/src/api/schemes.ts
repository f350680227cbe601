/** 考核方案: the scheme in force, its stored versions, and a new version (admin). */
import { quarterKeySchema } from '../schemas/common.js';
import { shortText } from '../schemas/text.js';
import { schemeSchema } from '../scheme/scheme.js';
import * as z from '../zod.js';

export const schemeVersionParam = z.object({
  version: z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000)),
});

/** A stored version (or the built-in default, never stored: no time, no author). */
export const schemeVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  storedAt: z.nullable(z.string()),
  storedBy: z.nullable(z.string()),
  /** Why the version was stored (the editor asks for it); null for versions stored without one. */
  reason: z.optional(z.nullable(z.string())),
});

/** POST /api/v1/schemes?reason=…: why the new version is stored (kept with it and in its event). */
export const schemeStoreQuery = z.object({ reason: z.optional(shortText(1000)) });
export type SchemeVersion = z.infer<typeof schemeVersionSchema>;

export const schemeVersionsSchema = z.object({ items: z.array(schemeVersionSchema) });
export type SchemeVersions = z.infer<typeof schemeVersionsSchema>;

export { schemeSchema };

/**
 * What a proposed scheme would change against the one in force (POST /api/v1/schemes/preview; stores
 * nothing). The body is the proposed scheme itself — the same body the save takes, so a bad field is
 * named the same way by both.
 */
export const schemePreviewQuery = z.object({
  quarter: z.optional(quarterKeySchema).apply(z.withMeta, {
    description:
      'The quarter whose scores are recomputed; default: the newest quarter of the last four with a published ranking, else the current quarter (a draft)',
  }),
});

const lightSchema = z.enum(['green', 'yellow', 'red']);
const overdueLevelSchema = z.nullable(z.enum(['alert', 'escalate', 'accountability']));

/** One open rectification whose light or overdue step moves (before → after). */
export const previewRectificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** Its deadline: stored on the record, so a new scheme does not move it (its light and step move). */
  deadline: z.string(),
  lightBefore: lightSchema,
  lightAfter: lightSchema,
  overdueLevelBefore: overdueLevelSchema,
  overdueLevelAfter: overdueLevelSchema,
});

/** One unit whose score, rank or card moves in its peer group. */
export const previewRankChangeSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  totalBefore: z.nullable(z.int()),
  totalAfter: z.nullable(z.int()),
  rankBefore: z.nullable(z.int()),
  rankAfter: z.nullable(z.int()),
  cardedBefore: z.boolean(),
  cardedAfter: z.boolean(),
});

export const schemePreviewSchema = z.object({
  currentVersion: z.int(),
  proposedVersion: z.int(),
  rectifications: z.object({
    /** Open rectifications read (every one: the same pages the daily sweep reads). */
    open: z.int(),
    changed: z.int(),
    /** The first changes, up to 20. */
    sample: z.array(previewRectificationSchema),
  }),
  scores: z.object({
    quarter: quarterKeySchema,
    /** `published`: a ranking of the quarter is published; `draft`: none is (the running quarter). */
    source: z.enum(['published', 'draft']),
    groups: z.array(
      z.object({
        groupKey: z.string(),
        label: z.string(),
        labelEn: z.string(),
        parentUnitName: z.string(),
        units: z.int(),
        /** Units whose total, rank or card differs. */
        changed: z.array(previewRankChangeSchema),
      }),
    ),
  }),
});
export type SchemePreview = z.infer<typeof schemePreviewSchema>;
