/** 考核指标/任务: per unit and year, a target, an optional quarterly cumulative plan, and actuals. */
import { z } from 'zod';
import { idSchema, shortText } from './common.js';

/** Indicator values: non-negative, at most 4 decimal places (scored exactly, see scoring/task). */
export const indicatorValueSchema = z
  .number()
  .min(0)
  .max(1e12)
  .refine((v) => Math.abs(Math.round(v * 10_000) - v * 10_000) < 1e-6, {
    message: 'at most 4 decimal places',
  });

const quarterly = z.tuple([
  indicatorValueSchema.nullable(),
  indicatorValueSchema.nullable(),
  indicatorValueSchema.nullable(),
  indicatorValueSchema.nullable(),
]);

export const indicatorSchema = z.strictObject({
  id: idSchema,
  unitId: idSchema,
  year: z.number().int().min(2000).max(2100),
  name: shortText(200),
  measure: shortText(20).optional(),
  /** Annual target; null = no target (the indicator is not scored). */
  target: indicatorValueSchema.nullable(),
  /** Cumulative plan at the end of Q1..Q4 (任务分解表/倒排工期表); null entries default to target × q/4. */
  plan: quarterly.optional(),
  /** Cumulative actual at the end of Q1..Q4, as reported; a missing actual counts as 0. */
  actuals: quarterly,
});
export type Indicator = z.infer<typeof indicatorSchema>;
