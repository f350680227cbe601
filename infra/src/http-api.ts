/**
 * The HTTP API (API Gateway v2) in front of the one Hono app, served by one function per route group
 * (functions/src/app/route-groups.ts): each group's prefixes (`/api/v1/<prefix>` and everything under
 * it) go to its function, every other path to `api`. Every route under /api/v1 goes through the
 * JWT authorizer (the issuer and audience of auth.ts); the only public routes are the ones the app itself
 * serves without a token in AWS: health and the OpenAPI document. The built-in issuer's sign-in and JWKS
 * (local and on-premises only) sit behind the authorizer like everything else, so they are unreachable.
 */

import { API_GROUP_NAMES, API_GROUPS, type ApiGroupName } from '@jiandu/functions/app/route-groups';
import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { OidcIssuer } from './config.js';

/** Reachable without a token (and only with GET). */
export const PUBLIC_ROUTES = ['/api/health', '/api/openapi.json'] as const;

/**
 * The stage's ceiling for all routes together (batch ingestion sends up to 1000 items per request, so it
 * is modest), and a much lower one per public route: anyone can call those, and neither needs more than
 * a monitor's polling. Sign-in is not an API route in AWS (the user pool's, behind its own web ACL, or
 * the OIDC provider's).
 */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

/** Everything else the app serves: its REST API (the `api` function, but for the groups' prefixes). */
export const PROTECTED_ROUTE = '/api/v1/{proxy+}';

/** The paths of the HTTP API's routes to each function: a group's prefixes, or the rest (`api`). */
export function routePathsOf(group: ApiGroupName): string[] {
  const prefixes: readonly string[] = API_GROUPS[group].prefixes;
  if (group === 'api') return [PROTECTED_ROUTE];
  return prefixes.flatMap((p) => [`/api/v1/${p}`, `/api/v1/${p}/{proxy+}`]);
}

const PROTECTED_METHODS = [
  HttpMethod.GET,
  HttpMethod.POST,
  HttpMethod.PUT,
  HttpMethod.PATCH,
  HttpMethod.DELETE,
];

export interface HttpApiFrontProps {
  /** The function of each route group. */
  handlers: Record<ApiGroupName, IFunction>;
  issuer: OidcIssuer;
}

export class HttpApiFront extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: IHttpRouteAuthorizer;
  /** The routes reachable without a token (PUBLIC_ROUTES). */
  readonly publicRoutes: HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: HttpApiFrontProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Jiandu (监督) REST API',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
    this.authorizer = new HttpJwtAuthorizer('Jwt', props.issuer.issuer, {
      jwtAudience: [props.issuer.audience],
      identitySource: ['$request.header.Authorization'],
    });
    // One invoke permission per function for this API (not one per route: a group has up to ~100 routes,
    // past what a function's resource policy holds); the API reaches a function only on its routes.
    const integrations = Object.fromEntries(
      API_GROUP_NAMES.map((g) => [
        g,
        new HttpLambdaIntegration(g === 'api' ? 'App' : `App-${g}`, props.handlers[g], {
          timeout: Duration.seconds(29),
          scopePermissionToRoute: false,
        }),
      ]),
    ) as Record<ApiGroupName, HttpLambdaIntegration>;
    for (const path of PUBLIC_ROUTES) {
      this.publicRoutes.push(
        ...this.api.addRoutes({ path, methods: [HttpMethod.GET], integration: integrations.api }),
      );
    }
    for (const g of API_GROUP_NAMES) {
      for (const path of routePathsOf(g)) {
        this.api.addRoutes({
          path,
          methods: PROTECTED_METHODS,
          integration: integrations[g],
          authorizer: this.authorizer,
        });
      }
    }
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = Object.fromEntries(
      PUBLIC_ROUTES.map((path) => [
        `GET ${path}`,
        {
          ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
        },
      ]),
    );
    // Route settings name routes that must exist first.
    for (const route of this.publicRoutes) this.stage.node.addDependency(route);
  }

  /** The API's host name, for CloudFront's origin: the endpoint `https://<host>` split at its slashes. */
  get domainName(): string {
    return Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }
}
