/**
 * Issuing (the local built-in issuer) and verifying (every request, in both worlds) JWTs with jose,
 * which loads with the first token: in a Lambda bundle a chunk of its own, not part of a cold start.
 * The verifier only knows a JWKS, an issuer and an audience — exactly what Cognito or any other OIDC
 * issuer provides — so local and AWS verify the same way.
 */
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose';
import { type ClaimMapping, principalClaims, usernameOf } from './claims.js';
import { DiscoveryError, discoveredKeySet } from './oidc.js';
import type { Principal } from './principal.js';
import type { SigningKey } from './signing-key.js';

export interface IssuerConfig {
  issuer: string;
  audience: string;
  /** Token lifetime in seconds. */
  ttlSeconds?: number;
}

export async function issueToken(
  key: SigningKey,
  cfg: IssuerConfig,
  p: Principal,
  nowSeconds: number,
): Promise<{ token: string; expiresAt: number }> {
  const exp = nowSeconds + (cfg.ttlSeconds ?? 8 * 3600);
  const { SignJWT } = await import('jose');
  const token = await new SignJWT({ name: p.name, roles: p.roles, unit: p.unitId, sv: p.sessionVersion ?? 0 })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(cfg.issuer)
    .setAudience(cfg.audience)
    .setSubject(p.id)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(exp)
    .sign(key.privateKey);
  return { token, expiresAt: exp };
}

export const jwksOf = (keys: SigningKey[]): JSONWebKeySet => ({ keys: keys.map((k) => k.publicJwk) });

export interface VerifierConfig extends ClaimMapping {
  issuer: string;
  audience: string;
  /**
   * A JWKS document (the local issuer), its URL, or `discover`: the `jwks_uri` of the issuer's OpenID
   * discovery document (any OIDC provider; rotated keys are followed).
   */
  jwks: JSONWebKeySet | URL | 'discover';
  /** Remote key sets: the least time between two refetches on an unknown kid (default 30 s). */
  jwksCooldownMs?: number;
  /** Clock for exp/nbf checks, in seconds (tests pass one). */
  now?: () => number;
}

/** The identity provider's keys could not be had (discovery or the key set unreachable): not the caller's fault. */
export class IssuerUnavailable extends Error {
  constructor() {
    super('the identity provider is not answering');
    this.name = 'IssuerUnavailable';
  }
}

export class InvalidToken extends Error {
  constructor(readonly reason: 'malformed' | 'expired' | 'signature' | 'claims') {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidToken';
  }
}

export function createVerifier(cfg: VerifierConfig): (token: string) => Promise<Principal> {
  const cooldown = cfg.jwksCooldownMs === undefined ? {} : { cooldownMs: cfg.jwksCooldownMs };
  let keySet: JWTVerifyGetKey | undefined;
  const keysOf = (jose: typeof import('jose')): JWTVerifyGetKey =>
    cfg.jwks === 'discover'
      ? discoveredKeySet(cfg.issuer, cooldown)
      : cfg.jwks instanceof URL
        ? jose.createRemoteJWKSet(
            cfg.jwks,
            cfg.jwksCooldownMs === undefined ? {} : { cooldownDuration: cfg.jwksCooldownMs },
          )
        : jose.createLocalJWKSet(cfg.jwks);
  return async (token) => {
    const jose = await import('jose');
    const joseErrors = jose.errors;
    keySet ??= keysOf(jose);
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, keySet, {
        issuer: cfg.issuer,
        audience: cfg.audience,
        algorithms: ['ES256', 'RS256'],
        ...(cfg.now ? { currentDate: new Date(cfg.now() * 1000) } : {}),
      }));
    } catch (e) {
      // A failure that is not jose's verdict on the token (discovery, a key set that cannot be fetched) is the
      // provider's, not the caller's: 503, so clients retry rather than sign in again.
      if (
        e instanceof DiscoveryError ||
        e instanceof joseErrors.JWKSTimeout ||
        !(e instanceof joseErrors.JOSEError)
      )
        throw new IssuerUnavailable();
      if (e instanceof joseErrors.JWTExpired) throw new InvalidToken('expired');
      if (e instanceof joseErrors.JWTClaimValidationFailed) throw new InvalidToken('claims');
      if (
        e instanceof joseErrors.JWSSignatureVerificationFailed ||
        e instanceof joseErrors.JWKSNoMatchingKey
      ) {
        throw new InvalidToken('signature');
      }
      throw new InvalidToken('malformed');
    }
    const mapped = principalClaims(payload, cfg);
    if (typeof payload.sub !== 'string' || !mapped) throw new InvalidToken('claims');
    const username = usernameOf(payload, cfg);
    return {
      id: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      ...mapped,
      ...(typeof payload.sv === 'number' ? { sessionVersion: payload.sv } : {}),
      ...(username === undefined ? {} : { username }),
    };
  };
}
