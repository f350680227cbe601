/**
 * CloudWatch alarms into one SNS topic (encrypted, TLS only): every function's errors and throttles,
 * every dead-letter queue that holds a message, the API's p99 latency and 5xx answers, DynamoDB's read
 * and write throttling, and any hash chain the daily verify found broken. Missing data is not breaching
 * for those (an idle deployment stays quiet) — but the daily verify's heartbeat is: a verify that stops
 * running (a deleted schedule, a function that fails before it reports) is itself an alarm.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { idOf } from './functions.js';

/** The daily verify's heartbeat: five 6-hour periods without a report (30 hours) raise the alarm. */
export const HEARTBEAT = { period: Duration.hours(6), periods: 5 } as const;

export const API_5XX_THRESHOLD = 5;

/** How far behind the table's stream a consumer may fall before it is an alarm (ms). */
export const STREAM_LAG_MS = 3_600_000;

export interface AlarmsProps {
  key: Key;
  functions: Record<string, LambdaFunction>;
  deadLetterQueues: Record<string, Queue | undefined>;
  api: HttpApi;
  apiP99Ms: number;
  table: Table;
  /** Functions fed by the table's stream: alarmed when they fall behind it. */
  streamConsumers: Record<string, LambdaFunction>;
  /** The metrics namespace of functions/src/aws/observability.ts. */
  namespace: string;
  email?: string;
}

export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Jiandu alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    // CloudWatch publishes to the encrypted topic with the key.
    props.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey');
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);
    const alarm = (
      name: string,
      metric: IMetric,
      threshold: number,
      description: string,
      opts: Partial<Pick<AlarmProps, 'comparisonOperator' | 'treatMissingData' | 'evaluationPeriods'>> = {},
    ) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
        ...opts,
      });
      a.addAlarmAction(action);
      return a;
    };
    const period = Duration.minutes(5);
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${idOf(name)}Errors`, fn.metricErrors({ period }), 1, `${name}: invocations failed`);
      alarm(`${idOf(name)}Throttles`, fn.metricThrottles({ period }), 1, `${name}: invocations throttled`);
    }
    for (const [name, q] of Object.entries(props.deadLetterQueues)) {
      if (!q) continue;
      alarm(
        `${idOf(name)}DeadLetters`,
        q.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        1,
        `${name}: a run failed every retry (its event is in the dead-letter queue)`,
      );
    }
    alarm(
      'ApiLatencyP99',
      props.api.metricLatency({ period, statistic: 'p99' }),
      props.apiP99Ms,
      `API p99 latency at or above ${props.apiP99Ms} ms`,
    );
    for (const [name, fn] of Object.entries(props.streamConsumers)) {
      alarm(
        `${idOf(name)}IteratorAge`,
        fn.metric('IteratorAge', { period, statistic: 'Maximum' }),
        STREAM_LAG_MS,
        `${name}: more than an hour behind the table's stream (which keeps 24 hours)`,
      );
    }
    alarm(
      'Api5xx',
      props.api.metricServerError({ period, statistic: 'Sum' }),
      API_5XX_THRESHOLD,
      `the API answered 5xx at least ${API_5XX_THRESHOLD} times in 5 minutes`,
    );
    for (const kind of ['Read', 'Write'] as const) {
      alarm(
        `Table${kind}Throttles`,
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName: `${kind}ThrottleEvents`,
          dimensionsMap: { TableName: props.table.tableName },
          period,
          statistic: 'Sum',
        }),
        1,
        `DynamoDB throttled ${kind.toLowerCase()}s of the table`,
      );
    }
    const verifyMetric = (statistic: string, p: Duration) =>
      new Metric({
        namespace: props.namespace,
        metricName: 'brokenChains',
        dimensionsMap: { service: 'verify-digest' },
        period: p,
        statistic,
      });
    alarm(
      'BrokenChains',
      verifyMetric('Maximum', Duration.hours(1)),
      1,
      'the daily verify found a broken hash chain: records were altered outside the API',
    );
    // Every run of the verify reports brokenChains (0 when all is well): no sample in 30 hours means no
    // verify in a day and a quarter, whatever the reason. Missing data is exactly what this alarm is for.
    alarm(
      'VerifyHeartbeat',
      verifyMetric('SampleCount', HEARTBEAT.period),
      1,
      `no daily verify has reported for ${HEARTBEAT.period.toHours() * HEARTBEAT.periods} hours`,
      {
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
        evaluationPeriods: HEARTBEAT.periods,
      },
    );
  }
}
