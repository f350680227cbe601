import { describe, expect, it } from 'vitest';
import type { Deps } from '../app/deps.js';
import { type AwsEnv, readEnv } from '../env.js';
import { transportOptions } from '../outbox/smtp-mailer.js';
import { awsMailer, awsWebhooks, withWebhooks } from './notify-deps.js';
import type { SmtpSettings } from './secrets.js';

const env = (over: Record<string, string>) =>
  readEnv({ PII_KMS_KEY_ID: 'k', AUTH_JWKS_URL: 'https://i.example/jwks', ...over }) as AwsEnv;

const SMTP = JSON.stringify({ host: 'smtp.example.gov.cn', port: 587, secure: false, user: 'u', pass: 'p' });

describe('mail in AWS', () => {
  it('goes by SMTP with the settings of the secret, read when mail is sent and cached', async () => {
    const reads: string[] = [];
    const sent: { settings: SmtpSettings; envelope: { from: string; to: string[] }; raw: string }[] = [];
    const mailer = awsMailer(
      env({ MAIL_FROM: 'jiandu@example.gov.cn', MAIL_TRANSPORT: 'smtp', SMTP_SECRET_ARN: 'arn:smtp' }),
      {
        secrets: async (id) => {
          reads.push(id);
          return SMTP;
        },
        smtp: {
          send: async (settings, envelope, raw) =>
            void sent.push({ settings, envelope, raw: raw.toString() }),
        },
        clock: () => Date.parse('2025-05-15T02:00:00Z'),
      },
    );
    expect(reads).toEqual([]);
    const mail = {
      to: ['duban@example.com'],
      subject: '【预警】整改逾期',
      text: '正文',
      messageId: '<n1@jiandu>',
    };
    await mailer?.send(mail);
    await mailer?.send({ ...mail, messageId: '<n2@jiandu>' });
    expect(reads).toEqual(['arn:smtp']);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.envelope).toEqual({ from: 'jiandu@example.gov.cn', to: ['duban@example.com'] });
    expect(sent[0]?.raw).toMatch(/^Message-ID: <n1@jiandu>$/m);
    expect(transportOptions(sent[0]!.settings)).toMatchObject({
      host: 'smtp.example.gov.cn',
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: 'u', pass: 'p' },
    });
  });

  it('is off without MAIL_FROM, and SMTP without its secret is a configuration error', () => {
    expect(awsMailer(env({}))).toBeUndefined();
    expect(() => awsMailer(env({ MAIL_FROM: 'a@example.gov.cn', MAIL_TRANSPORT: 'smtp' }))).toThrow(
      /SMTP_SECRET_ARN/,
    );
  });
});

describe('the group robots in AWS', () => {
  it('come from their secret at run time, so a robot added or removed needs no deployment', async () => {
    let value = JSON.stringify({
      dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SEC1' },
    });
    let now = 0;
    const robots = awsWebhooks(
      env({ WEBHOOKS_SECRET_ARN: 'arn:robots' }),
      {},
      {
        secrets: async () => value,
        clock: () => now,
      },
    );
    const post = async () => ({ status: 200, text: '{"errcode":0}' });
    const deps = { webhooks: { post } } as unknown as Deps;
    const first = await withWebhooks(deps, robots);
    expect(first.webhooks).toEqual({
      post,
      dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SEC1' },
    });
    value = '{}';
    now = 10 * 60_000;
    expect((await withWebhooks(deps, robots)).webhooks).toEqual({ post });
  });

  it('fall back to the environment where there is no secret (local runs)', async () => {
    const robots = awsWebhooks(env({}), { wecom: { url: 'https://qyapi.weixin.qq.com/x' } });
    expect(await robots()).toEqual({ wecom: { url: 'https://qyapi.weixin.qq.com/x' } });
  });
});
