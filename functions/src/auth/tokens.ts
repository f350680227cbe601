/**
 * Issuing (the local built-in issuer) and verifying (every request, in both worlds) JWTs with jose.
 * The verifier only knows a JWKS, an issuer and an audience — exactly what Cognito or any other OIDC
 * issuer provides — so local and AWS verify the same way.
 */
import { role as roleEnum } from '@jiandu/shared';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose';
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
  const token = await new SignJWT({ name: p.name, roles: p.roles, unit: p.unitId })
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

export interface VerifierConfig {
  issuer: string;
  audience: string;
  /** A JWKS document (local issuer) or its URL (Cognito / OIDC). */
  jwks: JSONWebKeySet | URL;
  rolesClaim?: string;
  unitClaim?: string;
  /** Clock for exp/nbf checks, in seconds (tests pass one). */
  now?: () => number;
}

export class InvalidToken extends Error {
  constructor(readonly reason: 'malformed' | 'expired' | 'signature' | 'claims') {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidToken';
  }
}

const knownRoles = new Set<string>(roleEnum.codes);

export function createVerifier(cfg: VerifierConfig): (token: string) => Promise<Principal> {
  const keySet = cfg.jwks instanceof URL ? createRemoteJWKSet(cfg.jwks) : createLocalJWKSet(cfg.jwks);
  const rolesClaim = cfg.rolesClaim ?? 'roles';
  const unitClaim = cfg.unitClaim ?? 'unit';
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: cfg.issuer,
        audience: cfg.audience,
        algorithms: ['ES256', 'RS256'],
        ...(cfg.now ? { currentDate: new Date(cfg.now() * 1000) } : {}),
      }));
    } catch (e) {
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
    const rawRoles = payload[rolesClaim];
    const roles = (Array.isArray(rawRoles) ? rawRoles : []).filter(
      (r): r is Principal['roles'][number] => typeof r === 'string' && knownRoles.has(r),
    );
    const unitId = payload[unitClaim];
    if (typeof payload.sub !== 'string' || typeof unitId !== 'string' || roles.length === 0) {
      throw new InvalidToken('claims');
    }
    return {
      id: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      roles,
      unitId,
    };
  };
}
