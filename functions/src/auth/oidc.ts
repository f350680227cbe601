/**
 * OpenID Connect discovery (OpenID Connect Discovery 1.0 §4): the issuer's keys are wherever its
 * discovery document's `jwks_uri` says (Keycloak: …/protocol/openid-connect/certs), not a guessed
 * `/.well-known/jwks.json`. The key set is jose's remote JWKS, which refetches on an unknown `kid`, so a
 * rotated key is followed without a restart.
 */
import type { JWTVerifyGetKey } from 'jose';

export class DiscoveryError extends Error {
  constructor(readonly reason: 'unreachable' | 'malformed' | 'issuerMismatch' | 'insecure') {
    super(`OIDC discovery failed: ${reason}`);
    this.name = 'DiscoveryError';
  }
}

export interface DiscoveryOptions {
  /** Wait at least this long between two refetches of the key set on an unknown kid (jose default 30 s). */
  cooldownMs?: number;
  /** Refetch the key set after this long even if every kid is known (jose default 10 min). */
  cacheMaxAgeMs?: number;
  fetch?: typeof fetch;
}

const loopback = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

/** The issuer's `jwks_uri`, checked: same issuer, https (http only on loopback, for tests and development). */
export async function discoverJwksUri(issuer: string, f: typeof fetch = fetch): Promise<URL> {
  const base = issuer.replace(/\/$/, '');
  let doc: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const res = await f(`${base}/.well-known/openid-configuration`, {
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new DiscoveryError('unreachable');
    doc = (await res.json()) as typeof doc;
  } catch (e) {
    if (e instanceof DiscoveryError) throw e;
    throw new DiscoveryError('unreachable');
  }
  if (typeof doc.jwks_uri !== 'string' || !URL.canParse(doc.jwks_uri)) throw new DiscoveryError('malformed');
  if (typeof doc.issuer !== 'string' || doc.issuer.replace(/\/$/, '') !== base)
    throw new DiscoveryError('issuerMismatch');
  const uri = new URL(doc.jwks_uri);
  if (uri.protocol !== 'https:' && !(uri.protocol === 'http:' && loopback(uri)))
    throw new DiscoveryError('insecure');
  return uri;
}

/** A key getter for jwtVerify that discovers the key set on first use (and again after a failed discovery). */
export function discoveredKeySet(issuer: string, opts: DiscoveryOptions = {}): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | null = null;
  return async (header, token) => {
    // jose loads with the first token (in a Lambda bundle: a chunk of its own, not at a cold start).
    keySet ??= Promise.all([discoverJwksUri(issuer, opts.fetch), import('jose')]).then(([uri, jose]) =>
      jose.createRemoteJWKSet(uri, {
        ...(opts.cooldownMs === undefined ? {} : { cooldownDuration: opts.cooldownMs }),
        ...(opts.cacheMaxAgeMs === undefined ? {} : { cacheMaxAge: opts.cacheMaxAgeMs }),
      }),
    );
    try {
      return await (await keySet)(header, token);
    } catch (e) {
      if (e instanceof DiscoveryError) keySet = null;
      throw e;
    }
  };
}
