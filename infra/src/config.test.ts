import { describe, expect, it } from 'vitest';
import {
  DEFAULT_API_MAX_CONCURRENCY,
  type Environment,
  readConfig,
  TRIAL_DIGEST_RETENTION_DAYS,
} from './config.js';

const from = (ctx: Record<string, string>, env: Environment = {}) => readConfig((k) => ctx[k], env);

const CHINA = { authIssuer: 'https://sso.example', authAudience: 'app', appOrigin: 'https://jiandu.example' };

describe('the deployment config', () => {
  it('defaults to Cognito, the SPA, reserved concurrency for the API and ten-year digests in production', () => {
    const c = from({ region: 'ap-east-1' });
    expect(c.oidc).toBeUndefined();
    expect(c).toMatchObject({
      region: 'ap-east-1',
      web: true,
      reservedConcurrency: true,
      apiMaxConcurrency: DEFAULT_API_MAX_CONCURRENCY,
      production: true,
      digestRetentionDays: 3650,
      apiP99Ms: 3000,
    });
  });

  it('keeps digests a day (governance mode) outside production, unless told otherwise', () => {
    expect(from({ region: 'ap-east-1', production: 'false' })).toMatchObject({
      production: false,
      digestRetentionDays: TRIAL_DIGEST_RETENTION_DAYS,
    });
    expect(
      from({ region: 'ap-east-1', production: 'false', digestRetentionDays: '30' }).digestRetentionDays,
    ).toBe(30);
  });

  it('takes another OIDC issuer, its JWKS defaulting to the well-known path', () => {
    const c = from({
      region: 'ap-east-1',
      authIssuer: 'https://sso.example/realms/x/',
      authAudience: 'app',
      authRolesClaim: 'groups',
    });
    expect(c.oidc).toEqual({
      issuer: 'https://sso.example/realms/x/',
      audience: 'app',
      rolesClaim: 'groups',
      unitClaim: 'unit',
      usernameClaim: 'preferred_username',
    });
  });

  it('takes the first single sign-on administrators, refusing a list the API would refuse at its cold start', () => {
    expect(from({ region: 'ap-east-1', firstAdmins: 'sysadmin:alice,secadmin:bob' }).firstAdmins).toBe(
      'sysadmin:alice,secadmin:bob',
    );
    expect(() => from({ region: 'ap-east-1', firstAdmins: 'sysadmin:alice' })).toThrow(/JIANDU_FIRST_ADMINS/);
  });

  it('deploys to the China regions with an OIDC issuer, the SPA served elsewhere, mail by SMTP', () => {
    const c = from({ partition: 'aws-cn', mailFrom: 'jiandu@example.gov.cn', ...CHINA });
    expect(c).toMatchObject({
      region: 'cn-north-1',
      web: false,
      appOrigin: 'https://jiandu.example',
      mail: { from: 'jiandu@example.gov.cn', transport: 'smtp' },
    });
  });

  it.each([
    ['the CLI passes a China profile’s region', { CDK_DEFAULT_REGION: 'cn-northwest-1' }],
    ['the shell sets AWS_REGION', { AWS_REGION: 'cn-north-1' }],
    ['the shell sets AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: 'cn-north-1' }],
  ])('detects China when %s, without -c region or partition', (_how, env) => {
    expect(from(CHINA, env)).toMatchObject({ region: expect.stringMatching(/^cn-/), web: false });
  });

  it('fails early on a China profile that cannot deploy: no issuer, or CloudFront without an ICP-filed domain', () => {
    expect(() => from({}, { CDK_DEFAULT_REGION: 'cn-north-1' })).toThrow(/OIDC issuer/);
    expect(() => from({ ...CHINA, web: 'true' }, { CDK_DEFAULT_REGION: 'cn-north-1' })).toThrow(/ICP/);
  });

  it('lets -c region win over the profile’s region', () => {
    expect(from({ region: 'ap-east-1' }, { CDK_DEFAULT_REGION: 'cn-north-1' }).region).toBe('ap-east-1');
    expect(from({}, { CDK_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
  });

  it.each([
    [{ partition: 'aws-cn' }, /OIDC issuer/],
    [{ region: 'cn-northwest-1' }, /OIDC issuer/],
    [{ partition: 'aws-cn', ...CHINA, web: 'true' }, /web=false/],
    [
      { partition: 'aws-cn', ...CHINA, mailFrom: 'a@example.gov.cn', mailTransport: 'ses' },
      /SES is not offered/,
    ],
    [{ partition: 'aws-cn', authIssuer: 'https://sso.example', authAudience: 'a' }, /appOrigin/],
    [{ partition: 'aws-cn', ...CHINA, appOrigin: 'http://jiandu.example/app' }, /https origin/],
    [{ partition: 'aws-cn', region: 'ap-east-1' }, /not in partition/],
    [{ partition: 'aws-us-gov' }, /aws or aws-cn/],
    [{}, /needs a region/],
    [{ region: 'ap-east-1', authIssuer: 'https://sso.example' }, /together/],
    [{ region: 'ap-east-1', webDomain: 'jiandu.example' }, /together/],
    [{ region: 'ap-east-1', digestRetentionDays: '0' }, /positive integer/],
    [{ region: 'ap-east-1', mailFrom: 'a@example.com', mailTransport: 'pigeon' }, /smtp or ses/],
  ])('refuses %o', (ctx, message) => {
    expect(() => from(ctx as Record<string, string>)).toThrow(message);
  });

  it('turns off reserved concurrency for accounts at the minimum of ten', () => {
    expect(from({ region: 'ap-east-1', reservedConcurrency: 'false' }).reservedConcurrency).toBe(false);
  });
});
