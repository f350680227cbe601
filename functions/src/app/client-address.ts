/**
 * The address a request came from, as the runtime saw it (never a header a client can set): API
 * Gateway's `requestContext.http.sourceIp` in Lambda, the socket's peer under @hono/node-server. Null
 * when there is none (an in-process call of the app: tests, the demo seed), and then no address is
 * throttled. Behind CloudFront the source is an edge, not the person: there the built-in issuer is not
 * used (sign-in is the OpenID provider's), so only local and on-premises sign-ins are counted by address.
 */
import type { Context } from 'hono';

export function clientAddress(c: Context): string | null {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: unknown }; identity?: { sourceIp?: unknown } } };
        incoming?: { socket?: { remoteAddress?: unknown } };
      }
    | undefined;
  const candidates = [
    env?.event?.requestContext?.http?.sourceIp,
    env?.event?.requestContext?.identity?.sourceIp,
    env?.incoming?.socket?.remoteAddress,
  ];
  const found = candidates.find((a): a is string => typeof a === 'string' && a.length > 0 && a.length <= 64);
  return found ?? null;
}
