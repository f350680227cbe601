import { describe, expect, it } from 'vitest';
import { AWS_REQUIRED, readAwsEnv } from './env.js';

const full = {
  TABLE_NAME: 'Jiandu-Table',
  AUTH_ISSUER: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_x',
  AUTH_AUDIENCE: 'client',
  AUTH_JWKS_URL: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_x/.well-known/jwks.json',
  AUTH_ROLES_CLAIM: 'cognito:groups',
  AUTH_UNIT_CLAIM: 'custom:unit',
  PII_KMS_KEY_ID: 'arn:aws:kms:ap-east-1:111122223333:key/k',
};

describe('the environment in AWS', () => {
  it('is the one schema, with what the stack sets and no local default standing in', () => {
    const env = readAwsEnv(['DIGEST_BUCKET'], { ...full, DIGEST_BUCKET: 'digests' });
    expect(env).toMatchObject({ ...full, DIGEST_BUCKET: 'digests', LOG_LEVEL: 'info' });
  });

  it.each(AWS_REQUIRED)('fails at start naming %s when the stack did not set it', (name) => {
    const { [name]: _gone, ...rest } = full;
    expect(() => readAwsEnv([], rest)).toThrow(new RegExp(`${name}: required in AWS`));
  });

  it("fails naming a function's own name, and a value the schema refuses", () => {
    expect(() => readAwsEnv(['EVIDENCE_BUCKET'], full)).toThrow(/EVIDENCE_BUCKET: required in AWS/);
    expect(() => readAwsEnv([], { ...full, AUTH_JWKS_URL: 'not a url' })).toThrow(/AUTH_JWKS_URL/);
  });

  it('reads the first single sign-on administrators, and refuses a list that is not two different names', () => {
    expect(
      readAwsEnv([], { ...full, JIANDU_FIRST_ADMINS: 'sysadmin:Alice@gov.cn, secadmin:bob' }),
    ).toMatchObject({
      JIANDU_FIRST_ADMINS: { sysadmin: 'alice@gov.cn', secadmin: 'bob' },
      AUTH_USERNAME_CLAIM: 'preferred_username',
    });
    for (const bad of [
      'sysadmin:alice',
      'sysadmin:a,secadmin:a',
      'sysadmin:a,auditor:b',
      'sysadmin:a b,secadmin:c',
    ])
      expect(() => readAwsEnv([], { ...full, JIANDU_FIRST_ADMINS: bad }), bad).toThrow(/JIANDU_FIRST_ADMINS/);
  });
});
