/**
 * Email (issue 7): a message is built once as RFC 5322 (nodemailer's MailComposer) and handed to a
 * transport — locally an .eml file under `<DATA_DIR>/mail/`, in AWS SESv2 SendEmail with the raw
 * message (ses-mailer.ts). Both implement `Mailer`, so the email channel does not know which it has.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** A stable Message-ID, so a receiver can tell a repeated message from a new one. */
  messageId: string;
}

export interface Mailer {
  /** The address messages are sent from. */
  readonly from: string;
  send(mail: Mail): Promise<void>;
}

/**
 * The raw message (UTF-8 subject and body, encoded as mail requires). nodemailer's composer (~125 KB) is
 * imported on first use: in a Lambda bundle it is a chunk of its own, read only when mail is sent.
 */
export async function composeMail(from: string, mail: Mail, date: Date): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  return new MailComposer({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    date,
    textEncoding: 'base64',
  })
    .compile()
    .build();
}

/** Local mail: each message an .eml file (open it in any mail program), named by time and id. */
export function emlMailer(dir: string, from: string, clock: () => number): Mailer {
  return {
    from,
    async send(mail) {
      const date = new Date(clock());
      const raw = await composeMail(from, mail, date);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const safeId = mail.messageId.replace(/[^A-Za-z0-9_.-]/g, '_');
      await writeFile(join(dir, `${date.toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`), raw, {
        mode: 0o600,
      });
    },
  };
}
