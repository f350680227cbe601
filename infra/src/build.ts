/**
 * Building the app: the Jiandu stack — and, when it hosts the SPA, the us-east-1 stack of CloudFront's
 * web ACL — with cdk-nag's AwsSolutions checks, from a config; and the two partitions `npm run synth` and
 * the tests check, each with the context it is checked with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { type Environment, readConfig, type StackConfig } from './config.js';
import { acknowledge, acknowledgeEdge, applyNag } from './nag.js';
import { JianduStack } from './stack.js';
import { CLOUDFRONT_WAF_REGION, EdgeStack } from './waf.js';

export interface BuiltApp {
  stack: JianduStack;
  /** CloudFront's web ACL, in us-east-1 (only when the stack hosts the SPA). */
  edge?: EdgeStack;
}

export function buildApp(app: App, config: StackConfig, stackName = 'Jiandu'): BuiltApp {
  const env = {
    ...(config.region ? { region: config.region } : {}),
    ...(config.account ? { account: config.account } : {}),
  };
  const edge = config.web
    ? new EdgeStack(app, `${stackName}-Edge`, {
        env: { ...env, region: CLOUDFRONT_WAF_REGION },
        description: 'Jiandu (监督): the web ACL in front of CloudFront (CloudFront takes it from us-east-1)',
      })
    : undefined;
  const stack = new JianduStack(app, stackName, {
    config,
    ...(Object.keys(env).length > 0 ? { env } : {}),
    ...(edge ? { cdnWebAclArn: edge.webAcl.attrArn } : {}),
    description: 'Jiandu (监督): supervision and accountability',
  });
  // The findings we accept, each with its reason, then the checks (nag.ts).
  acknowledge(stack, { certificate: config.webDomain !== undefined });
  applyNag(stack);
  if (edge) {
    acknowledgeEdge(edge);
    applyNag(edge);
  }
  return { stack, ...(edge ? { edge } : {}) };
}

export const PARTITIONS = ['aws', 'aws-cn'] as const;
export type Partition = (typeof PARTITIONS)[number];

/**
 * The feature flags of cdk.json, so a check synthesizes what `cdk deploy` does — among them,
 * CloudFormation's own checks (a resource type the region lacks …) as errors, not warnings.
 */
export const CDK_JSON_CONTEXT = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** The region the aws partition is checked in (a real deployment's comes from its profile). */
export const CHECK_REGION_AWS = 'ap-east-1';

/**
 * The context each partition is checked with: aws in Hong Kong, with the SPA behind CloudFront; aws-cn
 * in cn-north-1. China has no Cognito user pools and no CloudFront the stack can use, so its check names
 * an example OIDC issuer and the origin the SPA is served from (reserved .example hosts); a real
 * deployment passes its own.
 */
export function contextOf(partition: Partition): Record<string, string> {
  return partition === 'aws'
    ? { region: CHECK_REGION_AWS }
    : {
        partition,
        authIssuer: 'https://idp.jiandu.example/realms/jiandu',
        authAudience: 'jiandu-admin',
        appOrigin: 'https://jiandu.example',
      };
}

/**
 * The stacks of one partition in a fresh app (`context` on top, e.g. the bundle folder; `env` standing in
 * for the CLI's environment — none by default, so a check does not depend on the shell it runs in).
 */
export function partitionApp(
  partition: Partition,
  opts: { outdir?: string; context?: Record<string, string>; env?: Environment } = {},
): BuiltApp & { app: App } {
  const ctx = { ...contextOf(partition), ...opts.context };
  const app = new App({ ...(opts.outdir ? { outdir: opts.outdir } : {}), context: CDK_JSON_CONTEXT });
  return {
    app,
    ...buildApp(
      app,
      readConfig((k) => ctx[k], opts.env ?? {}),
    ),
  };
}
