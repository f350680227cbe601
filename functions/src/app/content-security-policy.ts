/**
 * The Content-Security-Policy of the admin SPA and the API docs, defined once: CloudFront sends it in AWS
 * (infra/src/web.ts) and the local server sends it on every file it serves (local/static.ts), so a page
 * that breaks the policy breaks under `npm start` too. No inline scripts anywhere; inline styles stay
 * allowed (the UI libraries set style attributes).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // In AWS: the presigned S3 URLs of evidence up- and downloads, and the token issuer.
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
