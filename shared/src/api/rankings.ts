/**
 * 季度排名 and 预黄牌 (DESIGN §4.2): drafts computed on request, published snapshots and their
 * amendments, a unit's history, and the cards the snapshots issue.
 */
import { idSchema, instantSchema, quarterKeySchema } from '../schemas/common.js';
import { cardSchema, peerGroupRefSchema, rankingSchema, rankingSnapshotSchema } from '../schemas/ranking.js';
import { longText } from '../schemas/text.js';
import * as z from '../zod.js';
import { pageOf, unitPageFields } from './common.js';

/** `ruleId@parentUnitId`: a peer group of the scheme under one parent unit. */
export const GROUP_KEY_RE = /^[A-Za-z0-9_.:-]{1,64}@[A-Za-z0-9_-]{1,64}$/;
export const groupKeyField = z
  .string()
  .check(z.regex(GROUP_KEY_RE, { message: 'a peer group key like county-townships@ds' }));

/** Body of POST /rankings/compute and query of GET /rankings/draft. */
export const draftRequestSchema = z.strictObject({
  quarter: quarterKeySchema,
  groupKey: z.optional(groupKeyField),
});
export type DraftRequest = z.infer<typeof draftRequestSchema>;

export const draftGroupSchema = z.object({ groupKey: z.string(), ranking: rankingSchema });
export type DraftGroup = z.infer<typeof draftGroupSchema>;

export const draftResponseSchema = z.object({
  quarter: z.string(),
  draft: z.literal(true),
  groups: z.array(draftGroupSchema),
});
export type DraftResponse = z.infer<typeof draftResponseSchema>;

/**
 * `sanctions` (DESIGN §4.7): a quarter that ended before a unit's go-live is published as history — the
 * ranking is frozen, but it issues no card and proposes no case for that unit — unless the supervisor
 * says `sanctions: true` for it. The field means nothing for a quarter live for every unit of the group
 * and is refused there (`ranking.sanctionsOnLiveQuarter`), so it can never withhold a live card.
 */
const sanctionsField = z.optional(z.boolean()).apply(z.withMeta, {
  description:
    'For a quarter that ended before go-live: true issues its cards and proposals (default: history only). Refused for a live quarter.',
});

export const publishRequestSchema = z.strictObject({
  quarter: quarterKeySchema,
  groupKey: groupKeyField,
  sanctions: sanctionsField,
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const amendRequestSchema = z.strictObject({
  snapshotId: idSchema,
  reason: longText(2000),
  sanctions: sanctionsField,
});
export type AmendRequest = z.infer<typeof amendRequestSchema>;

/** A snapshot's head and its place among the snapshots of its quarter and group. */
export const snapshotSummarySchema = z.object({
  id: z.string(),
  quarter: z.string(),
  groupKey: z.string(),
  group: peerGroupRefSchema,
  publishedAt: z.string(),
  publishedBy: z.string(),
  supersedes: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  contentHash: z.string(),
  effective: z
    .boolean()
    .apply(z.withMeta, { description: 'In force for its quarter and group (none supersedes it)' }),
  supersededBy: z
    .nullable(z.string())
    .apply(z.withMeta, { description: 'The amendment that superseded it, if any' }),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

/** A card as stored: withdrawn when an amendment supersedes the snapshot that issued it. */
export const cardWithdrawalSchema = z.strictObject({
  snapshotId: idSchema.apply(z.withMeta, {
    description: 'The amendment that superseded the issuing snapshot',
  }),
  at: instantSchema,
  reason: z.string(),
});
export const cardRecordSchema = z.extend(cardSchema, { withdrawn: z.nullable(cardWithdrawalSchema) });
export type CardRecord = z.infer<typeof cardRecordSchema>;

export const publicationSchema = z.object({
  snapshot: snapshotSummarySchema,
  cards: z.array(cardRecordSchema),
  withdrawnCardIds: z
    .array(z.string())
    .apply(z.withMeta, { description: 'Cards of the superseded snapshot withdrawn' }),
  proposedCaseIds: z
    .array(z.string())
    .apply(z.withMeta, { description: 'Accountability cases this publication proposed' }),
  withheldCardUnitIds: z.array(z.string()).apply(z.withMeta, {
    description:
      'Units the ranking carded for a quarter that ended before their go-live: no card issued (history)',
  }),
});
export type Publication = z.infer<typeof publicationSchema>;

export const snapshotListQuerySchema = z.strictObject({
  quarter: quarterKeySchema,
  groupKey: z.optional(groupKeyField),
});
export const snapshotListSchema = z.object({ quarter: z.string(), items: z.array(snapshotSummarySchema) });
export type SnapshotList = z.infer<typeof snapshotListSchema>;

/** One snapshot whole: frozen inputs and ranking, with its summary. */
export const snapshotViewSchema = z.extend(rankingSnapshotSchema, snapshotSummarySchema.shape);
export type SnapshotView = z.infer<typeof snapshotViewSchema>;

export const unitHistorySchema = z.object({
  unitId: z.string(),
  groupKey: z
    .nullable(z.string())
    .apply(z.withMeta, { description: 'Null when the unit is in no peer group' }),
  items: z.array(
    z.object({
      quarter: z.string(),
      snapshotId: z.string(),
      rank: z.number(),
      groupSize: z.number(),
      total: z.number(),
      carded: z.boolean(),
      amended: z.boolean(),
    }),
  ),
});
export type UnitHistory = z.infer<typeof unitHistorySchema>;
export type UnitHistoryItem = UnitHistory['items'][number];

export const cardListQuerySchema = z.strictObject({
  ...unitPageFields(),
  quarter: z.optional(quarterKeySchema),
  state: z.optional(z.enum(['issued', 'withdrawn'])),
});
export type CardListQuery = z.infer<typeof cardListQuerySchema>;
export const cardPageSchema = pageOf(cardRecordSchema);
export type CardPage = z.infer<typeof cardPageSchema>;
