/** 季度排名, 预黄牌: the score breakdown, rankings, snapshots and cards (DESIGN §4.1–4.2). */
import * as z from '../zod.js';
import { idSchema, instantSchema, quarterKeySchema, shortText } from './common.js';
import { snapshotNoticeSchema } from './objection.js';

const points = z.int().check(z.gte(0), z.lte(10_000));

export const taskIndicatorLineSchema = z.strictObject({
  indicatorId: z.string(),
  /** Cumulative plan for the quarter and cumulative actual at its end (missing actual = 0). */
  plan: z.number(),
  actual: z.number(),
  /** min(1, actual / plan), as a decimal string rounded to 4 places for display; exact math is internal. */
  completion: z.string(),
  /** false when no cumulative actual was reported for the quarter's end (it counts as 0); absent otherwise. */
  reported: z.optional(z.literal(false)),
});

export const scoreBreakdownSchema = z.strictObject({
  unitId: idSchema,
  /** Total in hundredths of a point (0–10000); equals the sum of the five dimensions. */
  total: points,
  task: z.strictObject({
    points,
    max: points,
    noTargets: z.boolean(),
    indicators: z.array(taskIndicatorLineSchema),
  }),
  rectification: z.strictObject({
    points,
    max: points,
    /** |D|: rectifications with deadline inside the quarter. */
    due: z.int().check(z.gte(0)),
    onTime: z.int().check(z.gte(0)),
    /** Open and overdue at quarter end, whatever their deadline. */
    openOverdue: z.int().check(z.gte(0)),
    deductionEach: points,
  }),
  findings: z.strictObject({
    points,
    max: points,
    general: z.int().check(z.gte(0)),
    serious: z.int().check(z.gte(0)),
    grave: z.int().check(z.gte(0)),
    deductions: z.strictObject({ general: points, serious: points, grave: points }),
  }),
  petitions: z.strictObject({
    points,
    max: points,
    received: z.int().check(z.gte(0)),
    repeated: z.int().check(z.gte(0)),
    escalated: z.int().check(z.gte(0)),
    deductions: z.strictObject({ received: points, repeated: points, escalated: points }),
  }),
  opinion: z.strictObject({
    points,
    max: points,
    notable: z.int().check(z.gte(0)),
    major: z.int().check(z.gte(0)),
    deductions: z.strictObject({ notable: points, major: points }),
  }),
});
export type ScoreBreakdown = z.infer<typeof scoreBreakdownSchema>;

export const peerGroupRefSchema = z.strictObject({
  /** The scheme's peer-group rule id (e.g. county-townships). */
  ruleId: z.string(),
  /** The parent unit whose members are ranked together. */
  parentUnitId: idSchema,
});
export type PeerGroupRef = z.infer<typeof peerGroupRefSchema>;

export const rankingRowSchema = z.strictObject({
  unitId: idSchema,
  rank: z.int().check(z.gte(1)),
  score: scoreBreakdownSchema,
  carded: z.boolean(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const rankingSchema = z.strictObject({
  quarter: quarterKeySchema,
  group: peerGroupRefSchema,
  schemeId: z.string(),
  schemeVersion: z.int(),
  /** Rows sorted by rank, then unit id. */
  rows: z.array(rankingRowSchema),
  /** Why no card was given, when none was. */
  noCardReason: z.nullable(z.enum(['groupTooSmall', 'allTied'])),
});
export type Ranking = z.infer<typeof rankingSchema>;

/** A published ranking: frozen inputs and outputs with a content hash. Never edited. */
export const rankingSnapshotSchema = z.strictObject({
  id: idSchema,
  quarter: quarterKeySchema,
  group: peerGroupRefSchema,
  publishedAt: instantSchema,
  publishedBy: idSchema,
  ranking: rankingSchema,
  /** The aggregates the ranking was computed from (the frozen inputs). */
  inputs: z.array(z.record(z.string(), z.unknown())),
  /** SHA-256 (hex) of the canonical JSON of { quarter, group, ranking, inputs, supersedes, reason }. */
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** An amendment names the snapshot it supersedes and why. */
  supersedes: z.nullable(idSchema),
  reason: z.nullable(shortText(2000)),
  /**
   * Published from a notice period (公示): the objections, their decisions, the corrections and what they
   * changed. Absent for a quarter published without one (hashed only when present, so snapshots
   * published before notices existed keep verifying).
   */
  notice: z.optional(snapshotNoticeSchema),
});
export type RankingSnapshot = z.infer<typeof rankingSnapshotSchema>;

export const cardSchema = z.strictObject({
  id: idSchema,
  unitId: idSchema,
  quarter: quarterKeySchema,
  snapshotId: idSchema,
  group: peerGroupRefSchema,
  issuedAt: instantSchema,
});
export type Card = z.infer<typeof cardSchema>;
