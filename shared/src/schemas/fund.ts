/** 项目资金台账: allocated and disbursed money per project and unit (DESIGN §4.6). */
import * as z from '../zod.js';
import { fenSchema, idSchema, localDateSchema, shortText } from './common.js';

export const fundProjectSchema = z.strictObject({
  id: idSchema,
  unitId: idSchema,
  name: shortText(200),
  allocatedFen: fenSchema,
  disbursedFen: fenSchema,
  plannedCompletion: localDateSchema,
});
export type FundProject = z.infer<typeof fundProjectSchema>;
