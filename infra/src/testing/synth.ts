/** One synthesized partition per test file: its template, its stack and cdk-nag's findings. */
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';
import { type Partition, partitionApp } from '../build.js';
import type { Environment } from '../config.js';
import { type SynthFindings, synthFindings } from '../findings.js';
import type { JianduStack } from '../stack.js';
import type { EdgeStack } from '../waf.js';

export interface Synthesized {
  stack: JianduStack;
  template: Template;
  findings: SynthFindings;
  /** CloudFront's web ACL stack (us-east-1), when the stack hosts the SPA. */
  edge?: { stack: EdgeStack; template: Template; findings: SynthFindings };
}

export function synthesize(
  partition: Partition,
  context: Record<string, string> = {},
  env: Environment = {},
): Synthesized {
  const { app, stack, edge } = partitionApp(partition, {
    context: { bundleDir: inject('bundleDir'), ...context },
    env,
  });
  const findings = synthFindings(app, stack);
  return {
    stack,
    template: Template.fromStack(stack),
    findings,
    ...(edge
      ? { edge: { stack: edge, template: Template.fromStack(edge), findings: synthFindings(app, edge) } }
      : {}),
  };
}

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

/** Resources of one type, by logical id. */
export const resourcesOf = (t: Template, type: string) => t.findResources(type) as Resources;

/**
 * A CloudFormation value with its intrinsics replaced by plausible strings — what the value becomes at
 * deploy — so an environment can be parsed by the same schema the function parses it with.
 */
export function rendered(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('Ref' in o) return String(o.Ref).startsWith('AWS::') ? pseudo(String(o.Ref)) : `ref-${String(o.Ref)}`;
    if ('Fn::GetAtt' in o) {
      const [id, attr] = o['Fn::GetAtt'] as [string, string];
      return attr.endsWith('URL') || attr.endsWith('Url')
        ? `https://${id.toLowerCase()}.example/pool`
        : `${id}-${attr}`;
    }
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
      return parts.map(rendered).join(sep);
    }
  }
  throw new Error(`cannot render ${JSON.stringify(v)}`);
}

const pseudo = (name: string) =>
  ({ 'AWS::Region': 'cn-north-1', 'AWS::URLSuffix': 'amazonaws.com.cn', 'AWS::Partition': 'aws-cn' })[name] ??
  `${name}-value`;

/** The statements of a policy-like resource (IAM policy, bucket policy …). */
export const statementsOf = (r: { Properties?: Record<string, unknown> }): Record<string, unknown>[] =>
  (r.Properties?.PolicyDocument as { Statement?: Record<string, unknown>[] } | undefined)?.Statement ?? [];
