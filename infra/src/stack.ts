/**
 * The Jiandu stack (DESIGN §5 "In AWS"): the table and keys, one function per entry point, the HTTP API
 * with its JWT authorizer, the schedules, the buckets, the SPA behind CloudFront, mail and alarms. No
 * ARN is written by hand with a literal partition: every one comes from a construct or from the stack's
 * own partition, so the same code synthesizes for aws and aws-cn.
 */

import { METRICS_NAMESPACE } from '@jiandu/functions/aws/observability';
import type { Env } from '@jiandu/functions/env';
import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { Alarms } from './alarms.js';
import { Auth } from './auth.js';
import type { StackConfig } from './config.js';
import { Functions } from './functions.js';
import { HttpApiFront } from './http-api.js';
import { acknowledge } from './nag.js';
import { Schedules } from './schedules.js';
import { Storage } from './storage.js';
import { Web } from './web.js';

export interface JianduStackProps extends StackProps {
  config: StackConfig;
}

export class JianduStack extends Stack {
  readonly storage: Storage;
  readonly auth: Auth;
  readonly functions: Functions;
  readonly http: HttpApiFront;
  readonly web?: Web;
  readonly schedules: Schedules;

  constructor(scope: Construct, id: string, props: JianduStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.storage = new Storage(this, 'Storage', { digestRetentionDays: config.digestRetentionDays });

    const mail = config.mailFrom ? this.mailIdentity(config.mailFrom) : undefined;
    // The SPA's URL is CloudFront's, made further down; the sign-in callback reads it at synth.
    this.auth = new Auth(this, 'Auth', {
      ...(config.oidc ? { oidc: config.oidc } : {}),
      ...(config.web
        ? { appUrl: Lazy.string({ produce: () => this.web?.url(config.webDomain?.name) }) }
        : {}),
    });
    const issuer = this.auth.issuer;
    const env: Partial<Record<keyof Env, string>> = {
      TABLE_NAME: this.storage.table.tableName,
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_ROLES_CLAIM: issuer.rolesClaim,
      AUTH_UNIT_CLAIM: issuer.unitClaim,
      PII_KMS_KEY_ID: this.storage.piiKey.keyArn,
      EVIDENCE_BUCKET: this.storage.evidence.bucketName,
      DIGEST_BUCKET: this.storage.digests.bucketName,
      LOG_LEVEL: 'info',
      ...(config.mailFrom ? { MAIL_FROM: config.mailFrom } : {}),
    };
    this.functions = new Functions(this, 'Functions', {
      storage: this.storage,
      env,
      bundleDir: config.bundleDir,
      reservedConcurrency: config.reservedConcurrency,
      ...(config.apiMaxConcurrency ? { apiMaxConcurrency: config.apiMaxConcurrency } : {}),
      ...(mail ? { mailIdentityArn: mail } : {}),
    });
    const { api, ...jobs } = this.functions.fn;
    this.http = new HttpApiFront(this, 'Http', { handler: api, issuer });
    this.schedules = new Schedules(this, 'Schedules', {
      functions: jobs,
      deadLetterQueues: this.functions.dlq,
    });

    if (config.web) {
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
    }

    new Alarms(this, 'Alarms', {
      key: this.storage.dataKey,
      functions: this.functions.fn,
      deadLetterQueues: this.functions.dlq,
      api: this.http.api,
      apiP99Ms: config.apiP99Ms,
      namespace: METRICS_NAMESPACE,
      ...(config.alarmEmail ? { email: config.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.http.api.apiEndpoint, description: 'The HTTP API endpoint' });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'DigestBucket', { value: this.storage.digests.bucketName });
    new CfnOutput(this, 'EvidenceBucket', { value: this.storage.evidence.bucketName });
    if (this.auth.userPool && this.auth.client) {
      new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    }
    new CfnOutput(this, 'TokenIssuer', { value: issuer.issuer });
    acknowledge(this, { certificate: config.webDomain !== undefined });
  }

  /** The SES identity mail is sent from: an address, or a whole domain (verified by DNS records). */
  private mailIdentity(from: string): string {
    const identity = from.includes('@') ? Identity.email(from) : Identity.domain(from);
    const ses = new EmailIdentity(this, 'MailIdentity', { identity });
    return this.formatArn({ service: 'ses', resource: 'identity', resourceName: ses.emailIdentityName });
  }
}
