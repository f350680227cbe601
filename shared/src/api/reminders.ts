/**
 * 督办单/催办 (issue 16): a supervisor reminds the people responsible for one or many records. Each target
 * record gets a reminder of its own (its responsible unit's post holders differ), listing the named
 * recipients — the holders of the unit's principal and deputy-in-charge posts on the day issued — and
 * any post nobody held that day, reported with the unit above.
 */
import { idSchema, instantSchema, localDateSchema } from '../schemas/common.js';
import { noteText } from '../schemas/text.js';
import * as z from '../zod.js';
import { pageOf, pagingFields } from './common.js';

export const reminderTargetTypes = ['rectification', 'petition', 'case'] as const;
export type ReminderTargetType = (typeof reminderTargetTypes)[number];

export const reminderTargetSchema = z
  .strictObject({ type: z.enum(reminderTargetTypes), id: idSchema })
  .apply(z.withMeta, { id: 'ReminderTarget' });
export type ReminderTarget = z.infer<typeof reminderTargetSchema>;

/**
 * At most 19 targets per request: every target's reminder, the event on its record and its notification
 * are written in one transaction with the request's Idempotency-Key marker (DynamoDB: 100 items).
 */
export const MAX_REMINDER_TARGETS = 19;

export const reminderInputSchema = z
  .strictObject({
    targets: z.array(reminderTargetSchema).check(z.minLength(1), z.maxLength(MAX_REMINDER_TARGETS)),
    message: z.optional(noteText(500)),
  })
  .apply(z.withMeta, { id: 'ReminderInput' });
export type ReminderInput = z.input<typeof reminderInputSchema>;

const leaderPost = z.enum(['principal', 'deputy_in_charge']);

export const reminderSchema = z
  .strictObject({
    id: idSchema,
    target: reminderTargetSchema,
    /**
     * What a person calls the record: a rectification's title (absent on reminders stored before it was
     * kept, and on petitions and cases, which are named by their kind and unit).
     */
    targetTitle: z.optional(z.nullable(z.string())),
    /** The record's responsible unit, whose post holders it reaches. */
    unitId: idSchema,
    /** The unit's name when issued (a person reads names, not ids). */
    unitName: z.optional(z.nullable(z.string())),
    message: z.nullable(z.string()),
    issuedBy: z.strictObject({ userId: z.string(), name: z.nullable(z.string()) }),
    issuedAt: instantSchema,
    /** The local day whose post holders it reaches. */
    day: localDateSchema,
    recipients: z.array(
      z.strictObject({ personId: idSchema, name: z.nullable(z.string()), post: leaderPost }),
    ),
    /** Posts nobody held that day, reported to `reportTo` (the unit above; null at the top). */
    vacant: z.array(z.strictObject({ post: leaderPost, reportTo: z.nullable(idSchema) })),
    /** Who read it and when (users of the responsible unit), first read per user. */
    reads: z.array(z.strictObject({ userId: z.string(), name: z.nullable(z.string()), at: instantSchema })),
    version: z.int().check(z.gte(1)),
  })
  .apply(z.withMeta, { id: 'Reminder' });
export type Reminder = z.infer<typeof reminderSchema>;

/** The answer of POST /reminders: one reminder per target, in the request's order. */
export const reminderBatchSchema = z
  .strictObject({ items: z.array(reminderSchema) })
  .apply(z.withMeta, { id: 'ReminderBatch' });
export type ReminderBatch = z.infer<typeof reminderBatchSchema>;

export const reminderListQuerySchema = z.strictObject({
  ...pagingFields(),
  targetType: z.optional(z.enum(reminderTargetTypes)),
  targetId: z.optional(idSchema),
});
export type ReminderListQuery = z.infer<typeof reminderListQuerySchema>;

export const reminderPageSchema = pageOf(reminderSchema);
export type ReminderPage = z.infer<typeof reminderPageSchema>;

/** Marking read takes no fields. */
export const reminderReadRequestSchema = z.strictObject({});
