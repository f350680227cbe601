import { contentSecurityPolicy } from '@jiandu/functions/app/content-security-policy';
import { API_GROUP_NAMES, API_GROUPS, groupOfPath } from '@jiandu/functions/app/route-groups';
import { AWS_REQUIRED, readAwsEnv } from '@jiandu/functions/env';
import { HANDLER_NAMES, HANDLERS } from '@jiandu/functions/handlers/registry';
import { TABLE } from '@jiandu/functions/store/table';
import { role } from '@jiandu/shared';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COGNITO_ROLES_CLAIM, COGNITO_UNIT_CLAIM, COGNITO_USERNAME_CLAIM } from './auth.js';
import { ACCESS, idOf } from './functions.js';
import { PROTECTED_ROUTE, PUBLIC_ROUTES, routePathsOf } from './http-api.js';
import { SCHEDULE_RATES, SCHEDULE_TIME_ZONE, SCHEDULE_TIMES } from './schedules.js';
import { rendered, resourcesOf, type Synthesized, statementsOf, synthesize } from './testing/synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize('aws');
});

const fnOf = (name: string) => {
  const hit = Object.entries(resourcesOf(s.template, 'AWS::Lambda::Function')).find(([id]) =>
    new RegExp(`^Functions${idOf(name)}[0-9A-F]{8}$`).test(id),
  );
  if (!hit) throw new Error(`no function ${name}`);
  return { id: hit[0], props: hit[1].Properties as Record<string, unknown> };
};

describe('the table', () => {
  it('is the one table definition: keys, indexes, TTL, stream, on-demand', () => {
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: TABLE.stream },
      GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: i.projection },
      })),
    });
  });

  it('has point-in-time recovery and deletion protection on, a customer-managed key, and is retained', () => {
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      },
    });
  });

  it('encrypts with keys that rotate', () => {
    const keys = Object.values(resourcesOf(s.template, 'AWS::KMS::Key'));
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const k of keys) expect(k.Properties?.EnableKeyRotation).toBe(true);
  });
});

describe('the functions', () => {
  it('are one per entry point, each on Node.js 24 and arm64 with active tracing', () => {
    const fns = Object.values(resourcesOf(s.template, 'AWS::Lambda::Function'));
    expect(fns).toHaveLength(HANDLER_NAMES.length);
    for (const f of fns) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it.each(HANDLER_NAMES)('give %s the environment its entry validates at start', (name) => {
    const vars = (fnOf(name).props.Environment as { Variables: Record<string, unknown> }).Variables;
    const env = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, rendered(v)]));
    // The runtime sets AWS_REGION itself (a reserved name the stack cannot set).
    expect(() => readAwsEnv(HANDLERS[name].env, { ...env, AWS_REGION: 'ap-east-1' })).not.toThrow();
    for (const k of [...AWS_REQUIRED, ...HANDLERS[name].env]) expect(vars[k]).toBeDefined();
    expect(vars.AUTH_ROLES_CLAIM).toBe(COGNITO_ROLES_CLAIM);
    expect(vars.AUTH_UNIT_CLAIM).toBe(COGNITO_UNIT_CLAIM);
    // The Jiandu account a Cognito token must name (single sign-on): always in Cognito's ID token.
    expect(vars.AUTH_USERNAME_CLAIM).toBe(COGNITO_USERNAME_CLAIM);
    expect(vars.JIANDU_FIRST_ADMINS).toBeUndefined();
  });

  it('retry scheduled runs into a dead-letter queue and run one at a time', () => {
    for (const name of HANDLER_NAMES.filter((n) => HANDLERS[n].kind === 'scheduled')) {
      const { id, props } = fnOf(name);
      expect(props.DeadLetterConfig, name).toMatchObject({ TargetArn: expect.anything() });
      expect(props.ReservedConcurrentExecutions, name).toBe(1);
      s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 2,
      });
    }
  });

  it('may use the PII key only where PII is read, and only for data keys bound to the PII purpose', () => {
    const policies = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'));
    const withPii = policies.filter((p) =>
      JSON.stringify(p.Properties?.PolicyDocument).includes('StoragePiiKey'),
    );
    const roles = withPii.map((p) => JSON.stringify(p.Properties?.Roles));
    const piiFunctions = HANDLER_NAMES.filter((n) => ACCESS[n].pii);
    expect(piiFunctions.sort()).toEqual([
      'api',
      'api-home',
      'api-rankings',
      'api-records',
      'api-sheets',
      'scheduler',
    ]);
    expect(roles).toHaveLength(piiFunctions.length);
    for (const name of piiFunctions) {
      expect(
        roles.some((r) => r.includes(`Functions${idOf(name)}Role`)),
        name,
      ).toBe(true);
    }
    for (const st of withPii
      .flatMap(statementsOf)
      .filter((x) => JSON.stringify(x.Resource).includes('StoragePiiKey'))) {
      expect(st).toMatchObject({
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Condition: { StringEquals: { 'kms:EncryptionContext:purpose': 'jiandu-pii' } },
      });
    }
  });
});

describe('the HTTP API', () => {
  it('puts the JWT authorizer on every route but health and the OpenAPI document', () => {
    const routes = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties!,
    );
    const publicKeys = PUBLIC_ROUTES.map((p) => `GET ${p}`);
    expect(
      routes
        .filter((r) => r.AuthorizationType !== 'JWT')
        .map((r) => r.RouteKey)
        .sort(),
    ).toEqual(publicKeys.sort());
    const protectedRoutes = routes.filter((r) => !publicKeys.includes(String(r.RouteKey)));
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const r of protectedRoutes) {
      expect(String(r.RouteKey)).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\//);
      expect(r).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
    }
  });

  it("routes each route group's prefixes to its function and the rest to api, each path once", () => {
    const routes = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties!,
    );
    const integrations = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration');
    /** The function a route's integration invokes, as its handler name. */
    const functionOf = (target: unknown): string => {
      const id = /"Ref":"(\w+)"/.exec(JSON.stringify(target))?.[1] ?? '';
      const uri = JSON.stringify(integrations[id]?.Properties?.IntegrationUri);
      const name = API_GROUP_NAMES.find((g) => uri.includes(`"${fnOf(g).id}"`));
      if (!name) throw new Error(`route target ${JSON.stringify(target)}: no API function`);
      return name;
    };
    const keys = routes.map((r) => String(r.RouteKey));
    expect(new Set(keys).size).toBe(keys.length);
    const expected = new Map<string, string>();
    for (const g of API_GROUP_NAMES)
      for (const path of routePathsOf(g))
        for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expected.set(`${m} ${path}`, g);
    for (const p of PUBLIC_ROUTES) expected.set(`GET ${p}`, 'api');
    expect(keys.sort()).toEqual([...expected.keys()].sort());
    for (const r of routes)
      expect(functionOf(r.Target), String(r.RouteKey)).toBe(expected.get(String(r.RouteKey)));
    // The gateway's choice (the most specific route: a prefix's own) is the function the app's split
    // (functions/src/app/route-groups.test.ts) serves the path from.
    for (const g of API_GROUP_NAMES) {
      for (const prefix of API_GROUPS[g].prefixes) {
        expect(expected.get(`GET /api/v1/${prefix}`)).toBe(groupOfPath(`/api/v1/${prefix}`));
        expect(expected.get(`GET /api/v1/${prefix}/{proxy+}`)).toBe(groupOfPath(`/api/v1/${prefix}/x/y`));
      }
    }
    expect(expected.get(`GET ${PROTECTED_ROUTE}`)).toBe('api');
  });

  it("trusts the Cognito pool's tokens, for the SPA's client", () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuthUsers'), 'ProviderURL'] },
        Audience: [{ Ref: Match.stringLikeRegexp('^AuthUsersSpa') }],
      },
    });
  });

  it('logs every request and throttles the stage', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('sign-in', () => {
  it('has a group per role and the unit as a custom attribute users cannot write', () => {
    const groups = Object.values(resourcesOf(s.template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties?.GroupName,
    );
    expect(groups.sort()).toEqual([...role.codes].sort());
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'unit', Mutable: true })]),
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const client = Object.values(resourcesOf(s.template, 'AWS::Cognito::UserPoolClient'))[0]!.Properties!;
    expect(client.ReadAttributes).toContain(COGNITO_UNIT_CLAIM);
    expect(client.WriteAttributes).not.toContain(COGNITO_UNIT_CLAIM);
  });
});

describe('the schedules', () => {
  it(`run every scheduled function daily in ${SCHEDULE_TIME_ZONE} with its scheduled time as input`, () => {
    const schedules = Object.values(resourcesOf(s.template, 'AWS::Scheduler::Schedule')).map(
      (r) => r.Properties!,
    );
    expect(schedules).toHaveLength(Object.keys(SCHEDULE_TIMES).length + Object.keys(SCHEDULE_RATES).length);
    for (const [name, at] of Object.entries(SCHEDULE_TIMES)) {
      const { id } = fnOf(name);
      const sch = schedules.find(
        (x) =>
          JSON.stringify((x.Target as { Arn: unknown }).Arn) ===
          JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }),
      );
      expect(sch, name).toMatchObject({
        ScheduleExpression: `cron(${at.minute} ${at.hour} * * ? *)`,
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
          DeadLetterConfig: { Arn: expect.anything() },
        },
      });
    }
  });

  it.each([
    ['outbox-dispatcher', 'rate(1 minute)'],
    ['scheduler', 'rate(15 minutes)'],
  ])('runs %s at %s, with its scheduled time and a dead-letter queue', (name, expression) => {
    const schedules = Object.values(resourcesOf(s.template, 'AWS::Scheduler::Schedule')).map(
      (r) => r.Properties!,
    );
    const { id } = fnOf(name);
    const sch = schedules.find(
      (x) =>
        JSON.stringify((x.Target as { Arn: unknown }).Arn) === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }),
    );
    expect(sch).toMatchObject({
      ScheduleExpression: expression,
      Target: {
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        DeadLetterConfig: { Arn: expect.anything() },
      },
    });
  });
});

describe('the buckets', () => {
  it('are never public: every public access block on, TLS only, encrypted', () => {
    const buckets = resourcesOf(s.template, 'AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(4);
    for (const [id, b] of Object.entries(buckets)) {
      expect(b.Properties, id).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: expect.anything(),
      });
      // The access-log bucket grants S3's log delivery group (LogDeliveryWrite); nothing grants the public.
      expect(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'], id).not.toContain(
        b.Properties?.AccessControl,
      );
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    // Nothing grants a bucket to everyone, except through CloudFront's service principal with its source.
    for (const p of Object.values(resourcesOf(s.template, 'AWS::S3::BucketPolicy'))) {
      for (const st of statementsOf(p)) {
        if (st.Effect === 'Allow') expect(st.Principal, JSON.stringify(st)).not.toBe('*');
      }
    }
  });

  it('lock the digests in compliance mode', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('keep evidence versioned under the data key', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() },
          }),
        ],
      },
      CorsConfiguration: Match.anyValue(),
    });
  });
});

describe('the SPA', () => {
  it('sends the Content-Security-Policy that npm start sends, S3 and the issuer added to connect-src', () => {
    const policies = Object.values(resourcesOf(s.template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const config = policies[0]!.Properties!.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
    };
    const directives = rendered(
      config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    ).split('; ');
    const local = contentSecurityPolicy().split('; ');
    const notConnect = (d: string) => !d.startsWith('connect-src ');
    expect(directives.filter(notConnect)).toEqual(local.filter(notConnect));
    expect(directives.find((d) => !notConnect(d))).toMatch(
      /^connect-src 'self' https:\/\/\*\.s3\.[a-z0-9-]+\.amazonaws\.com(\.cn)? https:\/\/cognito-idp\./,
    );
  });

  it('is served through CloudFront with origin access control, security headers and /api on the same origin', () => {
    s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    s.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: Match.objectLike({ Override: true }),
        },
      },
    });
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })],
      }),
    });
  });
});

describe('the alarms', () => {
  it('watch errors and throttles of every function, every dead-letter queue, the API p99 and broken chains', () => {
    const alarms = Object.values(resourcesOf(s.template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    // Scheduled functions' dead-letter queues and the change feed's failure queue.
    const dlqs = HANDLER_NAMES.filter((n) => HANDLERS[n].kind !== 'http').length;
    // … plus the verify heartbeat, the API's 5xx, the table's read and write throttling, and the change
    // feed's lag behind the stream.
    expect(alarms).toHaveLength(HANDLER_NAMES.length * 2 + dlqs + 2 + 5);
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
    expect(alarms.filter((a) => a.MetricName === 'Errors')).toHaveLength(HANDLER_NAMES.length);
    expect(alarms.filter((a) => a.MetricName === 'Throttles')).toHaveLength(HANDLER_NAMES.length);
    expect(alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(dlqs);
    expect(alarms.find((a) => a.MetricName === 'Latency')).toMatchObject({ ExtendedStatistic: 'p99' });
    expect(alarms.find((a) => a.MetricName === 'brokenChains')).toMatchObject({ Namespace: 'Jiandu' });
    s.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('the checks', () => {
  it('leave no cdk-nag error or warning unacknowledged', () => {
    expect(s.findings.errors).toEqual([]);
    expect(s.findings.warnings).toEqual([]);
  });

  it('find no ARN with a literal partition', () => {
    expect(JSON.stringify(s.template.toJSON())).not.toMatch(/arn:aws[-a-z]*:/);
  });
});
