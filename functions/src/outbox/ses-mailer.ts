/** Email in AWS: SESv2 SendEmail with the raw message MailComposer built (the same bytes as locally). */
import { SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { composeMail, type Mailer } from './mail.js';

export interface SesPort {
  send(command: SendEmailCommand): Promise<SendEmailCommandOutput>;
}

export function sesMailer(ses: SesPort, from: string, clock: () => number): Mailer {
  return {
    from,
    async send(mail) {
      const raw = await composeMail(from, mail, new Date(clock()));
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: mail.to },
          Content: { Raw: { Data: raw } },
        }),
      );
    },
  };
}
