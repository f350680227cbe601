/**
 * How the functions that notify (the outbox dispatcher, the catch-up scheduler) reach people in AWS, from
 * the parsed environment: mail by SMTP (settings in Secrets Manager) or SES, and the group robots from
 * their secret — read at run time and cached briefly (aws/secrets.ts), so an edited robot or relay takes
 * effect without a deployment, and no URL or secret sits in an environment variable.
 */
import type { Deps } from '../app/deps.js';
import type { AwsEnv } from '../env.js';
import type { Mailer } from '../outbox/mail.js';
import { nodemailerSmtp, type SmtpPort, smtpMailer } from '../outbox/smtp-mailer.js';
import type { WebhookTargets } from '../outbox/webhooks.js';
import {
  cachedSecret,
  type SecretSource,
  secretsManagerSource,
  smtpSettings,
  webhookSettings,
} from './secrets.js';

export interface NotifyPorts {
  secrets?: SecretSource;
  smtp?: SmtpPort;
  clock?: () => number;
}

/** The mailer the environment configures, if any (SES's client is loaded on first send). */
export function awsMailer(env: AwsEnv, ports: NotifyPorts = {}): Mailer | undefined {
  const from = env.MAIL_FROM;
  if (!from) return undefined;
  const clock = ports.clock ?? Date.now;
  if (env.MAIL_TRANSPORT === 'ses') {
    return {
      from,
      async send(mail) {
        const [{ SESv2Client }, { sesMailer }] = await Promise.all([
          import('@aws-sdk/client-sesv2'),
          import('../outbox/ses-mailer.js'),
        ]);
        await sesMailer(new SESv2Client({}), from, clock).send(mail);
      },
    };
  }
  if (!env.SMTP_SECRET_ARN) throw new Error('MAIL_TRANSPORT smtp needs SMTP_SECRET_ARN');
  const settings = cachedSecret(ports.secrets ?? secretsManagerSource(), env.SMTP_SECRET_ARN, smtpSettings, {
    clock,
  });
  return smtpMailer(settings, ports.smtp ?? nodemailerSmtp(), from, clock);
}

/** The group robots of the moment: the secret's value (cached), or the environment's (local runs). */
export function awsWebhooks(
  env: AwsEnv,
  fallback: WebhookTargets,
  ports: NotifyPorts = {},
): () => Promise<WebhookTargets> {
  if (!env.WEBHOOKS_SECRET_ARN) return async () => fallback;
  const read = cachedSecret(
    ports.secrets ?? secretsManagerSource(),
    env.WEBHOOKS_SECRET_ARN,
    webhookSettings,
    ports.clock ? { clock: ports.clock } : {},
  );
  return async () => {
    const s = await read();
    return {
      ...(s.dingtalk
        ? { dingtalk: { url: s.dingtalk.url, ...(s.dingtalk.secret ? { secret: s.dingtalk.secret } : {}) } }
        : {}),
      ...(s.wecom ? { wecom: { url: s.wecom.url } } : {}),
    };
  };
}

/** The deps of one run with the robots of the moment. */
export async function withWebhooks(deps: Deps, robots: () => Promise<WebhookTargets>): Promise<Deps> {
  const post = deps.webhooks?.post;
  return { ...deps, webhooks: { ...(post ? { post } : {}), ...(await robots()) } };
}
