import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localDateOf } from '@jiandu/shared';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/app.js';
import { readAwsEnv } from '../env.js';
import { apiGatewayEvent, lambdaContext } from '../handlers/api-gateway-event.js';
import { apiHandler } from '../handlers/api-handler.js';
import { createSsoUsers } from '../services/accounts/sso-accounts.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { fakeKms } from './fake-kms.js';
import { jwtVerifier } from './jwt-verifier.js';
import { lambdaDeps, once } from './lambda-deps.js';

const ISSUER = 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Example1';
const CLIENT_ID = '4example0client0id0abcdefg';
const NOW = Date.parse('2025-05-15T02:00:00Z');

let h: Harness;
let jwksServer: Server;
let jwksUrl: string;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  // Cognito authenticates; the Jiandu account its username names lets the caller in (sso-accounts.ts).
  await createSsoUsers(h.deps, [{ username: 'zhang.inspector', name: '张检查', unitId: 'ds' }]);
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'cognito-key-1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  h.close();
  await new Promise((resolve) => jwksServer.close(resolve));
});

/** The environment the stack sets (infra/src/stack.ts), pointing at this run's table and JWKS. */
const env = () =>
  readAwsEnv(['EVIDENCE_BUCKET'], {
    TABLE_NAME: h.deps.tableName,
    AWS_REGION: 'cn-north-1',
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: CLIENT_ID,
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ROLES_CLAIM: 'cognito:groups',
    AUTH_UNIT_CLAIM: 'custom:unit',
    AUTH_USERNAME_CLAIM: 'cognito:username',
    PII_KMS_KEY_ID: 'pii-key',
    EVIDENCE_BUCKET: 'evidence',
  });

/** An ID token as Cognito issues it: RS256, the app client as audience, groups and custom:unit. */
const cognitoIdToken = (
  groups: string[],
  unit: string,
  iat = Math.floor(NOW / 1000),
  username = 'zhang.inspector',
) =>
  new SignJWT({
    token_use: 'id',
    'cognito:groups': groups,
    'custom:unit': unit,
    'cognito:username': username,
    name: '张检查',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'cognito-key-1' })
    .setIssuer(ISSUER)
    .setAudience(CLIENT_ID)
    .setSubject('a1b2c3d4-0000-4000-8000-000000000001')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(privateKey);

describe('the Lambda deps (the stack’s environment, KMS, Cognito tokens)', () => {
  const kms = fakeKms('pii-key');

  it('serves the API with Cognito ID tokens verified against the issuer’s JWKS', async () => {
    const deps = await lambdaDeps(env(), {
      doc: h.deps.doc,
      kms,
      clock: () => Date.now(),
      verify: jwtVerifier(env()),
    });
    const handler = apiHandler(once(() => createApp(deps, { log: () => {} })));
    const call = async (method: string, url: string, token: string, body?: unknown) =>
      (await handler(
        apiGatewayEvent(method, url, { token, ...(body ? { body } : {}) }),
        lambdaContext(),
      )) as APIGatewayProxyStructuredResultV2;
    const token = await cognitoIdToken(['inspector'], 'ds', Math.floor(Date.now() / 1000));
    const created = await call('POST', '/api/v1/findings', token, {
      unitId: 'ds-a',
      category: 'formalism',
      severity: 'serious',
      source: 'inspection',
      description: '经 Cognito 登录后记录的问题',
      amountFen: 0,
      // Lambda's deps read the real clock: a discovery of today is live intake (an old one is history).
      discoveredOn: localDateOf(Date.now(), 'Asia/Shanghai'),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(JSON.parse(created.body ?? '{}')).toMatchObject({ unitId: 'ds-a' });
    const expired = await call('GET', '/api/v1/findings?limit=5', await cognitoIdToken(['viewer'], 'xs'));
    expect(expired.statusCode).toBe(401); // issued in 2025 for an hour: Lambda checks against the real clock
    const wrongAudience = await new SignJWT({ 'cognito:groups': ['admin'], 'custom:unit': 'city' })
      .setProtectedHeader({ alg: 'RS256', kid: 'cognito-key-1' })
      .setIssuer(ISSUER)
      .setAudience('another-client')
      .setSubject('x')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await call('GET', '/api/v1/findings', wrongAudience)).statusCode).toBe(401);
    // A valid Cognito token of a user with no Jiandu account: no access.
    const stranger = await call(
      'GET',
      '/api/v1/findings',
      await cognitoIdToken(['inspector'], 'ds', Math.floor(Date.now() / 1000), 'no.account'),
    );
    expect([stranger.statusCode, JSON.parse(stranger.body ?? '{}').code]).toEqual([
      403,
      'auth.accountUnknown',
    ]);
  });

  it('seals PII with KMS data keys, and two cold starts match petitioners with the same key', async () => {
    const a = await lambdaDeps(env(), { doc: h.deps.doc, kms });
    const b = await lambdaDeps(env(), { doc: h.deps.doc, kms });
    const sealed = await a.pii.seal({ name: '李四', phone: '13900001111' });
    expect(sealed.kek).toBe('pii-key');
    expect(await b.pii.open(sealed)).toEqual({ name: '李四', phone: '13900001111' });
    expect(a.pii.matchKey('李四|13900001111')).toBe(b.pii.matchKey('李四|13900001111'));
  });

  it('refuses every token in a job function, which is given no verifier', async () => {
    const deps = await lambdaDeps(env(), { doc: h.deps.doc, kms });
    await expect(deps.verify(await cognitoIdToken(['admin'], 'city'))).rejects.toThrow();
  });

  it('asks KMS nothing in a function without PII access (its role has no grant on the PII key)', async () => {
    const own = fakeKms('pii-key');
    const deps = await lambdaDeps(env(), { doc: h.deps.doc, kms: own, pii: false });
    expect(own.calls).toEqual([]);
    await expect(deps.pii.seal({ name: '张三' })).rejects.toThrow(/no access to PII/);
    expect(() => deps.pii.matchKey('张三')).toThrow(/no access to PII/);
  });

  it('retries a failed cold start on the next invocation', async () => {
    let attempts = 0;
    const make = once(async () => {
      attempts++;
      if (attempts === 1) throw new Error('throttled');
      return attempts;
    });
    await expect(make()).rejects.toThrow('throttled');
    expect(await make()).toBe(2);
    expect(await make()).toBe(2);
  });
});
