/**
 * One Lambda function per entry of functions/src/handlers/registry.ts: Node.js 24 on arm64, the
 * esbuild bundle of that entry as its code, active tracing, its own log group and its own role with
 * only what it uses (named resources, no managed policies), the environment its entry validates at
 * start, and — for scheduled ones — retries into a dead-letter queue and reserved concurrency of one.
 */
import { join } from 'node:path';
import { PII_ENCRYPTION_CONTEXT } from '@jiandu/functions/aws/kms-key-wrapper';
import { AWS_REQUIRED, type Env } from '@jiandu/functions/env';
import { HANDLER_NAMES, HANDLERS, type HandlerName } from '@jiandu/functions/handlers/registry';
import { TABLE } from '@jiandu/functions/store/table';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Storage } from './storage.js';

/** Lambda's newest Node.js; the bundles target ES2022, so they also run on the Node.js 20 used here. */
export const RUNTIME = Runtime.NODEJS_24_X;

export type EnvValues = Partial<Record<keyof Env, string>>;

export interface FunctionsProps {
  storage: Storage;
  /** The values the stack can give; each function gets the names its entry needs. */
  env: EnvValues;
  bundleDir: string;
  reservedConcurrency: boolean;
  apiMaxConcurrency?: number;
  /** The SES identity's ARN, when mail is configured. */
  mailIdentityArn?: string;
}

/** Names a function gets when the stack has a value, though its entry does not require them. */
const OPTIONAL: readonly (keyof Env)[] = ['LOG_LEVEL', 'MAIL_FROM'];

/** The environment of one function: AWS_REQUIRED, the entry's own names, and the optional ones. */
export function environmentOf(name: HandlerName, values: EnvValues): Record<string, string> {
  const required = [...AWS_REQUIRED, ...HANDLERS[name].env];
  const missing = required.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new Error(`function ${name}: no value for ${missing.join(', ')}`);
  const env: Record<string, string> = {};
  for (const k of [...required, ...OPTIONAL]) {
    const v = values[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

/** A construct id from a handler name: overdue-sweep → OverdueSweep. */
export const idOf = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase());

export class Functions extends Construct {
  readonly fn: Record<HandlerName, LambdaFunction>;
  readonly dlq: Partial<Record<HandlerName, Queue>> = {};
  readonly role: Record<HandlerName, Role>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { storage } = props;
    const fns: Partial<Record<HandlerName, LambdaFunction>> = {};
    const roles: Partial<Record<HandlerName, Role>> = {};
    for (const name of HANDLER_NAMES) {
      const spec = HANDLERS[name];
      const cid = idOf(name);
      const scheduled = spec.kind === 'scheduled';
      const role = new Role(this, `${cid}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Jiandu ${name} function`,
      });
      const logGroup = new LogGroup(this, `${cid}Logs`, {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const dlq = scheduled
        ? new Queue(this, `${cid}Dlq`, {
            encryption: QueueEncryption.SQS_MANAGED,
            enforceSSL: true,
            retentionPeriod: Duration.days(14),
          })
        : undefined;
      if (dlq) this.dlq[name] = dlq;
      const reserved = scheduled ? 1 : props.apiMaxConcurrency;
      const fn = new LambdaFunction(this, cid, {
        description: `Jiandu ${name}`,
        runtime: RUNTIME,
        architecture: Architecture.ARM_64,
        handler: 'index.handler',
        code: Code.fromAsset(join(props.bundleDir, name)),
        memorySize: 1024,
        timeout: scheduled ? Duration.minutes(15) : Duration.seconds(29),
        role,
        logGroup,
        tracing: Tracing.ACTIVE,
        environment: environmentOf(name, props.env),
        ...(props.reservedConcurrency && reserved !== undefined
          ? { reservedConcurrentExecutions: reserved }
          : {}),
        ...(dlq ? { deadLetterQueue: dlq, retryAttempts: 2, maxEventAge: Duration.hours(6) } : {}),
      });
      role.addToPolicy(
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
      );
      this.grantStore(role, storage);
      if (name === 'api') {
        role.addToPolicy(
          new PolicyStatement({
            actions: ['s3:PutObject', 's3:GetObject'],
            resources: [storage.evidence.arnForObjects('evidence/*')],
          }),
        );
        // HeadObject of a file not (yet) uploaded answers 404 only to a caller that may list the bucket
        // (403 otherwise): functions/src/evidence/s3-evidence.ts asks whether the bytes are there.
        role.addToPolicy(
          new PolicyStatement({
            actions: ['s3:ListBucket'],
            resources: [storage.evidence.bucketArn],
            conditions: { StringLike: { 's3:prefix': ['evidence/*'] } },
          }),
        );
      }
      if (name === 'verify-digest') {
        role.addToPolicy(
          new PolicyStatement({
            actions: ['s3:PutObject'],
            resources: [storage.digests.arnForObjects('digests/*')],
          }),
        );
      }
      if (props.mailIdentityArn) {
        role.addToPolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail', 'ses:SendRawEmail'],
            resources: [props.mailIdentityArn],
          }),
        );
      }
      fns[name] = fn;
      roles[name] = role;
    }
    this.fn = fns as Record<HandlerName, LambdaFunction>;
    this.role = roles as Record<HandlerName, Role>;
  }

  /** The table and its indexes, named one by one; the table's key; the PII key for PII only. */
  private grantStore(role: Role, storage: Storage): void {
    const tableArn = storage.table.tableArn;
    role.addToPolicy(
      new PolicyStatement({
        actions: TABLE_ACTIONS,
        resources: [tableArn, ...TABLE.indexes.map((i) => `${tableArn}/index/${i.name}`)],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [storage.dataKey.keyArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [storage.piiKey.keyArn],
        // Only for what functions/src/aws/kms-key-wrapper.ts asks: data keys bound to this purpose.
        conditions: { StringEquals: { 'kms:EncryptionContext:purpose': PII_ENCRYPTION_CONTEXT.purpose } },
      }),
    );
  }
}
