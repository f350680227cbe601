/**
 * For tests: the events API Gateway's HTTP API (payload format 2.0) sends a Lambda integration, and the
 * Lambda context — the shapes documented for `$default` stage, built the way the gateway builds them
 * (raw path and query string, lower-cased headers, cookies apart, a base64 body for binary).
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface EventInit {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the body base64-encoded, as the gateway does for a body it does not take for text. */
  base64?: boolean;
  /** The claims the JWT authorizer put on the request (protected routes). */
  claims?: Record<string, string>;
}

export function apiGatewayEvent(method: string, url: string, init: EventInit = {}): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = url.split('?', 2);
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? init.body
        : JSON.stringify(init.body);
  const headers: Record<string, string> = {
    host: 'abc123.execute-api.cn-north-1.amazonaws.com.cn',
    'user-agent': 'vitest',
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    ...Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const query = new URLSearchParams(rawQueryString);
  const now = Date.parse('2025-05-15T02:00:00Z');
  return {
    version: '2.0',
    routeKey: rawPath.startsWith('/api/v1/') ? `${method} /api/v1/{proxy+}` : `${method} ${rawPath}`,
    rawPath,
    rawQueryString,
    headers,
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(query) } : {}),
    ...(rawPath.startsWith('/api/v1/')
      ? { pathParameters: { proxy: rawPath.slice('/api/v1/'.length) } }
      : {}),
    requestContext: {
      accountId: '111122223333',
      apiId: 'abc123',
      domainName: headers.host!,
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${method} ${rawPath}`,
      stage: '$default',
      time: '15/May/2025:02:00:00 +0000',
      timeEpoch: now,
      ...(init.claims ? { authorizer: { jwt: { claims: init.claims, scopes: [] } } } : {}),
    },
    ...(body !== undefined
      ? init.base64
        ? { body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true }
        : { body, isBase64Encoded: false }
      : { isBase64Encoded: false }),
  } as APIGatewayProxyEventV2;
}

export const lambdaContext = (functionName = 'jiandu-api'): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws-cn:lambda:cn-north-1:111122223333:function:${functionName}`,
  memoryLimitInMB: '1024',
  awsRequestId: `aws-${Math.random().toString(36).slice(2)}`,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: '2025/05/15/[$LATEST]abc',
  getRemainingTimeInMillis: () => 29_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
});
