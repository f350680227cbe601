/**
 * What one deployment may choose, read from CDK context (`-c name=value` or cdk.json). Everything has a
 * default, so `npm run synth` needs no context, no credentials and no look-up.
 */
import { DEFAULT_BUNDLE_DIR } from '@jiandu/functions/bundles';
import { readEnv } from '@jiandu/functions/env';

export interface OidcIssuer {
  issuer: string;
  audience: string;
  /** Absent: the functions ask the issuer's discovery document for its `jwks_uri` (Keycloak's is not /.well-known/jwks.json). */
  jwksUrl?: string;
  /** The provider's role or group names → Jiandu roles, as JSON (e.g. {"/jiandu/supervisor":"supervisor"}). */
  roleMap?: string;
  rolesClaim: string;
  unitClaim: string;
  /**
   * The claim naming the caller's Jiandu account (AUTH_USERNAME_CLAIM): a token gives access only while
   * that account exists and is enabled. Cognito: cognito:username; another issuer: preferred_username.
   */
  usernameClaim: string;
}

export interface StackConfig {
  /** A concrete region pins the partition (cn-* → aws-cn); absent: env-agnostic, resolved at deploy. */
  region?: string;
  account?: string;
  /** Another OIDC issuer instead of the Cognito user pool. */
  oidc?: OidcIssuer;
  /**
   * Email: the address mail is sent from, and how — SMTP (both partitions; host, port and credentials in a
   * Secrets Manager secret the stack makes, or an existing one) or SES (not offered in the China regions).
   * Absent: no email.
   */
  mail?: MailConfig;
  /** A production deployment: digests locked in compliance mode for `digestRetentionDays` (3,650 by default). */
  production: boolean;
  /**
   * The SPA's origin when the stack does not host it (web=false): the evidence bucket's CORS rule and the
   * sign-in callback name it. With web=true it is CloudFront's (or the custom domain).
   */
  appOrigin?: string;
  /** Where alarm notifications go (an email subscription to the alarm topic). */
  alarmEmail?: string;
  /** Reserve concurrency (1 per job, `apiMaxConcurrency` for the API); off for accounts at the 10 minimum. */
  reservedConcurrency: boolean;
  apiMaxConcurrency: number;
  /**
   * Object Lock retention of each daily digest, in days: compliance mode in production (not shortenable by
   * anyone), governance mode outside it (a short default, so a trial can be torn down).
   */
  digestRetentionDays: number;
  /** The API p99 latency alarm threshold, in milliseconds. */
  apiP99Ms: number;
  /** Host the admin SPA on S3 + CloudFront (not in the China regions: see readConfig). */
  web: boolean;
  /** A custom domain for CloudFront and its ACM certificate (us-east-1); enforces TLS 1.2 for viewers. */
  webDomain?: { name: string; certificateArn: string };
  /** The folder holding one bundle folder per handler (functions: `npm run bundle`). */
  bundleDir: string;
  /**
   * `sysadmin:<username>,secadmin:<username>`: the first administrators' accounts, which the API function
   * creates on an empty table (JIANDU_FIRST_ADMINS) — without them no one could get in to make others.
   */
  firstAdmins?: string;
}

export interface MailConfig {
  from: string;
  transport: 'smtp' | 'ses';
  /** An existing secret with the SMTP settings (JSON: host, port, secure, user, pass); absent: the stack makes one. */
  smtpSecretArn?: string;
}

export type Context = (key: string) => unknown;

/** The environment the CDK CLI runs the app in: a profile's region arrives as CDK_DEFAULT_REGION. */
export type Environment = Record<string, string | undefined>;

/** Where a region may come from, first found wins: context, then what the CLI or shell says. */
export const REGION_SOURCES = ['CDK_DEFAULT_REGION', 'AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

/** Digest retention outside production: a day, in governance mode. */
export const TRIAL_DIGEST_RETENTION_DAYS = 1;

/** Reserved concurrency of the API function unless `apiMaxConcurrency` says otherwise. */
export const DEFAULT_API_MAX_CONCURRENCY = 100;

export const isChinaRegion = (region: string | undefined): boolean => region?.startsWith('cn-') ?? false;

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

export function readConfig(ctx: Context, env: Environment = {}): StackConfig {
  const partition = str(ctx('partition'));
  if (partition !== undefined && partition !== 'aws' && partition !== 'aws-cn') {
    throw new Error(`context partition must be aws or aws-cn, got ${partition}`);
  }
  // The region however it is given: -c region, else the deploying profile's (the CLI passes it as
  // CDK_DEFAULT_REGION) or the shell's. A China region pins the partition whichever way it came.
  const fromEnv = REGION_SOURCES.map((k) => str(env[k])).find((r) => r !== undefined);
  const region =
    str(ctx('region')) ??
    (partition === 'aws-cn' && !isChinaRegion(fromEnv) ? CHINA_DEFAULT_REGION : undefined) ??
    (partition === 'aws' && isChinaRegion(fromEnv) ? undefined : fromEnv);
  if (partition && region && isChinaRegion(region) !== (partition === 'aws-cn')) {
    throw new Error(`region ${region} is not in partition ${partition}`);
  }
  const issuer = str(ctx('authIssuer'));
  const audience = str(ctx('authAudience'));
  if ((issuer === undefined) !== (audience === undefined)) {
    throw new Error('give authIssuer and authAudience together (another OIDC issuer), or neither (Cognito)');
  }
  const china = isChinaRegion(region);
  // Facts of the China regions, from CDK's own CloudFormation resource data and AWS's China documentation:
  // no Cognito user pools, no SES, and CloudFront there has neither origin access control nor CloudFront
  // Functions and serves only an ICP-filed domain. So a China deployment names its OIDC issuer, sends mail
  // by SMTP, and serves the SPA from its own (ICP-filed) web server. Each is refused here, before synthesis.
  if (china && issuer === undefined) {
    throw new Error(
      `Cognito user pools are not offered in ${region}: give your OIDC issuer with -c authIssuer=… -c authAudience=…`,
    );
  }
  const web = bool(ctx('web'), !china);
  if (china && web) {
    throw new Error(
      `CloudFront in ${region} has no origin access control and serves only an ICP-filed domain: deploy with -c web=false and serve the SPA from your own web server (README "Deploying in China")`,
    );
  }
  if (web && region === undefined) {
    throw new Error(
      'the SPA behind CloudFront needs a region (its web ACL is made in us-east-1 and referenced across regions): deploy with a profile that has one, or give -c region=…',
    );
  }
  const appOrigin = str(ctx('appOrigin'));
  if (appOrigin !== undefined && !/^https:\/\/[^/]+$/.test(appOrigin)) {
    throw new Error(`context appOrigin must be an https origin without a path, got ${appOrigin}`);
  }
  if (!web && appOrigin === undefined) {
    throw new Error(
      'without web hosting, give the origin the SPA is served from with -c appOrigin=https://… (evidence uploads are cross-origin)',
    );
  }
  const domain = str(ctx('webDomain'));
  const certificateArn = str(ctx('webCertificateArn'));
  if ((domain === undefined) !== (certificateArn === undefined)) {
    throw new Error('give webDomain and webCertificateArn together');
  }
  const mailFrom = str(ctx('mailFrom'));
  const transport = str(ctx('mailTransport')) ?? 'smtp';
  if (transport !== 'smtp' && transport !== 'ses') {
    throw new Error(`context mailTransport must be smtp or ses, got ${transport}`);
  }
  if (mailFrom && transport === 'ses' && china) {
    throw new Error(
      `SES is not offered in ${region}: send mail by SMTP (-c mailTransport=smtp, the default)`,
    );
  }
  const smtpSecretArn = str(ctx('smtpSecretArn'));
  const firstAdmins = str(ctx('firstAdmins'));
  // Checked by the functions' own schema now, not at the API's first cold start.
  if (firstAdmins) readEnv({ JIANDU_FIRST_ADMINS: firstAdmins });
  const production = bool(ctx('production'), true);
  return {
    ...(region ? { region } : {}),
    ...(str(ctx('account')) ? { account: str(ctx('account')) } : {}),
    ...(issuer && audience
      ? {
          oidc: {
            issuer,
            audience,
            ...(str(ctx('authJwksUrl')) ? { jwksUrl: str(ctx('authJwksUrl')) } : {}),
            ...(str(ctx('authRoleMap')) ? { roleMap: str(ctx('authRoleMap')) } : {}),
            rolesClaim: str(ctx('authRolesClaim')) ?? 'roles',
            unitClaim: str(ctx('authUnitClaim')) ?? 'unit',
            usernameClaim: str(ctx('authUsernameClaim')) ?? 'preferred_username',
          },
        }
      : {}),
    ...(mailFrom
      ? {
          mail: {
            from: mailFrom,
            transport,
            ...(transport === 'smtp' && smtpSecretArn ? { smtpSecretArn } : {}),
          },
        }
      : {}),
    ...(str(ctx('alarmEmail')) ? { alarmEmail: str(ctx('alarmEmail')) } : {}),
    reservedConcurrency: bool(ctx('reservedConcurrency'), true),
    apiMaxConcurrency: int('apiMaxConcurrency', ctx('apiMaxConcurrency'), DEFAULT_API_MAX_CONCURRENCY),
    production,
    digestRetentionDays: int(
      'digestRetentionDays',
      ctx('digestRetentionDays'),
      production ? 3650 : TRIAL_DIGEST_RETENTION_DAYS,
    ),
    apiP99Ms: int('apiP99Ms', ctx('apiP99Ms'), 3000),
    web,
    ...(appOrigin ? { appOrigin } : {}),
    ...(domain && certificateArn ? { webDomain: { name: domain, certificateArn } } : {}),
    bundleDir: str(ctx('bundleDir')) ?? DEFAULT_BUNDLE_DIR,
    ...(firstAdmins ? { firstAdmins } : {}),
  };
}
