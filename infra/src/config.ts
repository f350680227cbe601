/**
 * What one deployment may choose, read from CDK context (`-c name=value` or cdk.json). Everything has a
 * default, so `npm run synth` needs no context, no credentials and no look-up.
 */
import { DEFAULT_BUNDLE_DIR } from '@jiandu/functions/bundles';

export interface OidcIssuer {
  issuer: string;
  audience: string;
  jwksUrl: string;
  rolesClaim: string;
  unitClaim: string;
}

export interface StackConfig {
  /** A concrete region pins the partition (cn-* → aws-cn); absent: env-agnostic, resolved at deploy. */
  region?: string;
  account?: string;
  /** Another OIDC issuer instead of the Cognito user pool. */
  oidc?: OidcIssuer;
  /** A verified SES identity (address or domain) to send mail from; absent: no email. */
  mailFrom?: string;
  /** Where alarm notifications go (an email subscription to the alarm topic). */
  alarmEmail?: string;
  /** Reserve concurrency (1 per job, `apiMaxConcurrency` for the API); off for accounts at the 10 minimum. */
  reservedConcurrency: boolean;
  apiMaxConcurrency?: number;
  /** Object Lock retention of each daily digest, in days (compliance mode: not shortenable by anyone). */
  digestRetentionDays: number;
  /** The API p99 latency alarm threshold, in milliseconds. */
  apiP99Ms: number;
  /** Host the admin SPA on S3 + CloudFront (not in the China regions: see readConfig). */
  web: boolean;
  /** A custom domain for CloudFront and its ACM certificate (us-east-1); enforces TLS 1.2 for viewers. */
  webDomain?: { name: string; certificateArn: string };
  /** The folder holding one bundle folder per handler (functions: `npm run bundle`). */
  bundleDir: string;
}

export type Context = (key: string) => unknown;

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

const bool = (v: unknown, dflt: boolean): boolean => {
  const s = str(v);
  return s === undefined ? dflt : !['false', '0', 'no', 'off'].includes(s.toLowerCase());
};

const int = (name: string, v: unknown, dflt: number): number => {
  const s = str(v);
  if (s === undefined) return dflt;
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`context ${name} must be a positive integer, got ${s}`);
  return n;
};

export const CHINA_DEFAULT_REGION = 'cn-north-1';

export function readConfig(ctx: Context): StackConfig {
  const partition = str(ctx('partition'));
  if (partition !== undefined && partition !== 'aws' && partition !== 'aws-cn') {
    throw new Error(`context partition must be aws or aws-cn, got ${partition}`);
  }
  const region = str(ctx('region')) ?? (partition === 'aws-cn' ? CHINA_DEFAULT_REGION : undefined);
  if (partition && region && region.startsWith('cn-') !== (partition === 'aws-cn')) {
    throw new Error(`region ${region} is not in partition ${partition}`);
  }
  const issuer = str(ctx('authIssuer'));
  const audience = str(ctx('authAudience'));
  if ((issuer === undefined) !== (audience === undefined)) {
    throw new Error('give authIssuer and authAudience together (another OIDC issuer), or neither (Cognito)');
  }
  const china = region?.startsWith('cn-') ?? false;
  // Facts of the China regions, from CDK's own CloudFormation resource data: no Cognito user pools, and
  // CloudFront there has neither origin access control nor CloudFront Functions (and needs an ICP-filed
  // domain). So a China deployment names its OIDC issuer, and serves the SPA from its own web server.
  if (china && issuer === undefined) {
    throw new Error(
      `Cognito user pools are not offered in ${region}: give your OIDC issuer with -c authIssuer=… -c authAudience=…`,
    );
  }
  const web = bool(ctx('web'), !china);
  if (china && web) {
    throw new Error(`CloudFront in ${region} has no origin access control: deploy with -c web=false`);
  }
  const domain = str(ctx('webDomain'));
  const certificateArn = str(ctx('webCertificateArn'));
  if ((domain === undefined) !== (certificateArn === undefined)) {
    throw new Error('give webDomain and webCertificateArn together');
  }
  const apiMax = str(ctx('apiMaxConcurrency'));
  return {
    ...(region ? { region } : {}),
    ...(str(ctx('account')) ? { account: str(ctx('account')) } : {}),
    ...(issuer && audience
      ? {
          oidc: {
            issuer,
            audience,
            jwksUrl: str(ctx('authJwksUrl')) ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
            rolesClaim: str(ctx('authRolesClaim')) ?? 'roles',
            unitClaim: str(ctx('authUnitClaim')) ?? 'unit',
          },
        }
      : {}),
    ...(str(ctx('mailFrom')) ? { mailFrom: str(ctx('mailFrom')) } : {}),
    ...(str(ctx('alarmEmail')) ? { alarmEmail: str(ctx('alarmEmail')) } : {}),
    reservedConcurrency: bool(ctx('reservedConcurrency'), true),
    ...(apiMax ? { apiMaxConcurrency: int('apiMaxConcurrency', apiMax, 1) } : {}),
    digestRetentionDays: int('digestRetentionDays', ctx('digestRetentionDays'), 3650),
    apiP99Ms: int('apiP99Ms', ctx('apiP99Ms'), 3000),
    web,
    ...(domain && certificateArn ? { webDomain: { name: domain, certificateArn } } : {}),
    bundleDir: str(ctx('bundleDir')) ?? DEFAULT_BUNDLE_DIR,
  };
}
