/** 考核指标: targets and plans (supervisors), actuals (the unit's officer), listed by year. */

import { indicatorSchema, indicatorValueSchema } from '../schemas/indicator.js';
import * as z from '../zod.js';
import { pageOf, unitPageFields } from './common.js';

const quarterly = z
  .tuple([
    z.nullable(indicatorValueSchema),
    z.nullable(indicatorValueSchema),
    z.nullable(indicatorValueSchema),
    z.nullable(indicatorValueSchema),
  ])
  .apply(z.withMeta, { description: 'Cumulative values at the end of Q1..Q4 (null: none)' });
export type Quarterly = z.infer<typeof quarterly>;

/** Body of POST /indicators: the indicator without its id; actuals default to none reported. */
export const indicatorInputSchema = z.extend(z.omit(indicatorSchema, { id: true, actuals: true }), {
  actuals: z._default(quarterly, [null, null, null, null]),
});
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

/** A change: the version read, then only the fields to change. Unit officers may send `actuals` only. */
export const indicatorChangeSchema = z.strictObject({
  expectedVersion: z.int().check(z.gte(1)),
  name: z.optional(indicatorSchema.shape.name),
  measure: indicatorSchema.shape.measure,
  target: z.optional(indicatorSchema.shape.target),
  plan: z.optional(quarterly),
  actuals: z.optional(quarterly),
});
export type IndicatorChange = z.infer<typeof indicatorChangeSchema>;

export const indicatorViewSchema = z.extend(indicatorSchema, { version: z.int().check(z.gte(1)) });
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorListQuerySchema = z.strictObject({
  ...unitPageFields(100),
  year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuerySchema>;
export const indicatorPageSchema = pageOf(indicatorViewSchema);
