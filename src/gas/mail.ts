import type { Mailer, OutgoingMail } from '../core/ports/mailer';
import { headerSafe } from '../core/text/plain';

/** MailApp behind the Mailer port: one digest, plain-text and HTML parts, optional cc. */
export class GasMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(outgoing: OutgoingMail): void {
    // Header values: the sender name comes from Settings, so a line break or a bidi override
    // typed there must not reach a header.
    const mail = headerSafe(outgoing);
    const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: mail.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      name: mail.senderName,
    };
    if (mail.cc.length > 0) message.cc = mail.cc.join(',');
    MailApp.sendEmail(message);
  }
}
