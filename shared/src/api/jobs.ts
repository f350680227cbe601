/** 定时任务: what the scheduled jobs did (runs) and when they run (schedules). */
import * as z from '../zod.js';
import { pageOf, pagingFields } from './common.js';

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;

export const jobRunSchema = z
  .object({
    id: z.string(),
    job: z.string(),
    forTime: z
      .string()
      .apply(z.withMeta, { description: 'The scheduled occurrence the run did the work of' }),
    startedAt: z.string(),
    endedAt: z.nullable(z.string()),
    status: z.enum(JOB_RUN_STATUSES),
    counts: z.record(z.string(), z.number()),
    error: z.nullable(z.string()),
    attempt: z
      .int()
      .apply(z.withMeta, { description: '1 for the first try of the occurrence, 2 after one failure …' }),
  })
  .apply(z.withMeta, { id: 'JobRun' });
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobRunListQuerySchema = z.strictObject({
  ...pagingFields(),
  job: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  status: z.optional(z.enum(JOB_RUN_STATUSES)),
});
export type JobRunListQuery = z.infer<typeof jobRunListQuerySchema>;
export const jobRunPageSchema = pageOf(jobRunSchema);

/** When a job runs: a cron in the scheme's zone, how missed runs catch up, which runs are recorded. */
export const scheduleEntrySchema = z.object({
  job: z.string(),
  cron: z.string().apply(z.withMeta, { description: 'Five-field cron, read in timeZone' }),
  timeZone: z.string(),
  /**
   * `every`: each missed occurrence runs, once, oldest first (a daily sweep for each day the stack was
   * off). `latest`: only the newest due occurrence runs (the outbox dispatcher: one run catches up all).
   */
  catchUp: z.enum(['every', 'latest']),
  /** `always` records every run; `whenBusy` only runs that did something or failed (every-minute jobs). */
  record: z.enum(['always', 'whenBusy']),
});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

export const scheduleSchema = z
  .extend(scheduleEntrySchema, { lastCompleted: z.nullable(z.string()), nextRun: z.nullable(z.string()) })
  .apply(z.withMeta, { id: 'Schedule' });
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleListSchema = z.object({ items: z.array(scheduleSchema) });
export type ScheduleList = z.infer<typeof scheduleListSchema>;
