/**
 * CloudWatch alarms into one SNS topic (encrypted, TLS only): every function's errors and throttles,
 * every dead-letter queue that holds a message, the API's p99 latency, and any hash chain the daily
 * verify found broken. Missing data is not breaching: an idle deployment stays quiet.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { idOf } from './functions.js';

export interface AlarmsProps {
  key: Key;
  functions: Record<string, LambdaFunction>;
  deadLetterQueues: Record<string, Queue | undefined>;
  api: HttpApi;
  apiP99Ms: number;
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
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
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
    alarm(
      'BrokenChains',
      new Metric({
        namespace: props.namespace,
        metricName: 'brokenChains',
        dimensionsMap: { service: 'verify-digest' },
        period: Duration.hours(1),
        statistic: 'Maximum',
      }),
      1,
      'the daily verify found a broken hash chain: records were altered outside the API',
    );
  }
}
