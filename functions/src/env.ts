/**
 * The environment, parsed once with zod at start-up (STYLE: "environment once"). Nothing else reads
 * process.env. The CDK stack sets the same names on every function.
 */
import { role } from '@jiandu/shared';
import * as z from '@jiandu/shared/zod';

const envSchema = z.object({
  TABLE_NAME: z._default(z.string().check(z.minLength(1)), 'jiandu'),
  /** DynamoDB endpoint override (DynamoDB Local); absent in AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'local'),
  /** Token issuer and audience the API accepts. */
  AUTH_ISSUER: z._default(z.string().check(z.minLength(1)), 'jiandu-local'),
  AUTH_AUDIENCE: z._default(z.string().check(z.minLength(1)), 'jiandu'),
  /**
   * JWKS of the issuer. Absent: an issuer given as an http(s) URL (Cognito or any OIDC provider) is asked
   * for its keys through its discovery document's `jwks_uri`; locally, the built-in issuer's keys are used.
   */
  AUTH_JWKS_URL: z.optional(z.url()),
  /**
   * The provider's role or group names → Jiandu roles, as JSON (e.g. {"/jiandu/supervisor":"supervisor"});
   * absent: role claims must hold Jiandu's role codes.
   */
  AUTH_ROLE_MAP: z.pipe(
    z.optional(z.string()),
    z.transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const parsed = z.record(z.string(), role.schema).safeParse(JSON.parse(s));
      if (!parsed.success) {
        ctx.issues.push({
          code: 'custom',
          message: 'a JSON object of provider names to Jiandu roles',
          input: s,
        });
        return z.NEVER;
      }
      return parsed.data;
    }),
  ),
  /** Claims holding roles and home unit (Cognito: cognito:groups, custom:unit). */
  AUTH_ROLES_CLAIM: z._default(z.string().check(z.minLength(1)), 'roles'),
  AUTH_UNIT_CLAIM: z._default(z.string().check(z.minLength(1)), 'unit'),
  /**
   * The claim whose value names the caller's Jiandu account (single sign-on: a provider's token gives
   * access only while that account exists and is enabled). Cognito: cognito:username.
   */
  AUTH_USERNAME_CLAIM: z._default(z.string().check(z.minLength(1)), 'preferred_username'),
  /** Local data directory (DynamoDB Local files, keys, digests, mail). */
  DATA_DIR: z._default(z.string().check(z.minLength(1)), '.data'),
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
  /**
   * `npm start` on an empty store: 1 seeds the demo (its users' password is the published demo1234);
   * 0 seeds nothing but the first system and security administrators, with one-time passwords printed
   * once (services/accounts/first-administrators.ts).
   */
  JIANDU_DEMO: z._default(z.enum(['0', '1']), '1'),
  /**
   * Single sign-on deployments: the first system and security administrators as accounts of the identity
   * provider, `sysadmin:<username>,secadmin:<username>` — created (no password) on an empty store by
   * `npm start` with JIANDU_DEMO=0 and by the API function in AWS (services/accounts/first-administrators.ts).
   */
  JIANDU_FIRST_ADMINS: z.pipe(
    z.optional(z.string()),
    z.transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const pairs = new Map(
        s.split(',').map((part) => {
          const i = part.indexOf(':');
          return [
            part.slice(0, i).trim(),
            part
              .slice(i + 1)
              .trim()
              .toLowerCase(),
          ] as const;
        }),
      );
      const sysadmin = pairs.get('sysadmin');
      const secadmin = pairs.get('secadmin');
      const name = /^[^\s,:]{1,128}$/;
      if (
        pairs.size !== 2 ||
        !sysadmin ||
        !secadmin ||
        !name.test(sysadmin) ||
        !name.test(secadmin) ||
        sysadmin === secadmin
      ) {
        ctx.issues.push({
          code: 'custom',
          message:
            'sysadmin:<username>,secadmin:<username> — two different usernames of the identity provider',
          input: s,
        });
        return z.NEVER;
      }
      return { sysadmin, secadmin };
    }),
  ),
  /** KMS key for petitioner PII in AWS; absent locally (a key file under DATA_DIR). */
  PII_KMS_KEY_ID: z.optional(z.string()),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info'),
  /** AWS: the Object Lock bucket the daily digest of chain heads goes to (locally a file under DATA_DIR). */
  DIGEST_BUCKET: z.optional(z.string().check(z.minLength(1))),
  /** AWS: the evidence bucket (presigned upload and download). */
  EVIDENCE_BUCKET: z.optional(z.string().check(z.minLength(1))),
  /** The address mail is sent from; absent: no email. */
  MAIL_FROM: z.optional(z.string().check(z.minLength(1))),
  /** AWS: how mail leaves — SMTP (both partitions; settings in SMTP_SECRET_ARN) or SES (global only). */
  MAIL_TRANSPORT: z._default(z.enum(['smtp', 'ses']), 'smtp'),
  /** AWS: the Secrets Manager secret with the SMTP settings (JSON: host, port, secure, user, pass). */
  SMTP_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /**
   * AWS: the Secrets Manager secret with the group robots (JSON: {dingtalk?: {url, secret?}, wecom?: {url}}),
   * read at run time and cached briefly, so a changed robot needs no deployment.
   */
  WEBHOOKS_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /**
   * AWS: the secret CloudFront sends as the X-Origin-Verify header; the API refuses a request without it
   * (one that reached the execute-api endpoint directly). Absent: the API has no CloudFront in front.
   */
  ORIGIN_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /** DingTalk group robot (钉钉自定义机器人): its webhook URL and signing secret; absent: not used. */
  DINGTALK_WEBHOOK_URL: z.optional(z.url()),
  DINGTALK_SECRET: z.optional(z.string().check(z.minLength(1))),
  /** WeCom group robot (企业微信群机器人) webhook URL; absent: not used. */
  WECOM_WEBHOOK_URL: z.optional(z.url()),
});

export type Env = z.infer<typeof envSchema>;

/** The group robots the environment configures (outbox channels). */
export const webhookTargetsOf = (env: Env) => ({
  ...(env.DINGTALK_WEBHOOK_URL
    ? {
        dingtalk: {
          url: env.DINGTALK_WEBHOOK_URL,
          ...(env.DINGTALK_SECRET ? { secret: env.DINGTALK_SECRET } : {}),
        },
      }
    : {}),
  ...(env.WECOM_WEBHOOK_URL ? { wecom: { url: env.WECOM_WEBHOOK_URL } } : {}),
});

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return r.data;
}

/**
 * Names that fall back to a local default, or may be absent locally, but that every function in AWS must
 * be given (the CDK stack sets them; infra's tests check each function's environment with readAwsEnv).
 */
export const AWS_REQUIRED = [
  'TABLE_NAME',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_ROLES_CLAIM',
  'AUTH_UNIT_CLAIM',
  'PII_KMS_KEY_ID',
] as const satisfies readonly (keyof Env)[];

type Present<K extends keyof Env> = { [P in K]-?: NonNullable<Env[P]> };

export type AwsEnv<K extends keyof Env = never> = Env & Present<(typeof AWS_REQUIRED)[number] | K>;

/**
 * The environment of a Lambda function: the same schema, with no local default standing in for a name
 * the stack must set — `also` names what one function needs besides (e.g. its bucket).
 */
export function readAwsEnv<K extends keyof Env = never>(
  also: readonly K[] = [],
  source: Record<string, string | undefined> = process.env,
): AwsEnv<K> {
  const missing = [...AWS_REQUIRED, ...also].filter((k) => !source[k]);
  if (missing.length > 0) {
    throw new Error(`invalid environment:\n${missing.map((k) => `  ${k}: required in AWS`).join('\n')}`);
  }
  return readEnv(source) as AwsEnv<K>;
}
