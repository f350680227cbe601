import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { sesMailer } from './ses-mailer.js';
import { postToRobot, signedDingTalkUrl, WebhookRefused } from './webhooks.js';

describe('the SES mailer', () => {
  it('sends the raw MIME message MailComposer built, from the verified identity', async () => {
    const sent: SendEmailCommand[] = [];
    const mailer = sesMailer(
      {
        send: async (c) => {
          sent.push(c);
          return { $metadata: {}, MessageId: 'm-1' };
        },
      },
      'jiandu@example.gov.cn',
      () => Date.parse('2025-05-15T02:00:00Z'),
    );
    await mailer.send({
      to: ['duban@example.com'],
      subject: '【预警】整改逾期',
      text: '正文',
      messageId: '<n1@jiandu>',
    });
    const input = sent[0]!.input;
    expect(input.FromEmailAddress).toBe('jiandu@example.gov.cn');
    expect(input.Destination?.ToAddresses).toEqual(['duban@example.com']);
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(raw).toMatch(/^Message-ID: <n1@jiandu>$/m);
    expect(raw).toMatch(/^Date: Thu, 15 May 2025 02:00:00 \+0000$/m);
  });
});

describe('the group robots', () => {
  it('adds the timestamp and the URL-encoded signature to a DingTalk URL that has a secret', () => {
    const url = signedDingTalkUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=t',
      'sec',
      1700000000000,
    );
    expect(url).toMatch(
      /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=t&timestamp=1700000000000&sign=/,
    );
    expect(decodeURIComponent(url.split('sign=')[1]!)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(signedDingTalkUrl('https://x/robot', undefined, 1)).toBe('https://x/robot');
  });

  it('counts a 200 answer with a non-zero errcode as a failure to retry', async () => {
    const refused = postToRobot(
      async () => ({ status: 200, text: '{"errcode":310000,"errmsg":"sign not match"}' }),
      'u',
      {},
    );
    await expect(refused).rejects.toBeInstanceOf(WebhookRefused);
    await expect(
      postToRobot(async () => ({ status: 200, text: '{"errcode":0}' }), 'u', {}),
    ).resolves.toBeUndefined();
  });
});
