/**
 * 通报: the monthly bulletin of a unit computed on read (a draft), issued (frozen) bulletins, and who
 * has read an issued one (已读).
 */
import { bulletinContentSchema } from '../bulletins/content.js';
import * as z from '../zod.js';
import { monthKeyField, pageOf, pagingFields, unitIdField } from './common.js';

export type { BulletinContent } from '../bulletins/content.js';

export const monthParam = z.object({ month: monthKeyField });

export const bulletinQuerySchema = z.strictObject({ unitId: z.optional(unitIdField) });

/** The draft: the bulletin as computed now, naming the issued one of the month and unit if any. */
export const draftBulletinSchema = z.extend(bulletinContentSchema, {
  issuedId: z
    .nullable(z.string())
    .apply(z.withMeta, { description: 'The issued bulletin of this month and unit, if any' }),
});
export type DraftBulletin = z.infer<typeof draftBulletinSchema>;

export const issueBodySchema = z.strictObject({
  unitId: z
    .optional(unitIdField)
    .apply(z.withMeta, { description: 'The scope unit (default: your home unit)' }),
});
export type IssueBody = z.infer<typeof issueBodySchema>;

export const bulletinIssuerSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });

/** An issued bulletin without its content. */
export const issuedSummarySchema = z.object({
  id: z.string(),
  month: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  issuedAt: z.string(),
  issuedBy: bulletinIssuerSchema,
  contentHash: z.string().apply(z.withMeta, { description: 'SHA-256 of the canonical JSON of the content' }),
});

/** A frozen content: bulletins issued before funds were reported have none. */
export const issuedContentSchema = z.partial(bulletinContentSchema, { funds: true });
export type IssuedContent = z.infer<typeof issuedContentSchema>;

export const issuedBulletinSchema = z.extend(issuedSummarySchema, { content: issuedContentSchema });
export type IssuedBulletin = z.infer<typeof issuedBulletinSchema>;

/** An issued bulletin as opened: with when you first read it. */
export const openedBulletinSchema = z.extend(issuedBulletinSchema, { readAt: z.string() });
export type OpenedBulletin = z.infer<typeof openedBulletinSchema>;

export const issuedListQuerySchema = z.strictObject({
  ...pagingFields(50),
  unitId: z.optional(unitIdField),
  month: z.optional(monthKeyField),
});
export type IssuedListQuery = z.infer<typeof issuedListQuerySchema>;

export const issuedListItemSchema = z.extend(issuedSummarySchema, {
  readAt: z
    .nullable(z.string())
    .apply(z.withMeta, { description: 'When you first opened it (已读), or null' }),
});
export type IssuedListItem = z.infer<typeof issuedListItemSchema>;
export const issuedPageSchema = pageOf(issuedListItemSchema);

export const bulletinReadSchema = z.object({
  id: z.string(),
  bulletinId: z.string(),
  userId: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  unitId: z.string(),
  readAt: z.string(),
});
export type BulletinRead = z.infer<typeof bulletinReadSchema>;

export const bulletinReadsSchema = z.object({
  bulletinId: z.string(),
  issuedBy: bulletinIssuerSchema,
  reads: z.array(bulletinReadSchema).apply(z.withMeta, { description: 'First reader first' }),
  count: z.number(),
});
export type BulletinReads = z.infer<typeof bulletinReadsSchema>;
