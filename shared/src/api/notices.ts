/**
 * 公示与异议 (DESIGN §4.2): a quarter's draft put on notice, read by every unit of its peer group with
 * the breakdown, objections filed by a unit against its own score with evidence, and their decisions.
 */
import { quarterKeySchema } from '../schemas/common.js';
import { evidenceFileSchema } from '../schemas/evidence.js';
import { noticeSchema } from '../schemas/notice.js';
import {
  noticeChangeSchema,
  objectionSchema,
  objectionStateSchema,
  scoreDimensionSchema,
  scoreInputSchema,
} from '../schemas/objection.js';
import { longText, shortText } from '../schemas/text.js';
import * as z from '../zod.js';
import { unitIdField } from './common.js';
import { groupKeyField } from './rankings.js';

/** Body of POST /rankings/notices: put a quarter of a peer group on notice. */
export const startNoticeRequestSchema = z.strictObject({
  quarter: quarterKeySchema,
  groupKey: groupKeyField,
});
export type StartNoticeRequest = z.infer<typeof startNoticeRequestSchema>;

export const noticeListQuerySchema = z.strictObject({
  quarter: quarterKeySchema,
  groupKey: z.optional(groupKeyField),
});

/** A notice with its objections and what their decisions changed so far. */
export const noticeViewSchema = z
  .object({
    notice: noticeSchema,
    objections: z.array(objectionSchema),
    changes: z.array(noticeChangeSchema),
    /** Whether objections may still be filed (the local day is on or before `endsOn`). */
    open: z.boolean(),
  })
  .apply(z.withMeta, { id: 'NoticeView' });
export type NoticeView = z.infer<typeof noticeViewSchema>;

export const noticeHeadSchema = z.extend(
  z.pick(noticeSchema, {
    id: true,
    quarter: true,
    group: true,
    groupKey: true,
    state: true,
    startedAt: true,
    endsOn: true,
  }),
  {
    pending: z.int(),
    decided: z.int(),
    publishedSnapshotId: z.nullable(z.string()),
  },
);
export const noticeListSchema = z.object({ quarter: z.string(), items: z.array(noticeHeadSchema) });
export type NoticeList = z.infer<typeof noticeListSchema>;

/** An evidence file of an objection: uploaded first (POST /evidence/uploads), then named here. */
export const objectionEvidenceSchema = evidenceFileSchema;

export const fileObjectionRequestSchema = z.strictObject({
  unitId: unitIdField,
  dimension: scoreDimensionSchema,
  input: scoreInputSchema,
  claimedValue: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1e12)))),
  reason: longText(2000),
  evidence: z.optional(z.array(objectionEvidenceSchema).check(z.maxLength(20))),
});
export type FileObjectionRequest = z.infer<typeof fileObjectionRequestSchema>;

export const decideObjectionRequestSchema = z.strictObject({
  outcome: z.enum(['upheld', 'rejected']),
  reason: shortText(2000),
  /** The corrected value of the input; required when upheld. */
  correctedValue: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1e12)))),
});
export type DecideObjectionRequest = z.infer<typeof decideObjectionRequestSchema>;

export const objectionListQuerySchema = z.strictObject({
  state: z._default(objectionStateSchema, 'pending'),
});
export const objectionListSchema = z.object({ items: z.array(objectionSchema) });
export type ObjectionList = z.infer<typeof objectionListSchema>;

export const objectionEvidenceParamsSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  evidenceId: z.string().check(z.minLength(1), z.maxLength(100)),
});
