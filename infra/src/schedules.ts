/**
 * EventBridge Scheduler runs every scheduled function in the scheme's time zone (Asia/Shanghai by
 * default), so "daily after midnight" means local midnight, as the rules of DESIGN §4 count days. Each
 * run gets its scheduled time as input (functions/src/handlers/job-handler.ts runs the job for it), so a
 * retry does the day's work, not the next one's. Every job is idempotent and daily: a missed day is made
 * up by the next run (publish-quarter looks back two quarters; advance-horizon moves to the current one).
 */
import type { HandlerName, ScheduledName } from '@jiandu/functions/handlers/registry';
import { DEFAULT_SCHEME } from '@jiandu/shared';
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { idOf } from './functions.js';

/** Local time of day of each scheduled function: the horizon first, then the sweep that reads it. */
export const SCHEDULE_TIMES: Record<
  Exclude<ScheduledName, keyof typeof SCHEDULE_RATES>,
  { hour: number; minute: number }
> = {
  'advance-horizon': { hour: 0, minute: 5 },
  'overdue-sweep': { hour: 0, minute: 30 },
  'publish-quarter': { hour: 1, minute: 0 },
  'verify-digest': { hour: 3, minute: 0 },
};

/** Functions run at a fixed rate instead (the outbox dispatcher: every minute), in minutes. */
export const SCHEDULE_RATES = { 'outbox-dispatcher': 1, scheduler: 15 } as const satisfies Partial<
  Record<HandlerName, number>
>;

export const SCHEDULE_TIME_ZONE = DEFAULT_SCHEME.timeZone;

export interface SchedulesProps {
  functions: Record<ScheduledName, IFunction>;
  deadLetterQueues: Partial<Record<HandlerName, IQueue>>;
}

export class Schedules extends Construct {
  readonly invokers: { role: Role; fn: IFunction }[] = [];

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const timeZone = TimeZone.of(SCHEDULE_TIME_ZONE);
    const names = [
      ...(Object.keys(SCHEDULE_TIMES) as (keyof typeof SCHEDULE_TIMES)[]),
      ...(Object.keys(SCHEDULE_RATES) as (keyof typeof SCHEDULE_RATES)[]),
    ];
    for (const name of names) {
      const rate = name in SCHEDULE_RATES ? SCHEDULE_RATES[name as keyof typeof SCHEDULE_RATES] : null;
      const at = rate === null ? SCHEDULE_TIMES[name as keyof typeof SCHEDULE_TIMES] : null;
      const dlq = props.deadLetterQueues[name];
      const fn = props.functions[name];
      // Our own role (a stable path for its acknowledgement), trusted by the scheduler of this account only.
      const role = new Role(this, `${idOf(name)}Invoker`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
        description: `EventBridge Scheduler: invoke ${name}`,
      });
      this.invokers.push({ role, fn });
      new Schedule(this, idOf(name), {
        description: at
          ? `Jiandu ${name}, daily at ${at.hour}:${String(at.minute).padStart(2, '0')} ${SCHEDULE_TIME_ZONE}`
          : `Jiandu ${name}, every ${rate} minute(s)`,
        schedule: at
          ? ScheduleExpression.cron({ hour: String(at.hour), minute: String(at.minute), timeZone })
          : ScheduleExpression.rate(Duration.minutes(rate ?? 1)),
        target: new LambdaInvoke(fn, {
          role,
          input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
          ...(dlq ? { deadLetterQueue: dlq } : {}),
        }),
      });
    }
  }
}
