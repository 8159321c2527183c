/**
 * The texts of the reminder email, a section of the catalogue (`Catalogue['email']`). They are
 * functions, not templates: English counts in singular and plural, and each language orders a
 * sentence its own way. Values that come from users are passed in already made safe for the
 * target (plain text or escaped HTML); these functions only arrange them.
 *
 * Chinese follows the usual mixed-script style: full-width punctuation, a space between Chinese
 * and numbers, dates and IDs as ISO `YYYY-MM-DD`.
 */
export interface SubjectCounts {
  readonly stale: number;
  readonly dueSoon: number;
  readonly actions: number;
  readonly birthdays: number;
  readonly reviews: number;
}

/** The digest's sections, for the note on items left out of a long digest. */
export type DigestSectionKind = 'stale' | 'actions' | 'care' | 'reviews';

export interface EmailTexts {
  readonly htmlLang: string;
  /** Subject: count phrases that are not zero, and the run date. */
  subject(counts: SubjectCounts, date: string): string;
  readonly greeting: string;
  intro(date: string, spreadsheetName: string): string;

  readonly staleHeading: string;
  readonly actionsHeading: string;
  readonly careHeading: string;
  readonly reviewsHeading: string;
  /** A section heading with its item count. */
  heading(title: string, count: number): string;

  abcClass(cls: string): string;
  overThreshold(days: number, limit: number): string;
  nextActionPassed(date: string | null): string;
  readonly noActivity: string;
  dueSoon(days: number, limit: number): string;
  readonly recycle: string;
  readonly escalate: string;
  /** Joins the reasons of one account. */
  joinReasons(parts: readonly string[]): string;

  actionDue(date: string, daysLeft: number): string;
  birthday(contactName: string, date: string, daysUntil: number): string;
  review(period: string, date: string, daysUntil: number): string;

  /**
   * Closes a section that lists only its first items: how many more there are and where to find
   * them (the sheet, and the column to filter on your address when there is one).
   */
  more(
    count: number,
    kind: DigestSectionKind,
    sheetName: string,
    ownerColumn: string | null,
  ): string;
  /** The link text of that note's link to the sheet. */
  readonly moreLinkText: string;

  readonly linkText: string;
  readonly columnAccount: string;
  readonly columnDetail: string;

  whyReceived(spreadsheetName: string): string;
  /** How to pause: the localized Accounts sheet name, column header and its key. */
  howToPause(sheetName: string, columnHeader: string, columnKey: string): string;
  escalationNote(cc: string): string;
  /** `link` is the spreadsheet URL (plain text) or an anchor (HTML). */
  openSpreadsheet(link: string): string;
  sentBy(senderName: string): string;
}
