import { describe, expect, it } from 'vitest';
import { discoverJwksUri } from './oidc.js';

const serving = (doc: unknown, status = 200) =>
  (async () => new Response(JSON.stringify(doc), { status })) as unknown as typeof fetch;

const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { reason?: string }).reason;
  }
  return undefined;
};

describe('OIDC discovery', () => {
  it('answers the jwks_uri of the issuer’s discovery document (Keycloak’s is not /.well-known/jwks.json)', async () => {
    const issuer = 'https://sso.example.gov/realms/shifan';
    const uri = await discoverJwksUri(
      `${issuer}/`,
      serving({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }),
    );
    expect(uri.href).toBe(`${issuer}/protocol/openid-connect/certs`);
  });

  it.each([
    ['issuerMismatch', { issuer: 'https://evil.example', jwks_uri: 'https://evil.example/keys' }, 200],
    ['insecure', { issuer: 'https://sso.example.gov', jwks_uri: 'http://sso.example.gov/keys' }, 200],
    ['malformed', { issuer: 'https://sso.example.gov' }, 200],
    ['unreachable', {}, 500],
  ])('refuses a document that is %s', async (reason, doc, status) => {
    expect(await reasonOf(discoverJwksUri('https://sso.example.gov', serving(doc, status)))).toBe(reason);
  });
});
