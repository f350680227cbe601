/**
 * The built-in issuer's signing key (ES256). Locally it lives in a key file created on first start
 * (0600, outside git); tests pass a fresh in-memory key. Only the public half is ever published (JWKS).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

type PrivateKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

const ALG = 'ES256';

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const privateKey = await importJWK(jwk, ALG);
  const { d: _d, ...pub } = jwk;
  return { kid: String(jwk.kid), privateKey, publicJwk: { ...pub, alg: ALG, use: 'sig' } };
}

export async function generateSigningKey(kid = `k${Date.now().toString(36)}`): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  return fromPrivateJwk(jwk);
}

/** Loads the key file, creating it (mode 0600) on first use. */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  if (existsSync(file)) return fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now().toString(36)}`, alg: ALG };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  chmodSync(file, 0o600);
  return fromPrivateJwk(jwk);
}
