/** One digest as it leaves: plain-text and HTML parts of one email. */
export interface OutgoingMail {
  readonly to: string;
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly senderName: string;
}

/** Sends mail (MailApp, .eml files, SMTP). `send` throws when the mail could not be sent. */
export interface Mailer {
  /** How many more recipients may be emailed today (Infinity when the host has no quota). */
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
}
