/** One digest as it leaves: plain-text and HTML parts of one email. */
export interface OutgoingMail {
  readonly to: string;
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly senderName: string;
  /**
   * What `deliveredBefore` knows this email by: the owner's address for a daily digest, another
   * key for a weekly manager digest (a manager may also own accounts). Default: `to`.
   */
  readonly key?: string;
}

/** Sends mail (MailApp, .eml files, SMTP). `send` throws when the mail could not be sent. */
export interface Mailer {
  /** How many more recipients may be emailed today (Infinity when the host has no quota). */
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
  /**
   * Whether the email filed under `key` (see `OutgoingMail.key`) for this run date left in an earlier run that stopped before
   * it could log the outcome (a `sending` row with nothing after it). A mailer that can tell
   * (an .eml file exists; the SMTP server's acceptance was recorded) gets `sending` written
   * before each send and `sent` after it, and an interrupted digest is sent again only if it
   * never left. A mailer without this method (MailApp) gets `sent` written before the send, so
   * an interrupted digest is never sent twice but may be lost.
   */
  deliveredBefore?(key: string): boolean;
}
