/**
 * Building the app: one Jiandu stack with cdk-nag's AwsSolutions checks, from a config; and the two
 * partitions `npm run synth` and the tests check, each with the context it is checked with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { readConfig, type StackConfig } from './config.js';
import { applyNag } from './nag.js';
import { JianduStack } from './stack.js';

export function buildApp(app: App, config: StackConfig, stackName = 'Jiandu'): JianduStack {
  const env = {
    ...(config.region ? { region: config.region } : {}),
    ...(config.account ? { account: config.account } : {}),
  };
  const stack = new JianduStack(app, stackName, {
    config,
    ...(Object.keys(env).length > 0 ? { env } : {}),
    description: 'Jiandu (监督): supervision and accountability',
  });
  applyNag(stack);
  return stack;
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

/**
 * The context each partition is checked with: aws env-agnostic (the region is the deploying profile's),
 * aws-cn in cn-north-1. China has no Cognito user pools, so its check names an example OIDC issuer (a
 * reserved .example host); a real deployment passes its own.
 */
export function contextOf(partition: Partition): Record<string, string> {
  return partition === 'aws'
    ? {}
    : { partition, authIssuer: 'https://idp.jiandu.example/realms/jiandu', authAudience: 'jiandu-admin' };
}

/** The stack of one partition in a fresh app (`extra` context on top, e.g. the bundle folder). */
export function partitionApp(
  partition: Partition,
  opts: { outdir?: string; context?: Record<string, string> } = {},
): { app: App; stack: JianduStack } {
  const ctx = { ...contextOf(partition), ...opts.context };
  const app = new App({ ...(opts.outdir ? { outdir: opts.outdir } : {}), context: CDK_JSON_CONTEXT });
  return {
    app,
    stack: buildApp(
      app,
      readConfig((k) => ctx[k]),
    ),
  };
}
