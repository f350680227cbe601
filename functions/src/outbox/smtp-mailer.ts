/**
 * Email by SMTP, in both partitions (the China regions have no SES; a government usually runs its own
 * relay): the raw message MailComposer builds (the same bytes as locally and through SES) handed to
 * nodemailer's SMTP transport. Host, port and credentials come from a Secrets Manager secret read when
 * mail is sent (cached briefly, aws/secrets.ts), never from the environment; nodemailer's transport is
 * imported on first use, a chunk of its own in a Lambda bundle.
 */
import type { SmtpSettings } from '../aws/secrets.js';
import { composeMail, type Mailer } from './mail.js';

/** Sends one raw message to the envelope's recipients (nodemailer's SMTP transport, or a test's). */
export interface SmtpPort {
  send(settings: SmtpSettings, envelope: { from: string; to: string[] }, raw: Buffer): Promise<void>;
}

/** nodemailer's options for the settings: TLS from the start on `secure`, else STARTTLS required. */
export const transportOptions = (s: SmtpSettings) => ({
  host: s.host,
  port: s.port,
  secure: s.secure,
  requireTLS: !s.secure,
  ...(s.user && s.pass ? { auth: { user: s.user, pass: s.pass } } : {}),
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  tls: { minVersion: 'TLSv1.2' as const },
});

/** The real transport: one nodemailer transport per settings value (a changed secret gets a new one). */
export function nodemailerSmtp(): SmtpPort {
  let current: { key: string; send: (env: object, raw: Buffer) => Promise<unknown> } | undefined;
  return {
    async send(settings, envelope, raw) {
      const key = JSON.stringify(settings);
      if (current?.key !== key) {
        const { createTransport } = await import('nodemailer');
        const t = createTransport(transportOptions(settings));
        current = { key, send: (env, r) => t.sendMail({ envelope: env as never, raw: r }) };
      }
      await current.send(envelope, raw);
    },
  };
}

export function smtpMailer(
  settings: () => Promise<SmtpSettings>,
  smtp: SmtpPort,
  from: string,
  clock: () => number,
): Mailer {
  return {
    from,
    async send(mail) {
      const raw = await composeMail(from, mail, new Date(clock()));
      await smtp.send(await settings(), { from, to: mail.to }, raw);
    },
  };
}
