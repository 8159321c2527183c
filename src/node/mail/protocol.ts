import type { OutgoingMail } from '../../core/ports/mailer';

/** How the mail worker delivers: .eml files into a folder, or an SMTP server. */
export type MailTarget =
  { readonly kind: 'eml'; readonly dir: string } | { readonly kind: 'smtp'; readonly url: string };

export interface MailRequest {
  readonly mail: OutgoingMail;
  /** Sender address; the display name is `mail.senderName`. */
  readonly from: string;
  /** File name inside the outbox (eml only). */
  readonly fileName?: string;
}

export type MailReply =
  { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly error: string };
