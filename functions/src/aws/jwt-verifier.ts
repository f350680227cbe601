/**
 * Token verification in AWS: the issuer's JWKS by URL, or through its OIDC discovery document, the issuer and
 * audience the stack configured, and the claims that carry roles and home unit (Cognito: cognito:groups
 * and custom:unit). API Gateway's JWT authorizer has checked the token already; the app checks it again,
 * the same way it does locally, so nothing depends on the gateway being in front.
 */
import type { Deps } from '../app/deps.js';
import { createVerifier } from '../auth/tokens.js';
import type { AwsEnv } from '../env.js';

export const jwtVerifier = (env: AwsEnv): Deps['verify'] =>
  createVerifier({
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    jwks: env.AUTH_JWKS_URL ? new URL(env.AUTH_JWKS_URL) : 'discover',
    rolesClaim: env.AUTH_ROLES_CLAIM,
    unitClaim: env.AUTH_UNIT_CLAIM,
    usernameClaim: env.AUTH_USERNAME_CLAIM,
    ...(env.AUTH_ROLE_MAP ? { roleMap: env.AUTH_ROLE_MAP } : {}),
  });
