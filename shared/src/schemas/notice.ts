/** 公示: a quarter's ranking of one peer group on notice (DESIGN §4.2); objections in objection.ts. */
import * as z from '../zod.js';
import { idSchema, instantSchema, localDateSchema, quarterKeySchema } from './common.js';
import { inputCorrectionSchema, objectionStateSchema } from './objection.js';
import { peerGroupRefSchema, rankingSchema } from './ranking.js';

export const noticeStates = ['on_notice', 'published'] as const;

/** A quarter's ranking of one peer group on notice: a frozen draft, its hash, and what corrects it. */
export const noticeSchema = z.strictObject({
  id: idSchema,
  quarter: quarterKeySchema,
  group: peerGroupRefSchema,
  groupKey: z.string(),
  state: z.enum(noticeStates),
  startedAt: instantSchema,
  startedBy: idSchema,
  /** The notice runs to the end of this local day (N working days after the day it began). */
  endsOn: localDateSchema,
  workingDays: z.int().check(z.gte(0)),
  /** The frozen draft: its inputs (aggregates), ranking and content hash, never changed. */
  inputs: z.array(z.record(z.string(), z.unknown())),
  ranking: rankingSchema,
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Corrections made by upheld objections, in order; the current draft is the frozen one with these. */
  corrections: z.array(inputCorrectionSchema),
  /** The draft recomputed with the corrections (equals `ranking` while there are none). */
  current: rankingSchema,
  /** Each objection's id, unit and state (the objections themselves are records of their own). */
  objections: z.array(z.strictObject({ id: idSchema, unitId: idSchema, state: objectionStateSchema })),
  publishedSnapshotId: z.nullable(idSchema),
});
export type Notice = z.infer<typeof noticeSchema>;
