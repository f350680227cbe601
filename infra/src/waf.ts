/**
 * AWS WAF in front of what anyone on the internet can reach (API Gateway's HTTP API takes no web ACL, so
 * the API is reached through CloudFront's): a rate-based rule per client IP, Amazon's IP reputation list
 * and — for CloudFront — the common and known-bad-inputs rule sets. CloudFront's web ACL must live in
 * us-east-1, so it has a stack of its own there (EdgeStack); the user pool's is regional, beside it.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests per client IP in any 5-minute window before WAF blocks that IP (WAF's evaluation window). */
export const RATE_LIMITS = {
  /** The SPA and the API through CloudFront: a busy office behind one NAT stays well below it. */
  cdn: 3000,
  /** Sign-in (every call to the user pool): SRP takes a few calls a sign-in; guessing takes thousands. */
  signIn: 300,
} as const;

/** The region CloudFront's web ACLs are made in, whatever the stack's. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: name,
  sampledRequestsEnabled: true,
});

const rateRule = (limit: number, priority: number): CfnWebACL.RuleProperty => ({
  name: 'RatePerIp',
  priority,
  action: { block: {} },
  statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } },
  visibilityConfig: visibility('RatePerIp'),
});

const managed = (
  name: string,
  priority: number,
  /** Rules of the group that only count (they would refuse legitimate requests of this app). */
  countOnly: string[] = [],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(countOnly.length > 0
        ? { ruleActionOverrides: countOnly.map((r) => ({ name: r, actionToUse: { count: {} } })) }
        : {}),
    },
  },
  visibilityConfig: visibility(name),
});

export interface WebAclProps {
  scope: 'CLOUDFRONT' | 'REGIONAL';
  rateLimit: number;
  /** Add the common and known-bad-inputs rule sets (web traffic; not the user pool's API calls). */
  webRules: boolean;
  description: string;
}

export function webAcl(scope: Construct, id: string, props: WebAclProps): CfnWebACL {
  return new CfnWebACL(scope, id, {
    scope: props.scope,
    description: props.description,
    defaultAction: { allow: {} },
    visibilityConfig: visibility(id),
    rules: [
      rateRule(props.rateLimit, 0),
      managed('AWSManagedRulesAmazonIpReputationList', 1),
      ...(props.webRules
        ? [
            // Batch ingestion posts up to 1000 items (bodies above the set's 8 KB), and evidence is
            // uploaded straight to S3, not through here: the body-size rule only counts.
            managed('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
            managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
          ]
        : []),
    ],
  });
}

/** The us-east-1 stack holding CloudFront's web ACL; the main stack references its ARN. */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.webAcl = webAcl(this, 'CdnAcl', {
      scope: 'CLOUDFRONT',
      rateLimit: RATE_LIMITS.cdn,
      webRules: true,
      description: 'Jiandu - the SPA and API behind CloudFront',
    });
  }
}
