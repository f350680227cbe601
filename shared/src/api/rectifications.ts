/** 整改: the requests and answers of the rectification routes (assign, list, read, act). */

import { rectificationActionSchema, rectificationActionTypes } from '../rectification/actions.js';
import { rectificationState } from '../schemas/enums.js';
import { rectificationInputSchema, rectificationSchema } from '../schemas/rectification.js';
import * as z from '../zod.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export { rectificationInputSchema };
/** POST /api/v1/rectifications (the amount defaults to 0, hence the input type). */
export type RectificationCreateRequest = z.input<typeof rectificationInputSchema>;

export const rectificationListQuerySchema = z.extend(
  z.omit(listQuerySchema, { state: true, category: true, severity: true }),
  {
    state: z
      .optional(z.enum([...rectificationState.codes, 'open']))
      .apply(z.withMeta, { description: 'A workflow state, or `open` for every state but `closed`' }),
    overdue: z.optional(z.enum(['true', 'false'])).apply(z.withMeta, {
      description:
        'true: past the deadline day and not closed (derived at the time of the call), listed by deadline, ' +
        'the most overdue first (as with sort=deadline; light=red likewise)',
    }),
    light: lightQuery,
    sort: dueSortQuery,
    review: z.optional(z.enum(['mine'])).apply(z.withMeta, {
      description:
        'mine: waiting for the caller’s review — 已提交销号 (first step) and 初审通过 (second step), never one the ' +
        'caller submitted or approved at the first step (双人复核); `state` narrows it to one step',
    }),
    extension: z.optional(z.enum(['pending'])).apply(z.withMeta, {
      description: 'pending: with an extension request (延期申请) waiting for a decision',
    }),
  },
);
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;

/** A rectification in a list: the record and its days overdue. */
export const rectificationRowSchema = z
  .extend(rectificationSchema, {
    daysOverdue: z.int().check(z.gte(0)).apply(z.withMeta, {
      description: 'Whole local days past the deadline day (0 when not overdue or closed)',
    }),
    light: lightSchema,
  })
  .apply(z.withMeta, { id: 'RectificationRow' });
export type RectificationRow = z.infer<typeof rectificationRowSchema>;

export const rectificationPageSchema = pageOf(rectificationRowSchema);
export type RectificationPage = z.infer<typeof rectificationPageSchema>;

/** One rectification as read or acted on: the row, what the caller may do now, and names by id. */
export const rectificationViewSchema = z
  .extend(rectificationRowSchema, {
    allowedActions: z
      .array(z.enum(rectificationActionTypes))
      .apply(z.withMeta, { description: 'What the caller may do now (the UI shows exactly these)' }),
    names: z.record(z.string(), z.string()).apply(z.withMeta, {
      description: 'The current names of the users the record names (notes, evidence, reviewers), by id',
    }),
  })
  .apply(z.withMeta, { id: 'RectificationView' });
export type RectificationView = z.infer<typeof rectificationViewSchema>;

export const rectificationActionRequestSchema = z
  .strictObject({
    action: rectificationActionSchema,
    expectedVersion: z.int().check(z.gte(1)).apply(z.withMeta, {
      description: 'The version the client last saw: a stale one is refused with the current state',
    }),
  })
  .apply(z.withMeta, { id: 'RectificationActionRequest' });
export type RectificationActionRequest = z.input<typeof rectificationActionRequestSchema>;
