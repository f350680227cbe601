/**
 * What a monthly bulletin (通报) holds, per scope unit (DESIGN §3: month, scope unit, progress figures,
 * overdue list, cards; issue 7: petitions and opinion of the month, satisfaction 认可度, funds). The API
 * computes it; an issued bulletin stores it frozen. Rates are integer basis points (1 % = 100 bp).
 */
import { fundsTotalsSchema } from '../funds/view.js';
import * as z from '../zod.js';

export const bulletinProgressLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  measure: z.nullable(z.string()),
  target: z.nullable(z.number()),
  plan: z.nullable(z.number()),
  actual: z.nullable(z.number()),
  completionBp: z.nullable(z.number()),
});
export type BulletinProgressLine = z.infer<typeof bulletinProgressLineSchema>;

export const bulletinOverdueLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  title: z.string(),
  state: z.string(),
  deadline: z.string(),
  daysOverdue: z.number(),
});
export type BulletinOverdueLine = z.infer<typeof bulletinOverdueLineSchema>;

/** A card of the month as stored (the card record whole: its other fields ride along). */
export const bulletinCardLineSchema = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  quarter: z.string(),
  issuedAt: z.string(),
});
export type BulletinCardLine = z.infer<typeof bulletinCardLineSchema>;

export const bulletinProposalLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  trigger: z.string(),
  triggerKey: z.string(),
  state: z.string(),
  proposedAt: z.string(),
  subjects: z.number(),
});
export type BulletinProposalLine = z.infer<typeof bulletinProposalLineSchema>;

export const bulletinPetitionLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  category: z.string(),
  channel: z.string(),
  levelReceived: z.string(),
  receivedAt: z.string(),
  state: z.string(),
  repeated: z.boolean(),
  escalated: z.boolean(),
});
export type BulletinPetitionLine = z.infer<typeof bulletinPetitionLineSchema>;

export const bulletinSignalLineSchema = z.object({
  id: z.string(),
  unitId: z.nullable(z.string()),
  platform: z.string(),
  title: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  polarity: z.string(),
  severity: z.string(),
});
export type BulletinSignalLine = z.infer<typeof bulletinSignalLineSchema>;

export const bulletinSatisfactionSchema = z.object({
  closed: z.number(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  dissatisfied: z.number(),
  rateBp: z.nullable(z.number()),
});
export type BulletinSatisfaction = z.infer<typeof bulletinSatisfactionSchema>;

export const bulletinFundsLineSchema = z.extend(fundsTotalsSchema, { unitId: z.string() });
export type BulletinFundsLine = z.infer<typeof bulletinFundsLineSchema>;

export const bulletinContentSchema = z.object({
  month: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The end of the month, or the time of computing for the month under way. */
  asOf: z.string(),
  progress: z.object({
    year: z.number(),
    quarter: z.number(),
    summary: z.object({
      indicators: z.number(),
      withTarget: z.number(),
      meanCompletionBp: z.nullable(z.number()),
    }),
    indicators: z.array(bulletinProgressLineSchema),
  }),
  overdue: z.array(bulletinOverdueLineSchema),
  cards: z.array(bulletinCardLineSchema),
  /** Accountability proposals of the month (null for a reader whose role does not see cases). */
  proposals: z.nullable(z.array(bulletinProposalLineSchema)),
  petitions: z.object({
    received: z.number(),
    repeated: z.number(),
    escalated: z.number(),
    items: z.array(bulletinPetitionLineSchema),
  }),
  signals: z.object({
    published: z.number(),
    negative: z.number(),
    notable: z.number(),
    major: z.number(),
    items: z.array(bulletinSignalLineSchema),
  }),
  satisfaction: z.object({
    overall: bulletinSatisfactionSchema,
    byUnit: z.array(z.extend(bulletinSatisfactionSchema, { unitId: z.string() })),
  }),
  /**
   * Reminders (催办) sent in the month on the subtree's records: how many, and how many were ignored (none
   * of the unit's users read it within the scheme's `bulletins.reminderIgnoredDays`, as of the bulletin's
   * day) — per responsible unit. Absent on bulletins issued before reminders were counted.
   */
  reminders: z.optional(
    z.object({
      sent: z.number(),
      read: z.number(),
      ignored: z.number(),
      byUnit: z.array(
        z.object({ unitId: z.string(), sent: z.number(), read: z.number(), ignored: z.number() }),
      ),
    }),
  ),
  /** Project funds at the month's end: the subtree's totals and each direct sub-unit's (资金趴账). */
  funds: z.object({ totals: bulletinFundsLineSchema, rows: z.array(bulletinFundsLineSchema) }),
});
/** `month` is a MonthKey ("2025-05"). */
export type BulletinContent = z.infer<typeof bulletinContentSchema>;
