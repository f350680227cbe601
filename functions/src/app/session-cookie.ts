/**
 * The SPA's session cookie: the token, out of reach of page scripts (HttpOnly), sent only to this site
 * (SameSite=Strict) and only over TLS (Secure, and the `__Host-` prefix that pins it to this host and
 * path /) — except on plain http://localhost, where a browser would drop a Secure cookie.
 *
 * CSRF: a cookie that authenticates invites cross-site request forgery; here it cannot happen because
 * (1) SameSite=Strict: the browser attaches the cookie to no request started by another site, not even
 * a top-level navigation; and (2) every write needs `Content-Type: application/json` (app.ts refuses
 * others with 415), which an HTML form cannot send and a cross-origin script can send only after a
 * CORS preflight that this API never grants (it sends no Access-Control-Allow-* headers). GET routes
 * change nothing. API clients keep the bearer header and never see the cookie.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const SECURE_NAME = '__Host-jiandu_session';
const LOCAL_NAME = 'jiandu_session';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http on a loopback host (local development, the browser tests): no Secure flag. */
const isLocalHttp = (c: Context): boolean => {
  const url = new URL(c.req.url);
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
};

export function setSessionCookie(c: Context, token: string, expiresAtSeconds: number, nowMs: number): void {
  const local = isLocalHttp(c);
  setCookie(c, local ? LOCAL_NAME : SECURE_NAME, token, {
    httpOnly: true,
    secure: !local,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.max(0, Math.floor(expiresAtSeconds - nowMs / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  const local = isLocalHttp(c);
  deleteCookie(c, local ? LOCAL_NAME : SECURE_NAME, {
    httpOnly: true,
    secure: !local,
    sameSite: 'Strict',
    path: '/',
  });
}

/** The token of the session cookie, if the request carries one. */
export function sessionCookieOf(c: Context): string | undefined {
  return getCookie(c, isLocalHttp(c) ? LOCAL_NAME : SECURE_NAME);
}
