import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextOf } from './build.js';
import { resourcesOf, type Synthesized, synthesize } from './testing/synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize('aws-cn');
});

describe('the stack for the China regions (aws-cn)', () => {
  it('synthesizes in cn-north-1 with no cdk-nag error or warning and no CloudFormation finding', () => {
    expect(s.stack.region).toBe('cn-north-1');
    expect(s.findings.errors).toEqual([]);
    expect(s.findings.warnings).toEqual([]);
  });

  it('writes no ARN with a literal partition: every one takes the partition from the stack', () => {
    const json = JSON.stringify(s.template.toJSON());
    expect(json).not.toMatch(/arn:aws[-a-z]*:/);
    expect(json).toContain('"AWS::Partition"');
  });

  it('verifies tokens of the configured OIDC issuer, since Cognito user pools are not offered there', () => {
    const { authIssuer, authAudience } = contextOf('aws-cn');
    s.template.resourceCountIs('AWS::Cognito::UserPool', 0);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: authIssuer, Audience: [authAudience] },
    });
    for (const f of Object.values(resourcesOf(s.template, 'AWS::Lambda::Function'))) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Environment: {
          Variables: expect.objectContaining({
            AUTH_ISSUER: authIssuer,
            AUTH_AUDIENCE: authAudience,
          }),
        },
      });
      // No guessed key URL: the functions ask the issuer's discovery document for its jwks_uri.
      const vars = (f.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment
        .Variables;
      expect(Object.keys(vars)).not.toContain('AUTH_JWKS_URL');
      // Another issuer's tokens name the Jiandu account by the standard claim unless told otherwise.
      expect(vars.AUTH_USERNAME_CLAIM).toBe('preferred_username');
    }
  });

  it('leaves the SPA to a web server of its own (no CloudFront there) but keeps every other part', () => {
    s.template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    // The four daily jobs, the every-minute outbox dispatcher and the 15-minute catch-up scheduler.
    s.template.resourceCountIs('AWS::Scheduler::Schedule', 6);
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } },
    });
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: Match.stringLikeRegexp('/api/v1/'),
      AuthorizationType: 'JWT',
    });
  });
});

describe('a China profile (the region from the CLI, no -c region or partition)', () => {
  it("synthesizes the China stack in the profile's region: no X-Ray, no CloudFront, no SES", () => {
    const p = synthesize('aws-cn', { partition: '' }, { CDK_DEFAULT_REGION: 'cn-northwest-1' });
    expect(p.stack.region).toBe('cn-northwest-1');
    expect(p.findings.errors).toEqual([]);
    p.template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    p.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    for (const f of Object.values(resourcesOf(p.template, 'AWS::Lambda::Function'))) {
      expect(f.Properties?.TracingConfig).toBeUndefined();
    }
  });

  it('fails before synthesizing when the profile cannot deploy what the context asks', () => {
    const cn = { CDK_DEFAULT_REGION: 'cn-north-1' };
    expect(() => synthesize('aws', { region: '' }, cn)).toThrow(/OIDC issuer/);
    expect(() => synthesize('aws-cn', { partition: '', web: 'true' }, cn)).toThrow(/ICP-filed domain/);
    expect(() =>
      synthesize('aws-cn', { partition: '', mailFrom: 'a@example.gov.cn', mailTransport: 'ses' }, cn),
    ).toThrow(/SES is not offered/);
  });
});
