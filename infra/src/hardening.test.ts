/**
 * Issue 18 on the synthesized templates of both partitions: what China needs to work, and what the global
 * partition needs to be hardened, each point a test that fails if it regresses.
 */
import { HANDLER_NAMES, HANDLERS, type HandlerName } from '@jiandu/functions/handlers/registry';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEARTBEAT, STREAM_LAG_MS } from './alarms.js';
import { BACKUP_RETENTION, TRAIL_RETENTION_DAYS } from './audit.js';
import { contextOf, PARTITIONS, type Partition } from './build.js';
import { DEFAULT_API_MAX_CONCURRENCY } from './config.js';
import { ACCESS, INTEGRATION_TIMEOUT_SECONDS, idOf } from './functions.js';
import { PUBLIC_ROUTE_THROTTLE, PUBLIC_ROUTES, STAGE_THROTTLE } from './http-api.js';
import { SCHEDULE_RATES } from './schedules.js';
import { resourcesOf, type Synthesized, statementsOf, synthesize } from './testing/synth.js';

const MAIL = { mailFrom: 'jiandu@example.gov.cn' };
const synths = {} as Record<Partition, Synthesized>;
beforeAll(() => {
  for (const p of PARTITIONS) synths[p] = synthesize(p, MAIL);
});

type Props = Record<string, unknown>;
const fnOf = (s: Synthesized, name: HandlerName) => {
  const hit = Object.entries(resourcesOf(s.template, 'AWS::Lambda::Function')).find(
    // The construct id and CDK's 8-digit hash (`Api` must not find `ApiRecords`).
    ([id]) => new RegExp(`^Functions${idOf(name)}[0-9A-F]{8}$`).test(id),
  );
  if (!hit) throw new Error(`no function ${name}`);
  return { id: hit[0], props: hit[1].Properties as Props };
};
const envOf = (s: Synthesized, name: HandlerName) =>
  (fnOf(s, name).props.Environment as { Variables: Record<string, unknown> }).Variables;
/** Every statement of the policies attached to one function's role. */
const statementsOfRole = (s: Synthesized, name: HandlerName) =>
  Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"Functions${idOf(name)}Role`))
    .flatMap(statementsOf);
const actionsOf = (st: Props): string[] => [st.Action].flat() as string[];

describe.each(PARTITIONS)('the %s stack', (partition) => {
  const s = () => synths[partition];

  it('synthesizes with mail configured and leaves no cdk-nag error or warning unacknowledged', () => {
    expect(s().findings.errors).toEqual([]);
    expect(s().findings.warnings).toEqual([]);
    if (s().edge) {
      expect(s().edge?.findings.errors).toEqual([]);
      expect(s().edge?.findings.warnings).toEqual([]);
    }
  });

  it('traces with X-Ray only where Lambda has it (not in aws-cn), and grants X-Ray only then', () => {
    const tracing = partition === 'aws';
    for (const f of Object.values(resourcesOf(s().template, 'AWS::Lambda::Function'))) {
      if (tracing) expect(f.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
      else expect(f.Properties?.TracingConfig).toBeUndefined();
    }
    const xray = Object.values(resourcesOf(s().template, 'AWS::IAM::Policy'))
      .flatMap(statementsOf)
      .filter((st) => actionsOf(st).some((a) => a.startsWith('xray:')));
    expect(xray.length > 0).toBe(tracing);
  });

  it('ends every API call in Lambda before the 29-second integration timeout, and each dispatch before the next minute', () => {
    for (const n of HANDLER_NAMES.filter((x) => HANDLERS[x].kind === 'http')) {
      expect(fnOf(s(), n).props.Timeout, n).toBeLessThan(INTEGRATION_TIMEOUT_SECONDS);
    }
    s().template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      TimeoutInMillis: INTEGRATION_TIMEOUT_SECONDS * 1000,
    });
    expect(fnOf(s(), 'outbox-dispatcher').props.Timeout).toBeLessThan(
      SCHEDULE_RATES['outbox-dispatcher'] * 60,
    );
    expect(fnOf(s(), 'scheduler').props.Timeout).toBeLessThan(SCHEDULE_RATES.scheduler * 60);
  });

  it(`reserves concurrency for the API by default (${DEFAULT_API_MAX_CONCURRENCY}) and one for each job`, () => {
    for (const n of HANDLER_NAMES.filter((x) => HANDLERS[x].kind === 'http')) {
      expect(fnOf(s(), n).props.ReservedConcurrentExecutions, n).toBe(DEFAULT_API_MAX_CONCURRENCY);
    }
    for (const n of HANDLER_NAMES.filter((x) => HANDLERS[x].kind === 'scheduled')) {
      expect(fnOf(s(), n).props.ReservedConcurrentExecutions, n).toBe(1);
    }
  });

  it('throttles the public routes far below the stage', () => {
    const stage = Object.values(resourcesOf(s().template, 'AWS::ApiGatewayV2::Stage'))[0]
      ?.Properties as Props;
    expect(stage.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
    });
    const routeSettings = stage.RouteSettings as Record<string, Props>;
    expect(Object.keys(routeSettings).sort()).toEqual(PUBLIC_ROUTES.map((p) => `GET ${p}`).sort());
    for (const r of Object.values(routeSettings)) {
      expect(r).toEqual({
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      });
      expect(PUBLIC_ROUTE_THROTTLE.rateLimit).toBeLessThan(STAGE_THROTTLE.rateLimit / 10);
    }
  });

  it('gives each function a role of its own', () => {
    const roles = HANDLER_NAMES.map((n) => JSON.stringify(fnOf(s(), n).props.Role));
    expect(new Set(roles).size).toBe(HANDLER_NAMES.length);
  });

  it.each(HANDLER_NAMES)('grants %s only the table actions, keys, mail and secrets it uses', (name) => {
    const access = ACCESS[name];
    const statements = statementsOfRole(s(), name);
    const table = statements.find((st) => actionsOf(st).includes('dynamodb:GetItem'));
    const tableActions = actionsOf(table ?? {});
    expect(tableActions.includes('dynamodb:Scan'), 'Scan').toBe(access.scan);
    expect(tableActions.includes('dynamodb:PutItem'), 'PutItem').toBe(access.write);
    const text = JSON.stringify(statements);
    expect(text.includes('StoragePiiKey'), 'PII key').toBe(access.pii);
    expect(text.includes('secretsmanager:GetSecretValue') && text.includes('WebhooksSecret'), 'robots').toBe(
      access.notify,
    );
    expect(text.includes('SmtpSecret'), 'SMTP secret').toBe(access.notify);
    // Mail goes by SMTP here: no function may send through SES.
    expect(text).not.toMatch(/ses:/);
    // Nothing but X-Ray and ListStreams (no resource-level permissions) may name every resource.
    const unscoped = (a: string) =>
      a.startsWith('xray:') || (name === 'change-feed' && a === 'dynamodb:ListStreams');
    for (const st of statements.filter((x) => x.Resource === '*')) {
      expect(actionsOf(st).every(unscoped), JSON.stringify(st)).toBe(true);
    }
  });

  it('mails by SMTP with the settings in a secret, given only to the functions that notify', () => {
    s().template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    s().template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Description: Match.stringLikeRegexp('SMTP'),
      KmsKeyId: Match.anyValue(),
    });
    for (const name of HANDLER_NAMES) {
      const vars = envOf(s(), name);
      if (ACCESS[name].notify) {
        expect(vars, name).toMatchObject({
          MAIL_FROM: MAIL.mailFrom,
          MAIL_TRANSPORT: 'smtp',
          SMTP_SECRET_ARN: { Ref: expect.stringMatching(/^SmtpSecret/) },
        });
      } else {
        expect(vars, name).not.toHaveProperty('SMTP_SECRET_ARN');
      }
    }
  });

  it('passes the DingTalk/WeCom robots as a secret the notifying functions read, never as plain environment', () => {
    s().template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Description: Match.stringLikeRegexp('DingTalk/WeCom'),
      SecretString: '{}',
    });
    for (const name of HANDLER_NAMES) {
      const vars = envOf(s(), name);
      expect(
        Object.keys(vars).filter((k) => /DINGTALK|WECOM/.test(k)),
        name,
      ).toEqual([]);
      if (ACCESS[name].notify) {
        expect(vars.WEBHOOKS_SECRET_ARN, name).toEqual({ Ref: expect.stringMatching(/^WebhooksSecret/) });
      } else {
        expect(vars, name).not.toHaveProperty('WEBHOOKS_SECRET_ARN');
      }
    }
  });

  it("lets the SPA's origin upload evidence cross-origin, whoever serves the SPA", () => {
    const origin =
      partition === 'aws'
        ? Match.objectLike({
            'Fn::Join': [
              '',
              ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebCdn'), 'DomainName'] }],
            ],
          })
        : contextOf('aws-cn').appOrigin;
    s().template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: [origin], AllowedMethods: Match.arrayWith(['PUT', 'GET']) }),
        ],
      },
    });
  });

  it('alarms when the daily verify stops reporting: its heartbeat treats missing data as breaching', () => {
    const alarms = Object.values(resourcesOf(s().template, 'AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Props,
    );
    const heartbeat = alarms.filter((a) => a.TreatMissingData === 'breaching');
    expect(heartbeat).toHaveLength(1);
    expect(heartbeat[0]).toMatchObject({
      MetricName: 'brokenChains',
      Namespace: 'Jiandu',
      Dimensions: [{ Name: 'service', Value: 'verify-digest' }],
      Statistic: 'SampleCount',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      Period: HEARTBEAT.period.toSeconds(),
      EvaluationPeriods: HEARTBEAT.periods,
    });
    // A daily job: the window is more than a day and at most a day and a half.
    const window = HEARTBEAT.period.toHours() * HEARTBEAT.periods;
    expect(window).toBeGreaterThan(24);
    expect(window).toBeLessThanOrEqual(36);
  });

  it("alarms on the API's 5xx answers and on DynamoDB throttling reads or writes", () => {
    const alarms = Object.values(resourcesOf(s().template, 'AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Props,
    );
    expect(alarms.find((a) => a.MetricName === '5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      Statistic: 'Sum',
      AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }],
    });
    for (const m of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
      expect(
        alarms.find((a) => a.MetricName === m),
        m,
      ).toMatchObject({
        Namespace: 'AWS/DynamoDB',
        Dimensions: [{ Name: 'TableName', Value: { Ref: expect.stringMatching(/^StorageTable/) } }],
        Threshold: 1,
        AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }],
      });
    }
  });

  it('backs the table up with AWS Backup: daily for weeks, monthly for years, in a kept, encrypted vault', () => {
    s().template.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: { EncryptionKeyArn: Match.anyValue() },
    });
    const plan = Object.values(resourcesOf(s().template, 'AWS::Backup::BackupPlan'))[0]?.Properties as {
      BackupPlan: { BackupPlanRule: { Lifecycle: { DeleteAfterDays: number } }[] };
    };
    const days = plan.BackupPlan.BackupPlanRule.map((r) => r.Lifecycle.DeleteAfterDays).sort((a, b) => a - b);
    expect(days).toEqual([BACKUP_RETENTION.dailyDays, BACKUP_RETENTION.monthlyDays]);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(365 * 7);
    s().template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({
        Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^StorageTable'), 'Arn'] }],
      }),
    });
  });

  it('keeps a CloudTrail trail of every region, its files validated and kept at least 180 days', () => {
    s().template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: { Ref: Match.stringLikeRegexp('^AuditTrailLogs') },
    });
    expect(TRAIL_RETENTION_DAYS).toBeGreaterThanOrEqual(180);
    s().template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ ExpirationInDays: TRAIL_RETENTION_DAYS, Status: 'Enabled' })],
        },
        LoggingConfiguration: Match.anyValue(),
      }),
    });
    s().template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
  });
});

describe.each(PARTITIONS)('the %s change feed', (partition) => {
  const s = () => synths[partition];

  it('marks every chain item the table stream carries, failures halved, retried, then queued', () => {
    const { id } = fnOf(s(), 'change-feed');
    s().template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: id },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StorageTable'), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FunctionsChangeFeedDlq'), 'Arn'] },
        },
      },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: ['A'] } } } }) },
          { Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: [{ prefix: 'E#' }] } } } }) },
        ],
      },
    });
  });

  it('alarms when the change feed falls an hour behind the stream', () => {
    s().template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnOf(s(), 'change-feed').id } }],
      Statistic: 'Maximum',
      Threshold: STREAM_LAG_MS,
    });
  });

  it('gives the daily verify its incremental reads: Query of the markers, and the write of its checkpoint', () => {
    const actions = statementsOfRole(s(), 'verify-digest').flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem']),
    );
  });
});

describe('the global partition in front of the internet', () => {
  const s = () => synths.aws;

  it('puts a web ACL with a per-IP rate-based rule in front of CloudFront (made in us-east-1)', () => {
    const edge = s().edge;
    expect(edge?.stack.region).toBe('us-east-1');
    edge?.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: Match.anyValue() } },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
          },
        }),
      ]),
    });
    s().template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: {
          'Fn::GetStackOutput': Match.objectLike({ StackName: edge?.stack.stackName, Region: 'us-east-1' }),
        },
      }),
    });
  });

  it('puts a regional web ACL with a per-IP rate-based rule in front of sign-in (the user pool)', () => {
    s().template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: Match.anyValue() } },
        }),
      ]),
    });
    s().template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuthUsers'), 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SignInAcl'), 'Arn'] },
    });
  });

  it('has CloudFront send the API a secret header, which only the API function may read', () => {
    const dist = Object.values(resourcesOf(s().template, 'AWS::CloudFront::Distribution'))[0]?.Properties as {
      DistributionConfig: {
        Origins: { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
      };
    };
    const headers = dist.DistributionConfig.Origins.flatMap((o) => o.OriginCustomHeaders ?? []);
    expect(headers).toHaveLength(1);
    expect(headers[0]?.HeaderName).toBe('x-origin-verify');
    expect(JSON.stringify(headers[0]?.HeaderValue)).toMatch(/resolve:secretsmanager:.*OriginSecret/);
    s().template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
    });
    for (const name of HANDLER_NAMES) {
      const vars = envOf(s(), name);
      const reads = JSON.stringify(statementsOfRole(s(), name)).includes('OriginSecret');
      // Every function of the HTTP API (one per route group), no other.
      expect(vars.ORIGIN_SECRET_ARN !== undefined, name).toBe(HANDLERS[name].kind === 'http');
      expect(reads, name).toBe(HANDLERS[name].kind === 'http');
    }
  });
});

describe('the China partition', () => {
  const s = () => synths['aws-cn'];

  it('has no CloudFront, no web ACL and no origin secret: the API is its only door, guarded by the JWT authorizer', () => {
    expect(s().edge).toBeUndefined();
    s().template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    s().template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(envOf(s(), 'api')).not.toHaveProperty('ORIGIN_SECRET_ARN');
  });
});
