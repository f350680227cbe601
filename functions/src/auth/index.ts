export { type ClaimMapping, principalClaims } from './claims.js';
export { DiscoveryError, discoverJwksUri } from './oidc.js';
export { createVerifier, InvalidToken, IssuerUnavailable, jwksOf, type VerifierConfig } from './tokens.js';
