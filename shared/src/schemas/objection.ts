/** 异议: objections to a ranking on notice, their decisions and corrections (DESIGN §4.2). */
import * as z from '../zod.js';
import { idSchema, instantSchema, localDateSchema, quarterKeySchema, shortText } from './common.js';
import { evidenceSchema } from './evidence.js';

export const scoreDimensions = ['task', 'rectification', 'findings', 'petitions', 'opinion'] as const;
export const scoreDimensionSchema = z.enum(scoreDimensions);
export type ScoreDimension = z.infer<typeof scoreDimensionSchema>;

/**
 * An input of a unit's score: a field of its aggregate — `rectOpenOverdue`, `findings.serious`,
 * `tasks.<indicatorId>.actual` … (notice/inputs.ts lists them per dimension).
 */
export const scoreInputSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(/^[A-Za-z0-9_.:-]+$/, { message: 'an input path such as findings.serious' }),
  );

export const objectionStates = ['pending', 'upheld', 'rejected'] as const;
export const objectionStateSchema = z.enum(objectionStates);

/** A upheld objection's correction: the input's value before and after, made by an audited event. */
export const inputCorrectionSchema = z.strictObject({
  objectionId: idSchema,
  unitId: idSchema,
  input: scoreInputSchema,
  before: z.nullable(z.number()),
  after: z.number(),
  at: instantSchema,
  by: idSchema,
});
export type InputCorrection = z.infer<typeof inputCorrectionSchema>;

export const objectionDecisionSchema = z.strictObject({
  outcome: z.enum(['upheld', 'rejected']),
  reason: shortText(2000),
  /** The corrected value of the input (upheld only). */
  correctedValue: z.nullable(z.number()),
  decidedAt: instantSchema,
  decidedBy: idSchema,
});
export type ObjectionDecision = z.infer<typeof objectionDecisionSchema>;

export const objectionSchema = z.strictObject({
  id: idSchema,
  noticeId: idSchema,
  quarter: quarterKeySchema,
  groupKey: z.string(),
  unitId: idSchema,
  dimension: scoreDimensionSchema,
  input: scoreInputSchema,
  /** The input's value on the frozen draft when the objection was filed. */
  valueOnNotice: z.nullable(z.number()),
  /** The value the unit says is right, if it says one. */
  claimedValue: z.nullable(z.number()),
  reason: shortText(2000),
  /** Evidence files (佐证材料), uploaded as a rectification's are. */
  evidence: z.array(evidenceSchema).check(z.maxLength(20)),
  filedAt: instantSchema,
  filedBy: idSchema,
  state: objectionStateSchema,
  decision: z.nullable(objectionDecisionSchema),
});
export type Objection = z.infer<typeof objectionSchema>;

/** What an objection's decisions changed in the ranking, per unit whose rank, total or card moved. */
export const noticeChangeSchema = z.strictObject({
  unitId: idSchema,
  rankBefore: z.int(),
  rankAfter: z.int(),
  totalBefore: z.int(),
  totalAfter: z.int(),
  cardedBefore: z.boolean(),
  cardedAfter: z.boolean(),
});
export type NoticeChange = z.infer<typeof noticeChangeSchema>;

/** What a snapshot published from a notice keeps of it (DESIGN §4.2: objections and decisions). */
export const snapshotNoticeSchema = z.strictObject({
  noticeId: idSchema,
  /** The content hash of the draft that went on notice. */
  draftHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  startedAt: instantSchema,
  endsOn: localDateSchema,
  objections: z.array(objectionSchema),
  corrections: z.array(inputCorrectionSchema),
  changes: z.array(noticeChangeSchema),
});
export type SnapshotNotice = z.infer<typeof snapshotNoticeSchema>;
