/**
 * cdk-nag's AwsSolutions pack on the stack, and every finding this stack acknowledges — each with the
 * reason it is acceptable here, on the one construct it concerns. Anything not acknowledged is an error
 * annotation at synth: infra/src/synth.ts fails on it, and the tests check there is none.
 */
import { Aspects, type CfnResource, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { JianduStack } from './stack.js';

export const REASONS = {
  xray:
    'Active tracing: X-Ray has no resource-level permissions for PutTraceSegments/PutTelemetryRecords, ' +
    'so the statement Lambda adds must name Resource *.',
  evidence:
    'Presigned upload and download of evidence objects, whose keys the API makes per record; the ' +
    'statement is confined to the evidence bucket, PutObject and GetObject only.',
  digests:
    'The daily verify writes one new object per run under digests/ (named by date and time); Object Lock ' +
    'in compliance mode keeps every version, so the grant can add but never rewrite or delete.',
  invoke:
    "CDK's grantInvoke adds the function's versions and aliases (<arn>:*) beside its ARN; the schedule " +
    'invokes the unqualified function, and the role is trusted by this account’s scheduler only.',
  publicRoutes:
    'Public by design: /api/health (liveness, reads nothing) and /api/openapi.json (the API description, ' +
    'reads nothing). Every /api/v1 route has the JWT authorizer.',
  cognitoPlus:
    'The Plus plan (threat protection) is billed per monthly active user; this pool has no self sign-up ' +
    '(administrators create users), requires TOTP MFA and a 12-character password policy.',
  defaultCertificate:
    "No custom domain was given, so CloudFront's default *.cloudfront.net certificate is used and its " +
    'policy cannot be raised; give -c webDomain=… -c webCertificateArn=… to enforce TLS 1.2.',
  geo:
    'Access is decided by sign-in and role, not by country: inspectors and officials travel, and the ' +
    'API behind CloudFront verifies every token.',
  waf:
    'WAF is an opt-in cost (a web ACL and rules per month); API Gateway stage throttling, reserved ' +
    'concurrency and the JWT authorizer bound the load an anonymous caller can cause.',
} as const;

const suppress = (c: IConstruct, id: string, reason: string, appliesTo?: string[]) =>
  NagSuppressions.addResourceSuppressions(c, [{ id, reason, ...(appliesTo ? { appliesTo } : {}) }], true);

/** `<LogicalId.Arn>` as cdk-nag spells a resource's ARN in its findings. */
function arnOf(c: IConstruct): string {
  const stack = Stack.of(c);
  return `<${stack.resolve(stack.getLogicalId(c.node.defaultChild as CfnResource))}.Arn>`;
}

export function acknowledge(stack: JianduStack, opts: { certificate: boolean }): void {
  const { functions, storage, http, auth, web, schedules } = stack;
  for (const role of Object.values(functions.role))
    suppress(role, 'AwsSolutions-IAM5', REASONS.xray, ['Resource::*']);
  suppress(functions.role.api, 'AwsSolutions-IAM5', REASONS.evidence, [
    `Resource::${arnOf(storage.evidence)}/evidence/*`,
  ]);
  suppress(functions.role['verify-digest'], 'AwsSolutions-IAM5', REASONS.digests, [
    `Resource::${arnOf(storage.digests)}/digests/*`,
  ]);
  for (const { role, fn } of schedules.invokers) {
    suppress(role, 'AwsSolutions-IAM5', REASONS.invoke, [`Resource::${arnOf(fn)}:*`]);
  }
  for (const route of http.publicRoutes) suppress(route, 'AwsSolutions-APIG4', REASONS.publicRoutes);
  if (auth.userPool) suppress(auth.userPool, 'AwsSolutions-COG8', REASONS.cognitoPlus);
  if (web) {
    if (!opts.certificate) suppress(web.distribution, 'AwsSolutions-CFR4', REASONS.defaultCertificate);
    suppress(web.distribution, 'AwsSolutions-CFR1', REASONS.geo);
    suppress(web.distribution, 'AwsSolutions-CFR2', REASONS.waf);
  }
}

export function applyNag(stack: Stack): void {
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
}
