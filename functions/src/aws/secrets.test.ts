import { describe, expect, it } from 'vitest';
import { cachedSecret, originSecret, smtpSettings, webhookSettings } from './secrets.js';

describe('a secret read at run time', () => {
  it('is read once per TTL, then again (an edited secret takes effect without a deployment)', async () => {
    let now = 0;
    const reads: string[] = [];
    let value = '{"wecom":{"url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a"}}';
    const read = cachedSecret(
      async (id) => {
        reads.push(id);
        return value;
      },
      'arn:webhooks',
      webhookSettings,
      { ttlMs: 1000, clock: () => now },
    );
    expect((await read()).wecom?.url).toMatch(/key=a$/);
    now = 999;
    value = '{}';
    expect((await read()).wecom?.url).toMatch(/key=a$/);
    expect(reads).toEqual(['arn:webhooks']);
    now = 1000;
    expect(await read()).toEqual({});
    expect(reads).toHaveLength(2);
  });

  it('keeps no failed read: the next call asks again', async () => {
    let fail = true;
    const read = cachedSecret(
      async () => {
        if (fail) throw new Error('throttled');
        return 'a-generated-origin-secret-of-48-characters-xxxxxx';
      },
      'arn:origin',
      originSecret,
      { raw: true },
    );
    await expect(read()).rejects.toThrow('throttled');
    fail = false;
    await expect(read()).resolves.toMatch(/^a-generated/);
  });

  it('refuses a value that does not parse (a secret edited wrongly fails loudly)', async () => {
    const read = cachedSecret(async () => '{"host":""}', 'arn:smtp', smtpSettings);
    await expect(read()).rejects.toThrow();
  });

  it('takes SMTP settings with implicit TLS on 465 by default', () => {
    expect(smtpSettings.parse({ host: 'smtp.example.gov.cn', user: 'u', pass: 'p' })).toEqual({
      host: 'smtp.example.gov.cn',
      port: 465,
      secure: true,
      user: 'u',
      pass: 'p',
    });
  });
});
