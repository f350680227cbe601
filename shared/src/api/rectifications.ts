/** 整改: the requests and answers of the rectification routes (assign, list, read, act). */
import { z } from 'zod';
import { rectificationActionSchema, rectificationActionTypes } from '../rectification/actions.js';
import { rectificationState } from '../schemas/enums.js';
import { rectificationInputSchema, rectificationSchema } from '../schemas/rectification.js';
import { dueSortQuery, lightQuery, lightSchema, pageOf } from './common.js';
import { listQuerySchema } from './records.js';

export { rectificationInputSchema };
/** POST /api/v1/rectifications (the amount defaults to 0, hence the input type). */
export type RectificationCreateRequest = z.input<typeof rectificationInputSchema>;

export const rectificationListQuerySchema = listQuerySchema
  .omit({ state: true, category: true, severity: true })
  .extend({
    state: z
      .enum([...rectificationState.codes, 'open'])
      .optional()
      .meta({ description: 'A workflow state, or `open` for every state but `closed`' }),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .meta({
        description:
          'true: past the deadline day and not closed (derived at the time of the call), listed by deadline, ' +
          'the most overdue first (as with sort=deadline; light=red likewise)',
      }),
    light: lightQuery,
    sort: dueSortQuery,
    review: z
      .enum(['mine'])
      .optional()
      .meta({
        description:
          'mine: waiting for the caller’s review — 已提交销号 (first step) and 初审通过 (second step), never one the ' +
          'caller submitted or approved at the first step (双人复核); `state` narrows it to one step',
      }),
    extension: z.enum(['pending']).optional().meta({
      description: 'pending: with an extension request (延期申请) waiting for a decision',
    }),
  });
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;

/** A rectification in a list: the record and its days overdue. */
export const rectificationRowSchema = rectificationSchema
  .extend({
    daysOverdue: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Whole local days past the deadline day (0 when not overdue or closed)' }),
    light: lightSchema,
  })
  .meta({ id: 'RectificationRow' });
export type RectificationRow = z.infer<typeof rectificationRowSchema>;

export const rectificationPageSchema = pageOf(rectificationRowSchema);
export type RectificationPage = z.infer<typeof rectificationPageSchema>;

/** One rectification as read or acted on: the row, what the caller may do now, and names by id. */
export const rectificationViewSchema = rectificationRowSchema
  .extend({
    allowedActions: z
      .array(z.enum(rectificationActionTypes))
      .meta({ description: 'What the caller may do now (the UI shows exactly these)' }),
    names: z.record(z.string(), z.string()).meta({
      description: 'The current names of the users the record names (notes, evidence, reviewers), by id',
    }),
  })
  .meta({ id: 'RectificationView' });
export type RectificationView = z.infer<typeof rectificationViewSchema>;

export const rectificationActionRequestSchema = z
  .strictObject({
    action: rectificationActionSchema,
    expectedVersion: z.number().int().min(1).meta({
      description: 'The version the client last saw: a stale one is refused with the current state',
    }),
  })
  .meta({ id: 'RectificationActionRequest' });
export type RectificationActionRequest = z.input<typeof rectificationActionRequestSchema>;
