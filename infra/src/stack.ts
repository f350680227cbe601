/**
 * The Jiandu stack (DESIGN §5 "In AWS"): the table and keys, one function per entry point, the HTTP API
 * with its JWT authorizer, the schedules, the buckets, the SPA behind CloudFront and WAF, mail, the
 * secrets the functions read at run time, backups, the audit trail and alarms. No ARN is written by hand
 * with a literal partition: every one comes from a construct or from the stack's own partition, so the
 * same code synthesizes for aws and aws-cn — and what a partition lacks (X-Ray for Lambda, Cognito, SES,
 * CloudFront with origin access control) is left out there, decided by config.ts before synthesis.
 */

import { API_GROUP_NAMES, type ApiGroupName } from '@jiandu/functions/app/route-groups';
import { METRICS_NAMESPACE } from '@jiandu/functions/aws/observability';
import { ORIGIN_HEADER } from '@jiandu/functions/aws/secrets';
import type { Env } from '@jiandu/functions/env';
import { CfnOutput, Lazy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.js';
import { Audit } from './audit.js';
import { Auth } from './auth.js';
import { isChinaRegion, type StackConfig } from './config.js';
import { Functions } from './functions.js';
import { HttpApiFront } from './http-api.js';
import { Schedules } from './schedules.js';
import { Storage } from './storage.js';
import { RATE_LIMITS, webAcl } from './waf.js';
import { Web } from './web.js';

export interface JianduStackProps extends StackProps {
  config: StackConfig;
  /** CloudFront's web ACL (the us-east-1 EdgeStack's), when the stack hosts the SPA. */
  cdnWebAclArn?: string;
}

export interface JianduSecrets {
  smtp?: ISecret;
  webhooks: Secret;
  origin?: Secret;
}

export class JianduStack extends Stack {
  readonly storage: Storage;
  readonly auth: Auth;
  readonly functions: Functions;
  readonly http: HttpApiFront;
  readonly web?: Web;
  readonly schedules: Schedules;
  readonly secrets: JianduSecrets;
  readonly audit: Audit;
  readonly alarms: Alarms;
  /** Tracing is on where the partition has X-Ray for Lambda. */
  readonly tracing: boolean;

  constructor(scope: Construct, id: string, props: JianduStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.tracing = !isChinaRegion(config.region);
    this.storage = new Storage(this, 'Storage', {
      digestRetentionDays: config.digestRetentionDays,
      production: config.production,
    });
    this.secrets = this.makeSecrets(config);

    const mailIdentity = config.mail?.transport === 'ses' ? this.mailIdentity(config.mail.from) : undefined;
    // The SPA's URL is CloudFront's, made further down; the sign-in callback reads it at synth.
    this.auth = new Auth(this, 'Auth', {
      ...(config.oidc ? { oidc: config.oidc } : {}),
      ...(config.web
        ? { appUrl: Lazy.string({ produce: () => this.web?.url(config.webDomain?.name) }) }
        : config.appOrigin
          ? { appUrl: config.appOrigin }
          : {}),
    });
    if (this.auth.userPool) {
      // Sign-in is the user pool's: its own web ACL limits each client IP, whatever the API's throttles.
      const acl = webAcl(this, 'SignInAcl', {
        scope: 'REGIONAL',
        rateLimit: RATE_LIMITS.signIn,
        webRules: false,
        description: 'Jiandu - sign-in, the Cognito user pool',
      });
      new CfnWebACLAssociation(this, 'SignInAclAssociation', {
        resourceArn: this.auth.userPool.userPoolArn,
        webAclArn: acl.attrArn,
      });
    }
    const issuer = this.auth.issuer;
    const env: Partial<Record<keyof Env, string>> = {
      TABLE_NAME: this.storage.table.tableName,
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      // Absent for an OIDC issuer: the functions read its discovery document's jwks_uri.
      ...(issuer.jwksUrl ? { AUTH_JWKS_URL: issuer.jwksUrl } : {}),
      ...(issuer.roleMap ? { AUTH_ROLE_MAP: issuer.roleMap } : {}),
      AUTH_ROLES_CLAIM: issuer.rolesClaim,
      AUTH_UNIT_CLAIM: issuer.unitClaim,
      AUTH_USERNAME_CLAIM: issuer.usernameClaim,
      ...(config.firstAdmins ? { JIANDU_FIRST_ADMINS: config.firstAdmins } : {}),
      PII_KMS_KEY_ID: this.storage.piiKey.keyArn,
      EVIDENCE_BUCKET: this.storage.evidence.bucketName,
      DIGEST_BUCKET: this.storage.digests.bucketName,
      LOG_LEVEL: 'info',
      WEBHOOKS_SECRET_ARN: this.secrets.webhooks.secretArn,
      ...(config.mail ? { MAIL_FROM: config.mail.from, MAIL_TRANSPORT: config.mail.transport } : {}),
      ...(this.secrets.smtp ? { SMTP_SECRET_ARN: this.secrets.smtp.secretArn } : {}),
      ...(this.secrets.origin ? { ORIGIN_SECRET_ARN: this.secrets.origin.secretArn } : {}),
    };
    this.functions = new Functions(this, 'Functions', {
      storage: this.storage,
      env,
      bundleDir: config.bundleDir,
      reservedConcurrency: config.reservedConcurrency,
      apiMaxConcurrency: config.apiMaxConcurrency,
      tracing: this.tracing,
      secrets: this.secrets,
      ...(mailIdentity ? { mailIdentityArn: mailIdentity } : {}),
    });
    const { fn } = this.functions;
    // The HTTP API's functions: one per route group (functions/src/app/route-groups.ts), named as it.
    const handlers = {} as Record<ApiGroupName, IFunction>;
    for (const g of API_GROUP_NAMES) handlers[g] = fn[g];
    this.http = new HttpApiFront(this, 'Http', { handlers, issuer });
    this.schedules = new Schedules(this, 'Schedules', {
      functions: fn,
      deadLetterQueues: this.functions.dlq,
    });

    if (config.web) {
      if (!props.cdnWebAclArn || !this.secrets.origin) {
        throw new Error('the SPA behind CloudFront needs its web ACL (EdgeStack) and the origin secret');
      }
      const web = new Web(this, 'Web', {
        logs: this.storage.logs,
        apiDomainName: this.http.domainName,
        ...(config.webDomain ? { domain: config.webDomain } : {}),
        // The SPA signs in against the issuer itself (Cognito's SRP, or the OIDC issuer's endpoints).
        connectSources: [
          config.oidc
            ? new URL(config.oidc.issuer).origin
            : `https://cognito-idp.${this.region}.${this.urlSuffix}`,
        ],
        webAclArn: props.cdnWebAclArn,
        originHeader: { name: ORIGIN_HEADER, value: this.secrets.origin.secretValue.unsafeUnwrap() },
      });
      this.web = web;
      const url = web.url(config.webDomain?.name);
      this.storage.allowUploadsFrom(url);
      new CfnOutput(this, 'AppUrl', {
        value: url,
        description: 'The admin SPA (and /api) through CloudFront',
      });
      new CfnOutput(this, 'WebBucket', {
        value: web.bucket.bucketName,
        description: 'aws s3 sync admin/dist here',
      });
      new CfnOutput(this, 'DistributionId', { value: web.distribution.distributionId });
    } else if (config.appOrigin) {
      // The SPA is served elsewhere (the operator's web server; in China, on an ICP-filed domain).
      this.storage.allowUploadsFrom(config.appOrigin);
    }

    this.audit = new Audit(this, 'Audit', {
      table: this.storage.table,
      key: this.storage.dataKey,
      logs: this.storage.logs,
    });

    this.alarms = new Alarms(this, 'Alarms', {
      key: this.storage.dataKey,
      functions: this.functions.fn,
      deadLetterQueues: this.functions.dlq,
      api: this.http.api,
      apiP99Ms: config.apiP99Ms,
      table: this.storage.table,
      streamConsumers: { 'change-feed': this.functions.fn['change-feed'] },
      namespace: METRICS_NAMESPACE,
      ...(config.alarmEmail ? { email: config.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.http.api.apiEndpoint, description: 'The HTTP API endpoint' });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'DigestBucket', { value: this.storage.digests.bucketName });
    new CfnOutput(this, 'EvidenceBucket', { value: this.storage.evidence.bucketName });
    new CfnOutput(this, 'WebhooksSecretArn', {
      value: this.secrets.webhooks.secretArn,
      description: 'DingTalk/WeCom robots: {"dingtalk":{"url":…,"secret":…},"wecom":{"url":…}}',
    });
    if (this.secrets.smtp) {
      new CfnOutput(this, 'SmtpSecretArn', {
        value: this.secrets.smtp.secretArn,
        description: 'SMTP: {"host":…,"port":465,"secure":true,"user":…,"pass":…}',
      });
    }
    if (this.auth.userPool && this.auth.client) {
      new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    }
    new CfnOutput(this, 'TokenIssuer', { value: issuer.issuer });
  }

  /**
   * The secrets the functions read at run time: the group robots' (always; `{}` until the operator puts
   * the robots in), SMTP's (made here unless an existing one is named), and the origin secret CloudFront
   * and the API share (generated, when the stack hosts the SPA).
   */
  private makeSecrets(config: StackConfig): JianduSecrets {
    const webhooks = new Secret(this, 'WebhooksSecret', {
      description: 'Jiandu: DingTalk/WeCom group robots (JSON), read by the functions at run time',
      encryptionKey: this.storage.dataKey,
      // No robot until the operator sets the value (README); `{}` is no secret.
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });
    let smtp: ISecret | undefined;
    if (config.mail?.transport === 'smtp') {
      smtp = config.mail.smtpSecretArn
        ? Secret.fromSecretCompleteArn(this, 'SmtpSecret', config.mail.smtpSecretArn)
        : new Secret(this, 'SmtpSecret', {
            description: 'Jiandu: SMTP host, port and credentials (JSON), read by the functions that mail',
            encryptionKey: this.storage.dataKey,
            // Replaced by the operator with the real settings (README); until then sending fails and retries.
            secretStringValue: SecretValue.unsafePlainText('{}'),
          });
    }
    const origin = config.web
      ? new Secret(this, 'OriginSecret', {
          description: 'Jiandu: the header value CloudFront sends the API (requests without it are refused)',
          encryptionKey: this.storage.dataKey,
          generateSecretString: { passwordLength: 48, excludePunctuation: true },
        })
      : undefined;
    return { webhooks, ...(smtp ? { smtp } : {}), ...(origin ? { origin } : {}) };
  }

  /** The SES identity mail is sent from: an address, or a whole domain (verified by DNS records). */
  private mailIdentity(from: string): string {
    const identity = from.includes('@') ? Identity.email(from) : Identity.domain(from);
    const ses = new EmailIdentity(this, 'MailIdentity', { identity });
    return this.formatArn({ service: 'ses', resource: 'identity', resourceName: ses.emailIdentityName });
  }
}
