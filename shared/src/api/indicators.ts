/** 考核指标: targets and plans (supervisors), actuals (the unit's officer), listed by year. */
import { z } from 'zod';
import { indicatorSchema, indicatorValueSchema } from '../schemas/indicator.js';
import { pageOf, unitPageFields } from './common.js';

const quarterly = z
  .tuple([
    indicatorValueSchema.nullable(),
    indicatorValueSchema.nullable(),
    indicatorValueSchema.nullable(),
    indicatorValueSchema.nullable(),
  ])
  .meta({ description: 'Cumulative values at the end of Q1..Q4 (null: none)' });
export type Quarterly = z.infer<typeof quarterly>;

/** Body of POST /indicators: the indicator without its id; actuals default to none reported. */
export const indicatorInputSchema = indicatorSchema.omit({ id: true, actuals: true }).extend({
  actuals: quarterly.default([null, null, null, null]),
});
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

/** A change: the version read, then only the fields to change. Unit officers may send `actuals` only. */
export const indicatorChangeSchema = z.strictObject({
  expectedVersion: z.number().int().min(1),
  name: indicatorSchema.shape.name.optional(),
  measure: indicatorSchema.shape.measure,
  target: indicatorSchema.shape.target.optional(),
  plan: quarterly.optional(),
  actuals: quarterly.optional(),
});
export type IndicatorChange = z.infer<typeof indicatorChangeSchema>;

export const indicatorViewSchema = indicatorSchema.extend({ version: z.number().int().min(1) });
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorListQuerySchema = z.strictObject({
  ...unitPageFields(100),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuerySchema>;
export const indicatorPageSchema = pageOf(indicatorViewSchema);
