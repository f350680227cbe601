/**
 * One Lambda function per entry of functions/src/handlers/registry.ts: Node.js 24 on arm64, the
 * esbuild bundle of that entry as its code, active tracing where the partition offers X-Ray for Lambda
 * (not aws-cn), its own log group and its own role with only what that function uses (ACCESS: table
 * actions, key grants, mail and secrets — named resources, no managed policies), the environment its
 * entry validates at start, a timeout below what calls it (TIMEOUTS), and — for scheduled ones —
 * retries into a dead-letter queue and reserved concurrency of one.
 */
import { join } from 'node:path';
import { PII_ENCRYPTION_CONTEXT } from '@jiandu/functions/aws/kms-key-wrapper';
import { AWS_REQUIRED, type Env } from '@jiandu/functions/env';
import { HANDLER_NAMES, HANDLERS, type HandlerName } from '@jiandu/functions/handlers/registry';
import { keys, STATE_SK } from '@jiandu/functions/store/keys';
import { TABLE } from '@jiandu/functions/store/table';

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  FilterCriteria,
  FilterRule,
  Function as LambdaFunction,
  Runtime,
  StartingPosition,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
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
  apiMaxConcurrency: number;
  /** X-Ray active tracing (off in aws-cn, where Lambda has none). */
  tracing: boolean;
  /** The SES identity's ARN, when mail goes by SES. */
  mailIdentityArn?: string;
  /** The secrets functions read at run time, each given to the functions that ACCESS says use it. */
  secrets: { smtp?: ISecret; webhooks: ISecret; origin?: ISecret };
}

/** What one function may do; everything else its role does not grant. */
export interface Access {
  /** Table reads (GetItem, BatchGetItem, Query, DescribeTable), always. `write`: puts, updates, deletes. */
  write: boolean;
  /** Scan: the full verify only (the API and the jobs read by key and index). */
  scan: boolean;
  /** The PII key (petitioner identity): the API, and the catch-up scheduler whose petition sweep reads it. */
  pii: boolean;
  /** Sends notifications: mail (SES or SMTP secret) and the group robots' secret. */
  notify: boolean;
  /** Reads the origin secret (the API, when CloudFront is in front). */
  origin: boolean;
  /** Reads and writes evidence files in their bucket (the API groups whose routes carry evidence). */
  evidence: boolean;
}

/**
 * The API is one function per route group (functions/src/app/route-groups.ts), each with the same grants
 * but for evidence: every API function reads PII (petitions, and the list cursors' key, which the PII key
 * wraps) and the origin secret; evidence only where its routes are (uploads and rectifications' evidence
 * in api-records, objections' in api-rankings).
 */
const API_ACCESS = { write: true, scan: false, pii: true, notify: false, origin: true, evidence: false };

export const ACCESS: Record<HandlerName, Access> = {
  api: API_ACCESS,
  'api-records': { ...API_ACCESS, evidence: true },
  'api-rankings': { ...API_ACCESS, evidence: true },
  'api-sheets': API_ACCESS,
  'api-home': API_ACCESS,
  'overdue-sweep': { write: true, scan: false, pii: false, notify: false, origin: false, evidence: false },
  'advance-horizon': { write: true, scan: false, pii: false, notify: false, origin: false, evidence: false },
  'publish-quarter': { write: true, scan: false, pii: false, notify: false, origin: false, evidence: false },
  // Writes its checkpoint of verified heads (the incremental verify) and nothing else.
  'verify-digest': { write: true, scan: true, pii: false, notify: false, origin: false, evidence: false },
  'outbox-dispatcher': { write: true, scan: false, pii: false, notify: true, origin: false, evidence: false },
  // Runs every job of the schedule table (the petition SLA sweep, the outbox, the monthly bulletin …).
  scheduler: { write: true, scan: false, pii: true, notify: true, origin: false, evidence: false },
  // Writes change markers from the table's stream (and reads the stream: granted by its event source).
  'change-feed': { write: true, scan: false, pii: false, notify: false, origin: false, evidence: false },
};

/**
 * Timeouts: the API's below the HTTP API's 29-second integration timeout (so Lambda, not the gateway,
 * ends a slow request, and its error is logged); the outbox dispatcher's below its one-minute schedule
 * (with concurrency one, a run that outlived it would make the next one throttle); the catch-up
 * scheduler's below its 15 minutes; the daily jobs may take Lambda's maximum.
 */
export const INTEGRATION_TIMEOUT_SECONDS = 29;
export const TIMEOUTS: Record<HandlerName, Duration> = {
  api: Duration.seconds(25),
  'api-records': Duration.seconds(25),
  'api-rankings': Duration.seconds(25),
  'api-sheets': Duration.seconds(25),
  'api-home': Duration.seconds(25),
  'overdue-sweep': Duration.minutes(15),
  'advance-horizon': Duration.minutes(15),
  'publish-quarter': Duration.minutes(15),
  'verify-digest': Duration.minutes(15),
  'outbox-dispatcher': Duration.seconds(50),
  scheduler: Duration.minutes(10),
  'change-feed': Duration.minutes(1),
};

/** Names a function gets when the stack has a value, though its entry does not require them. */
const OPTIONAL: readonly (keyof Env)[] = [
  'LOG_LEVEL',
  'AUTH_JWKS_URL',
  'AUTH_ROLE_MAP',
  'AUTH_USERNAME_CLAIM',
];
/** … and the ones only the functions that notify (ACCESS.notify) get. */
const NOTIFY: readonly (keyof Env)[] = [
  'MAIL_FROM',
  'MAIL_TRANSPORT',
  'SMTP_SECRET_ARN',
  'WEBHOOKS_SECRET_ARN',
];

/** The environment of one function: AWS_REQUIRED, the entry's own names, and the optional ones. */
export function environmentOf(name: HandlerName, values: EnvValues): Record<string, string> {
  const required = [...AWS_REQUIRED, ...HANDLERS[name].env];
  const missing = required.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new Error(`function ${name}: no value for ${missing.join(', ')}`);
  const access = ACCESS[name];
  const env: Record<string, string> = {};
  const names = [
    ...required,
    ...OPTIONAL,
    ...(access.notify ? NOTIFY : []),
    // The API's functions alone: the origin secret.
    ...(access.origin ? (['ORIGIN_SECRET_ARN'] as const) : []),
    // The first administrators: created by the `api` function (the one serving sign-in and accounts).
    ...(name === 'api' ? (['JIANDU_FIRST_ADMINS'] as const) : []),
  ];
  for (const k of names) {
    const v = values[k];
    if (v !== undefined) env[k] = v;
  }
  return env;
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'];
const TABLE_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The table actions of one function's access. */
export const tableActionsOf = (a: Access): string[] => [
  ...TABLE_READ,
  ...(a.scan ? ['dynamodb:Scan'] : []),
  ...(a.write ? TABLE_WRITE : []),
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
      const access = ACCESS[name];
      const cid = idOf(name);
      const scheduled = spec.kind === 'scheduled';
      const stream = spec.kind === 'stream';
      const role = new Role(this, `${cid}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Jiandu ${name} function`,
      });
      const logGroup = new LogGroup(this, `${cid}Logs`, {
        retention: RetentionDays.ONE_YEAR,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const dlq =
        scheduled || stream
          ? new Queue(this, `${cid}Dlq`, {
              encryption: QueueEncryption.SQS_MANAGED,
              enforceSSL: true,
              retentionPeriod: Duration.days(14),
            })
          : undefined;
      if (dlq) this.dlq[name] = dlq;
      // Each API function's ceiling, one run at a time for each job; the stream's consumers follow its shards.
      const reserved = scheduled ? 1 : stream ? undefined : props.apiMaxConcurrency;
      const fn = new LambdaFunction(this, cid, {
        description: `Jiandu ${name}`,
        runtime: RUNTIME,
        architecture: Architecture.ARM_64,
        handler: 'index.handler',
        code: Code.fromAsset(join(props.bundleDir, name)),
        memorySize: 1024,
        timeout: TIMEOUTS[name],
        role,
        logGroup,
        tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
        environment: environmentOf(name, props.env),
        ...(props.reservedConcurrency && reserved !== undefined
          ? { reservedConcurrentExecutions: reserved }
          : {}),
        ...(dlq && scheduled
          ? { deadLetterQueue: dlq, retryAttempts: 2, maxEventAge: Duration.hours(6) }
          : {}),
      });
      if (stream && dlq) {
        // Chain items only (state and events); a failing batch is halved and retried, then named in the queue.
        fn.addEventSource(
          new DynamoEventSource(storage.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: 100,
            maxBatchingWindow: Duration.seconds(5),
            bisectBatchOnError: true,
            retryAttempts: 10,
            maxRecordAge: Duration.hours(12),
            onFailure: new SqsDlq(dlq),
            filters: [
              FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: [STATE_SK] } } } }),
              FilterCriteria.filter({
                dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(keys.eventPrefix) } } },
              }),
            ],
          }),
        );
      }
      role.addToPolicy(
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
      );
      this.grantStore(role, storage, access);
      if (access.evidence) {
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
      if (access.notify) {
        if (props.mailIdentityArn) {
          role.addToPolicy(
            new PolicyStatement({
              actions: ['ses:SendEmail', 'ses:SendRawEmail'],
              resources: [props.mailIdentityArn],
            }),
          );
        }
        props.secrets.smtp?.grantRead(role);
        props.secrets.webhooks.grantRead(role);
      }
      if (access.origin) props.secrets.origin?.grantRead(role);
      fns[name] = fn;
      roles[name] = role;
    }
    this.fn = fns as Record<HandlerName, LambdaFunction>;
    this.role = roles as Record<HandlerName, Role>;
  }

  /**
   * The table and its indexes, named one by one, with the actions `access` allows; the table's key
   * (Decrypt to read, Encrypt and GenerateDataKey to write); the PII key only where PII is read.
   */
  private grantStore(role: Role, storage: Storage, access: Access): void {
    const tableArn = storage.table.tableArn;
    role.addToPolicy(
      new PolicyStatement({
        actions: tableActionsOf(access),
        resources: [tableArn, ...TABLE.indexes.map((i) => `${tableArn}/index/${i.name}`)],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          'kms:Decrypt',
          'kms:DescribeKey',
          ...(access.write ? ['kms:Encrypt', 'kms:GenerateDataKey'] : []),
        ],
        resources: [storage.dataKey.keyArn],
      }),
    );
    if (!access.pii) return;
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
