/** 问责 and 预警: accountability cases proposed by the rules, decided by people; alerts. */
import * as z from '../zod.js';
import { idSchema, instantSchema, localDateSchema, longText, quarterKeySchema, shortText } from './common.js';
import {
  accountabilityForm,
  alertSeverity,
  alertState,
  caseState,
  postKind,
  problemCategory,
} from './enums.js';

export const caseSubjectSchema = z.strictObject({
  personId: idSchema,
  unitId: idSchema,
  post: postKind.schema,
  /** Days in post in each quarter the trigger covers, keyed by quarter ("2025Q1": 90). */
  daysInPost: z.record(quarterKeySchema, z.int().check(z.gte(0))),
});
export type CaseSubject = z.infer<typeof caseSubjectSchema>;

export const caseTriggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('consecutive_cards'),
    unitId: idSchema,
    quarters: z.array(quarterKeySchema).check(z.minLength(2)),
    cardIds: z.array(idSchema),
  }),
  z.strictObject({
    kind: z.literal('petition_sla_missed'),
    unitId: idSchema,
    petitionId: idSchema,
    earlierPetitionId: idSchema,
    missed: z.enum(['accept', 'handle']),
  }),
  z.strictObject({
    kind: z.literal('rectification_overdue'),
    unitId: idSchema,
    rectificationId: idSchema,
    daysOverdue: z.int().check(z.gte(0)),
  }),
]);
export type CaseTrigger = z.infer<typeof caseTriggerSchema>;

export const accountabilityCaseSchema = z.strictObject({
  id: idSchema,
  /** Natural key of the trigger, so the same trigger never proposes twice. */
  triggerKey: z.string().check(z.minLength(1), z.maxLength(200)),
  trigger: caseTriggerSchema,
  subjects: z.array(caseSubjectSchema),
  state: caseState.schema,
  form: z.nullable(accountabilityForm.schema),
  decisionNote: z.nullable(longText(4000)),
  dismissReason: z.nullable(longText(4000)),
  proposedAt: instantSchema,
  /**
   * The day its decision is due (三色预警, the scheme's `lights.caseDecide` counted from the day proposed),
   * kept from the day it was proposed as a rectification keeps its deadline; absent on cases proposed before
   * it was kept (their light computes it). Sorts the case list by deadline.
   */
  decideBy: z.optional(localDateSchema),
  version: z.int().check(z.gte(1)),
});
export type AccountabilityCase = z.infer<typeof accountabilityCaseSchema>;

/**
 * What an alert says, as facts rather than text (issue 17): a reader's screen composes the sentence in the
 * reader's language with the names it knows (`message` keeps the Chinese text for exports, digests and
 * alerts stored before facts were kept). Never an id: a person reads a record by its title or kind.
 */
export const alertFactsSchema = z.strictObject({
  kind: z.enum([
    'petition.accept',
    'petition.handle',
    'petition.extension',
    'rectification.overdue',
    'rectification.near',
    'petition.near',
  ]),
  /** Days past the deadline (0 before it). */
  days: z.int().check(z.gte(0)),
  due: localDateSchema,
  /** The record's title (rectifications). */
  title: z.optional(shortText(1000)),
  /** The petition's category. */
  category: z.optional(problemCategory.schema),
  /** Days a petition's handling was extended. */
  extensionDays: z.optional(z.int().check(z.gte(0))),
});
export type AlertFacts = z.infer<typeof alertFactsSchema>;

/**
 * Whom an escalation step (梯度督办, issue 16) landed on: the people holding the target unit's principal
 * and deputy-in-charge posts on the day the step was reached, by name, and the posts nobody held that day
 * — reported to the unit above (`reportTo`), never skipped silently.
 */
export const alertLandingSchema = z.strictObject({
  unitId: idSchema,
  day: localDateSchema,
  /** Which step of the scheme's ladder (its id) for which kind of matter. */
  step: z.string().check(z.maxLength(32)),
  recipients: z.array(
    z.strictObject({
      personId: idSchema,
      name: z.nullable(z.string()),
      post: z.enum(['principal', 'deputy_in_charge']),
    }),
  ),
  vacant: z.array(
    z.strictObject({ post: z.enum(['principal', 'deputy_in_charge']), reportTo: z.nullable(idSchema) }),
  ),
});
export type AlertLanding = z.infer<typeof alertLandingSchema>;

export const alertSchema = z.strictObject({
  id: idSchema,
  /** The rule that raised it, e.g. rectification.overdue.15 */
  rule: shortText(100),
  /** Natural key of rule + subject (+ level), so a sweep never raises it twice. */
  alertKey: z.string().check(z.minLength(1), z.maxLength(200)),
  subject: z.strictObject({ kind: z.string(), id: idSchema }),
  unitId: idSchema,
  /** Whose supervisors are alerted (the subject's unit or its parent). */
  notifyUnitId: idSchema,
  severity: alertSeverity.schema,
  state: alertState.schema,
  message: shortText(1000),
  facts: z.optional(alertFactsSchema),
  /** An escalation step's named recipients and vacant posts (absent on other alerts and older ones). */
  landing: z.optional(alertLandingSchema),
  raisedAt: instantSchema,
  version: z.int().check(z.gte(1)),
});
export type Alert = z.infer<typeof alertSchema>;
