/** 考核指标/任务: per unit and year, a target, an optional quarterly cumulative plan, and actuals. */
import * as z from '../zod.js';
import { idSchema, shortText } from './common.js';

/** Indicator values: non-negative, at most 4 decimal places (scored exactly, see scoring/task). */
export const indicatorValueSchema = z.number().check(
  z.gte(0),
  z.lte(1e12),
  z.refine((v) => Math.abs(Math.round(v * 10_000) - v * 10_000) < 1e-6, {
    message: 'at most 4 decimal places',
  }),
);

const quarterly = z.tuple([
  z.nullable(indicatorValueSchema),
  z.nullable(indicatorValueSchema),
  z.nullable(indicatorValueSchema),
  z.nullable(indicatorValueSchema),
]);

export const indicatorSchema = z.strictObject({
  id: idSchema,
  unitId: idSchema,
  year: z.int().check(z.gte(2000), z.lte(2100)),
  name: shortText(200),
  measure: z.optional(shortText(20)),
  /** Annual target; null = no target (the indicator is not scored). */
  target: z.nullable(indicatorValueSchema),
  /** Cumulative plan at the end of Q1..Q4 (任务分解表/倒排工期表); null entries default to target × q/4. */
  plan: z.optional(quarterly),
  /** Cumulative actual at the end of Q1..Q4, as reported; a missing actual counts as 0. */
  actuals: quarterly,
});
export type Indicator = z.infer<typeof indicatorSchema>;
