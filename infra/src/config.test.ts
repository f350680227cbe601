import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

const from = (ctx: Record<string, string>) => readConfig((k) => ctx[k]);

describe('the deployment config', () => {
  it('defaults to an env-agnostic stack with Cognito, the SPA, reserved concurrency and ten-year digests', () => {
    const c = from({});
    expect(c.region).toBeUndefined();
    expect(c.oidc).toBeUndefined();
    expect(c).toMatchObject({
      web: true,
      reservedConcurrency: true,
      digestRetentionDays: 3650,
      apiP99Ms: 3000,
    });
  });

  it('takes another OIDC issuer, its JWKS defaulting to the well-known path', () => {
    const c = from({
      authIssuer: 'https://sso.example/realms/x/',
      authAudience: 'app',
      authRolesClaim: 'groups',
    });
    expect(c.oidc).toEqual({
      issuer: 'https://sso.example/realms/x/',
      audience: 'app',
      jwksUrl: 'https://sso.example/realms/x/.well-known/jwks.json',
      rolesClaim: 'groups',
      unitClaim: 'unit',
    });
  });

  it('deploys to the China regions with an OIDC issuer and without CloudFront', () => {
    const c = from({ partition: 'aws-cn', authIssuer: 'https://sso.example', authAudience: 'app' });
    expect(c).toMatchObject({ region: 'cn-north-1', web: false });
  });

  it.each([
    [{ partition: 'aws-cn' }, /OIDC issuer/],
    [{ region: 'cn-northwest-1' }, /OIDC issuer/],
    [{ partition: 'aws-cn', authIssuer: 'https://sso.example', authAudience: 'a', web: 'true' }, /web=false/],
    [{ partition: 'aws-cn', region: 'ap-east-1' }, /not in partition/],
    [{ partition: 'aws-us-gov' }, /aws or aws-cn/],
    [{ authIssuer: 'https://sso.example' }, /together/],
    [{ webDomain: 'jiandu.example' }, /together/],
    [{ digestRetentionDays: '0' }, /positive integer/],
  ])('refuses %o', (ctx, message) => {
    expect(() => from(ctx)).toThrow(message);
  });

  it('turns off reserved concurrency for accounts at the minimum of ten', () => {
    expect(from({ reservedConcurrency: 'false' }).reservedConcurrency).toBe(false);
  });
});
