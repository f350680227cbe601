/**
 * The assessment scheme (考核方案): every number the rules use, as versioned data validated by its
 * schema. No rule reads a number that is not in here.
 */
import { isTimeZone } from '../calendar/time-zone.js';
import { localDateSchema } from '../schemas/common.js';
import { plainText } from '../schemas/text.js';
import * as z from '../zod.js';

const hundredths = z.int().check(z.gte(0), z.lte(10_000));
const count = z.int().check(z.gte(0));

export const unitKinds = ['city', 'county', 'township', 'department', 'village'] as const;
export const unitKindSchema = z.enum(unitKinds);

export const deadlineRuleSchema = z.strictObject({
  days: z.int().check(z.gte(0), z.lte(3650)),
  count: z.enum(['calendar', 'working']),
  rollOffNonWorking: z.boolean(),
});

/**
 * One step of an escalation ladder (issue 16): reached a number of days after the deadline day, or at a
 * percentage of the time limit (start to the end of the deadline day), and what it does.
 */
export const escalationStepSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9_-]{1,32}$/)),
  at: z.union([
    z.strictObject({ afterDeadlineDays: z.int().check(z.gte(1), z.lte(3650)) }),
    z.strictObject({ percentOfLimit: z.int().check(z.gte(1), z.lte(1000)) }),
  ]),
  action: z.enum(['remind_leaders', 'alert_unit', 'alert_parent', 'propose_case']),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;
const ladderSchema = z.array(escalationStepSchema).check(
  z.maxLength(10),
  z.refine((l) => new Set(l.map((s) => s.id)).size === l.length, { message: 'one step per id' }),
);

export const peerGroupRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  label: plainText().check(z.minLength(1), z.maxLength(100)),
  labelEn: plainText().check(z.minLength(1), z.maxLength(100)),
  /** Units of this kind are ranked … */
  memberKind: unitKindSchema,
  /** … against the other units of that kind under the same parent of this kind. */
  parentKind: unitKindSchema,
});

export const schemeSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  version: z.int().check(z.gte(1)),
  name: plainText().check(z.minLength(1), z.maxLength(200)),
  /** IANA time zone of all dates and quarter boundaries. */
  timeZone: z.string().check(z.refine(isTimeZone, { message: 'unknown IANA time zone' })),
  /** Working-day calendar per year: statutory holidays and make-up working days. */
  calendar: z.record(
    z.string().check(z.regex(/^\d{4}$/)),
    z.strictObject({ holidays: z.array(localDateSchema), makeupWorkdays: z.array(localDateSchema) }),
  ),
  /** Dimension maxima in hundredths of a point; they sum to 10000. */
  weights: z
    .strictObject({
      task: hundredths,
      rectification: hundredths,
      findings: hundredths,
      petitions: hundredths,
      opinion: hundredths,
    })
    .check(
      z.refine((w) => w.task + w.rectification + w.findings + w.petitions + w.opinion === 10_000, {
        message: 'weights must sum to 100 points',
      }),
    ),
  /** Deductions in hundredths of a point. */
  deductions: z.strictObject({
    rectificationOpenOverdue: hundredths,
    finding: z.strictObject({ general: hundredths, serious: hundredths, grave: hundredths }),
    petition: z.strictObject({ received: hundredths, repeated: hundredths, escalated: hundredths }),
    opinion: z.strictObject({ notable: hundredths, major: hundredths }),
  }),
  peerGroups: z.array(peerGroupRuleSchema).check(z.minLength(1)),
  cards: z.strictObject({
    /** A group with fewer units gets no card. */
    minGroupSize: z.int().check(z.gte(1)),
    /** Cards in this many consecutive quarters propose an accountability case. */
    consecutiveForProposal: z.int().check(z.gte(2)),
  }),
  petitions: z.strictObject({
    accept: deadlineRuleSchema,
    handle: deadlineRuleSchema,
    maxExtensions: count,
    extensionMaxDays: count,
    repeatWindowDays: count,
    /** The normal path: received at most this many levels above the responsible unit's own level. */
    normalLevelsAbove: count,
  }),
  rectification: z.strictObject({
    /** The deadline a rectification opened from a finding gets when the inspector names none. */
    defaultDeadline: deadlineRuleSchema,
    /** Days overdue at which: an alert; an alert to the parent unit's supervisors; a case is proposed. */
    overdueAlertDays: count,
    overdueEscalateDays: count,
    overdueAccountabilityDays: count,
  }),
  signals: z.strictObject({ firstResponse: deadlineRuleSchema }),
  publishing: z.strictObject({
    autoPublishDelayDays: count,
    /**
     * 公示 (DESIGN §4.2): a quarter's draft goes on notice for `workingDays` working days of `calendar`
     * (调休 included) before it is published; `required: true` refuses a publication that skipped it,
     * `false` lets a supervisor choose. Absent: no notice period, a quarter is published directly (the
     * behaviour before notices existed, so schemes written then keep working).
     */
    noticePeriod: z.optional(
      z.strictObject({ workingDays: z.int().check(z.gte(1), z.lte(60)), required: z.boolean() }),
    ),
  }),
  /**
   * Escalation ladders per kind of matter (escalation/ladder.ts). Optional: without one, a rectification's
   * ladder is the overdue days of `rectification` (1 / 15 / 30 by default), as before ladders existed.
   */
  escalation: z.optional(
    z.strictObject({
      rectification: z.optional(ladderSchema),
      // Chosen: a petition's ladder reminds and alerts, it proposes no case — §4.3's proposals come from a
      // repeated or escalated petition whose earlier one missed its limit (raised at intake).
      petition: z.optional(
        ladderSchema.check(
          z.refine((l) => l.every((s) => s.action !== 'propose_case'), {
            message: 'a petition ladder does not propose cases (DESIGN §4.3 does, on repeats)',
          }),
        ),
      ),
    }),
  ),
  /**
   * Traffic lights (defaults.ts LIGHTS_DEFAULT says why each default is what it is). Optional rather than defaulted,
   * like `migration.liveLookbackDays`: a scheme stored before lights existed stays a Scheme; its readers
   * take LIGHTS_DEFAULT.
   */
  lights: z.optional(
    z.strictObject({
      /** Days before a rectification's deadline (as `rectification.defaultDeadline` counts) it is yellow. */
      rectificationWarnDays: z.int().check(z.gte(0), z.lte(366)),
      /** Days after opening (as `rectification.defaultDeadline` counts) by which work should have started. */
      rectificationStartDays: z.int().check(z.gte(0), z.lte(366)),
      petitionAcceptWarnDays: z.int().check(z.gte(0), z.lte(366)),
      petitionHandleWarnDays: z.int().check(z.gte(0), z.lte(366)),
      caseWarnDays: z.int().check(z.gte(0), z.lte(366)),
      /** An open accountability case's time limit, from the day it was proposed to a decision. */
      caseDecide: deadlineRuleSchema,
    }),
  ),
  funds: z.strictObject({
    /** Unspent balance (fen) above which money is idle … */
    idleThresholdFen: count,
    /** … once this many days have passed after the planned completion date. */
    idleGraceDays: count,
  }),
  /**
   * The monthly bulletin (通报) of a month is issued on this day of the next month (1–28).
   * `reminderIgnoredDays`: a reminder (催办) nobody of its unit has read this many days after it was sent is
   * counted as ignored in the bulletin (optional: 3 when absent, so stored schemes stay valid).
   */
  bulletins: z._default(
    z.strictObject({
      dayOfMonth: z.int().check(z.gte(1), z.lte(28)),
      reminderIgnoredDays: z.optional(z.int().check(z.gte(1), z.lte(60))),
    }),
    { dayOfMonth: 5 },
  ),
  /**
   * Moving units onto Jiandu (DESIGN §4.7). `goLive`: the day each migrated subtree went live — a unit's
   * go-live is that of its nearest listed ancestor-or-self (choice: per top unit, so a second county can
   * move in a year after the first; a unit under no entry has been live from the start). Sweeps, alerts,
   * escalations and proposals never act on conditions that lay wholly before it. `clockSkewSeconds`: how
   * far past the server's now a past instant of an import may lie (clocks of the county's PCs).
   */
  migration: z._default(
    z.strictObject({
      goLive: z
        .array(
          z.strictObject({
            unitId: z.string().check(z.minLength(1), z.maxLength(64)),
            date: localDateSchema,
          }),
        )
        .check(
          z.maxLength(1000),
          z.refine((g) => new Set(g.map((x) => x.unitId)).size === g.length, {
            message: 'one go-live date per unit',
          }),
        ),
      clockSkewSeconds: z.int().check(z.gte(0), z.lte(3600)),
      /**
       * How many days back live intake (the forms and batch endpoints, not a migration import) may date a
       * record's own past instant; older ones are history and enter through the past-records import
       * (DESIGN §4.7, migration/live-intake.ts says why each default is what it is).
       */
      // Optional rather than defaulted: a scheme written before the look-back existed (stored versions,
      // other modules' literals) stays a Scheme; its readers take LIVE_LOOKBACK_DEFAULT.
      liveLookbackDays: z.optional(
        z.strictObject({
          discoveredOn: z.int().check(z.gte(0), z.lte(366)),
          receivedAt: z.int().check(z.gte(0), z.lte(366)),
          publishedAt: z.int().check(z.gte(0), z.lte(366)),
        }),
      ),
    }),
    { goLive: [], clockSkewSeconds: 300 },
  ),
});

export type Scheme = z.infer<typeof schemeSchema>;
export type PeerGroupRule = z.infer<typeof peerGroupRuleSchema>;
export type UnitKind = z.infer<typeof unitKindSchema>;
