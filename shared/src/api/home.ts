/**
 * 工作台: every role's home page in one request (issue 17). Each section is present when the caller's
 * roles hold its capability (access/capabilities.ts) and reads only the caller's jurisdiction.
 */
import { alertSchema } from '../schemas/accountability.js';
import { objectionSchema } from '../schemas/objection.js';
import { extensionRequestSchema } from '../schemas/rectification.js';
import * as z from '../zod.js';
import { rectificationRowSchema } from './rectifications.js';

/** A queue's first items and whether more wait behind them (the list is a click away). */
const queueOf = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    more: z
      .boolean()
      .apply(z.withMeta, { description: 'More items wait than the home page shows (查看全部)' }),
  });

/** A count read from at most one bounded page: `more` when it is a lower bound ("n+"). */
export const homeCountSchema = z.object({ n: z.int().check(z.gte(0)), more: z.boolean() });
export type HomeCount = z.infer<typeof homeCountSchema>;

export const lightCountsSchema = z.object({
  red: z.int().check(z.gte(0)),
  yellow: z.int().check(z.gte(0)),
  green: z.int().check(z.gte(0)),
});
export type LightCounts = z.infer<typeof lightCountsSchema>;

/** A rectification waiting for the caller's review, and which of the two steps it waits for. */
export const reviewItemSchema = z.extend(rectificationRowSchema, {
  step: z.enum(['first', 'second']).apply(z.withMeta, {
    description: 'first: 已提交销号 (submitted) → 初审; second: 初审通过 (first_approved) → 销号',
  }),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** A pending extension request (延期申请) and its rectification. */
export const extensionQueueItemSchema = z.object({
  rectification: rectificationRowSchema,
  request: extensionRequestSchema,
});
export type ExtensionQueueItem = z.infer<typeof extensionQueueItemSchema>;

/** One peer group of the running quarter's draft: who is behind, or why no one is. */
export const behindGroupSchema = z.object({
  groupKey: z.string(),
  ruleId: z.string(),
  parentUnitId: z.string(),
  size: z.int().check(z.gte(0)),
  /** allTied: 本组全部并列，不发预黄牌 — no unit is listed as last. */
  noCardReason: z.nullable(z.enum(['groupTooSmall', 'allTied'])),
  /** The last-ranked units (a pre-yellow card each), empty when noCardReason is set. */
  last: z.array(z.object({ unitId: z.string(), total: z.number() })),
});
export type BehindGroup = z.infer<typeof behindGroupSchema>;

/** One of the caller's direct subordinate units, compared beside the trend. */
export const unitComparisonSchema = z.object({
  unitId: z.string(),
  /** The draft score and rank in its peer group this quarter (null: in no group). */
  total: z.nullable(z.number()),
  rank: z.nullable(z.int()),
  groupSize: z.nullable(z.int()),
  open: z.int().check(z.gte(0)),
  overdue: z.int().check(z.gte(0)),
  lights: lightCountsSchema,
});
export type UnitComparison = z.infer<typeof unitComparisonSchema>;

export const homeResponseSchema = z
  .object({
    at: z.string().apply(z.withMeta, { description: 'When it was read (the server’s now)' }),
    quarter: z.string(),
    /** Unit names by id for every unit the answer names. */
    unitNames: z.record(z.string(), z.string()),
    /** Reviewers: both steps, never an item the caller submitted or first-approved. */
    review: z.optional(queueOf(reviewItemSchema)),
    /** Reviewers: objections (异议) to decide. */
    objections: z.optional(queueOf(objectionSchema)),
    /** Supervisors: pending extension requests (延期申请), the longest waiting first. */
    extensions: z.optional(queueOf(extensionQueueItemSchema)),
    /** Supervisors, inspectors, viewers: the signals waiting for triage (研判). */
    triage: z.optional(homeCountSchema),
    /** Unit officers: open rectifications to act on, overdue first. */
    toAct: z.optional(queueOf(rectificationRowSchema)),
    /** Open alerts, newest first. */
    alerts: z.optional(queueOf(alertSchema)),
    /** The jurisdiction's open rectifications: counts, overdue and lights. */
    open: z.optional(z.object({ count: homeCountSchema, overdue: z.int(), lights: lightCountsSchema })),
    /** Petition readers: petitions past and within their SLA. */
    petitions: z.optional(z.object({ overdue: homeCountSchema, pending: homeCountSchema })),
    /** Negative-or-not signals of the jurisdiction by severity. */
    signals: z.optional(
      z.object({ major: homeCountSchema, notable: homeCountSchema, ordinary: homeCountSchema }),
    ),
    /** Ranking readers: the caller's own unit (a village's officer: its township) in this quarter's draft. */
    rank: z.optional(
      z.nullable(
        z.object({
          unitId: z.string(),
          groupKey: z.string(),
          rank: z.int(),
          size: z.int(),
          total: z.number(),
        }),
      ),
    ),
    /** Ranking readers: who is behind in each visible group of the draft, and the direct subordinates. */
    behind: z.optional(
      z.object({
        groups: z.array(behindGroupSchema),
        units: z.array(unitComparisonSchema),
      }),
    ),
  })
  .apply(z.withMeta, { id: 'HomeResponse' });
export type HomeResponse = z.infer<typeof homeResponseSchema>;
