/**
 * 督办单/催办 (issue 16): a supervisor reminds the people responsible for one or many records. Each target
 * record gets a reminder of its own (its responsible unit's post holders differ), listing the named
 * recipients — the holders of the unit's principal and deputy-in-charge posts on the day issued — and
 * any post nobody held that day, reported with the unit above.
 */
import { z } from 'zod';
import { idSchema, instantSchema, localDateSchema } from '../schemas/common.js';
import { noteText } from '../schemas/text.js';
import { pageOf, pagingFields } from './common.js';

export const reminderTargetTypes = ['rectification', 'petition', 'case'] as const;
export type ReminderTargetType = (typeof reminderTargetTypes)[number];

export const reminderTargetSchema = z
  .strictObject({ type: z.enum(reminderTargetTypes), id: idSchema })
  .meta({ id: 'ReminderTarget' });
export type ReminderTarget = z.infer<typeof reminderTargetSchema>;

/**
 * At most 19 targets per request: every target's reminder, the event on its record and its notification
 * are written in one transaction with the request's Idempotency-Key marker (DynamoDB: 100 items).
 */
export const MAX_REMINDER_TARGETS = 19;

export const reminderInputSchema = z
  .strictObject({
    targets: z.array(reminderTargetSchema).min(1).max(MAX_REMINDER_TARGETS),
    message: noteText(500).optional(),
  })
  .meta({ id: 'ReminderInput' });
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
    targetTitle: z.string().nullable().optional(),
    /** The record's responsible unit, whose post holders it reaches. */
    unitId: idSchema,
    /** The unit's name when issued (a person reads names, not ids). */
    unitName: z.string().nullable().optional(),
    message: z.string().nullable(),
    issuedBy: z.strictObject({ userId: z.string(), name: z.string().nullable() }),
    issuedAt: instantSchema,
    /** The local day whose post holders it reaches. */
    day: localDateSchema,
    recipients: z.array(
      z.strictObject({ personId: idSchema, name: z.string().nullable(), post: leaderPost }),
    ),
    /** Posts nobody held that day, reported to `reportTo` (the unit above; null at the top). */
    vacant: z.array(z.strictObject({ post: leaderPost, reportTo: idSchema.nullable() })),
    /** Who read it and when (users of the responsible unit), first read per user. */
    reads: z.array(z.strictObject({ userId: z.string(), name: z.string().nullable(), at: instantSchema })),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Reminder' });
export type Reminder = z.infer<typeof reminderSchema>;

/** The answer of POST /reminders: one reminder per target, in the request's order. */
export const reminderBatchSchema = z
  .strictObject({ items: z.array(reminderSchema) })
  .meta({ id: 'ReminderBatch' });
export type ReminderBatch = z.infer<typeof reminderBatchSchema>;

export const reminderListQuerySchema = z.strictObject({
  ...pagingFields(),
  targetType: z.enum(reminderTargetTypes).optional(),
  targetId: idSchema.optional(),
});
export type ReminderListQuery = z.infer<typeof reminderListQuerySchema>;

export const reminderPageSchema = pageOf(reminderSchema);
export type ReminderPage = z.infer<typeof reminderPageSchema>;

/** Marking read takes no fields. */
export const reminderReadRequestSchema = z.strictObject({});
