/**
 * The HTTP API in Lambda: API Gateway (HTTP API, payload 2.0) events into the one Hono app through
 * hono/aws-lambda, and its responses back. The app is made on the first invocation and kept.
 *
 * Behind CloudFront, the API answers only requests that came through it: CloudFront adds the origin
 * secret as a header (aws/secrets.ts ORIGIN_HEADER) and a request without it — one sent straight to the
 * execute-api endpoint, past CloudFront's web ACL and security headers — gets 403 before the app runs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { ApiApp } from '../app/app.js';
import { problem } from '../app/problem.js';
import { type Observability, observed } from '../aws/observability.js';
import { ORIGIN_HEADER } from '../aws/secrets.js';

const originRequired = problem(
  'auth.originRequired',
  'Use the application URL; this endpoint answers only requests through it.',
);

/** The answer to a request that did not come through CloudFront (RFC 9457, with the code). */
export const NOT_THROUGH_CLOUDFRONT: APIGatewayProxyStructuredResultV2 = {
  statusCode: originRequired.status,
  headers: { 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' },
  body: JSON.stringify(originRequired),
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

export interface ApiHandlerOptions {
  /** The origin secret CloudFront sends; absent: no CloudFront in front, every request is served. */
  originSecret?: () => Promise<string>;
}

export function apiHandler(app: () => Promise<ApiApp>, obs?: Observability, options: ApiHandlerOptions = {}) {
  let adapter: ReturnType<typeof handle> | undefined;
  return (event: APIGatewayProxyEventV2, context: Context) => {
    const run = async () => {
      if (options.originSecret) {
        const sent = event.headers?.[ORIGIN_HEADER];
        if (sent === undefined || !same(sent, await options.originSecret())) return NOT_THROUGH_CLOUDFRONT;
      }
      adapter ??= handle(await app());
      // hono's own event type is stricter than what API Gateway sends (a bodiless request has no
      // `body`, a public route no `authorizer`); the adapter reads neither as required.
      return adapter(event as unknown as LambdaEvent, context);
    };
    return obs ? observed(obs, context, run) : run();
  };
}
