/**
 * The HTTP API in Lambda: API Gateway (HTTP API, payload 2.0) events into the one Hono app through
 * hono/aws-lambda, and its responses back. The app is made on the first invocation and kept.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { ApiApp } from '../app/app.js';
import { type Observability, observed } from '../aws/observability.js';

export function apiHandler(app: () => Promise<ApiApp>, obs?: Observability) {
  let adapter: ReturnType<typeof handle> | undefined;
  return (event: APIGatewayProxyEventV2, context: Context) => {
    const run = async () => {
      adapter ??= handle(await app());
      // hono's own event type is stricter than what API Gateway sends (a bodiless request has no
      // `body`, a public route no `authorizer`); the adapter reads neither as required.
      return adapter(event as unknown as LambdaEvent, context);
    };
    return obs ? observed(obs, context, run) : run();
  };
}
