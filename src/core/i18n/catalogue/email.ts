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
  /** Accounts in the at-risk section. */
  readonly risks: number;
  /** Stalled or overdue-close opportunities. */
  readonly opportunities: number;
}

/** The digest's sections, for the note on items left out of a long digest. */
export type DigestSectionKind =
  | 'stale'
  | 'actions'
  | 'care'
  | 'reviews'
  | 'risks'
  | 'opportunities'
  // The weekly manager digest's sections.
  | 'owners'
  | 'top_risks'
  | 'raised'
  | 'pipeline'
  | 'forecast';

/** The manager digest's totals, for its subject. */
export interface ManagerTotals {
  readonly riskAccounts: number;
  readonly staleAccounts: number;
  readonly overdueActions: number;
}

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
  readonly risksHeading: string;
  readonly opportunitiesHeading: string;
  /**
   * An opportunity to move: its stage label and amount (formatted), days in stage when stalled
   * (null otherwise) against the stage's limit, and the passed expected close (null otherwise).
   */
  opportunity(
    stage: string,
    amount: string,
    stalledDays: number | null,
    limit: number,
    overdueClose: string | null,
  ): string;
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

  /** One risk flag: its label (schema RISK_FLAGS) and its reason in words. */
  flagged(label: string, reason: string): string;
  /** `churn`: the churn-risk label and days since the last order (null: no order at all). */
  riskChurn(churnLabel: string, daysSinceOrder: number | null): string;
  /** `revenue_drop`: amounts already formatted with their currency. */
  riskRevenueDrop(revenue12m: string, revenuePrev12m: string, dropPct: number): string;
  riskCredit(rating: string): string;
  riskComplaint(since: string, daysOpen: number, slaDays: number): string;
  /** `plan_behind`: period, revenue so far, target, attainment %, the revenue expected by today. */
  riskPlanBehind(
    period: string,
    revenue: string,
    target: string,
    attainmentPct: number,
    expected: string,
  ): string;
  riskSingleThreaded(contacts: number): string;

  /** The weekly manager digest (docs/reminders.md "Manager digest"). */
  managerSubject(totals: ManagerTotals, week: string, date: string): string;
  managerIntro(week: string, spreadsheetName: string): string;
  readonly ownersHeading: string;
  readonly pipelineHeading: string;
  readonly forecastHeading: string;
  /** Open opportunities of one stage: count, amount, weighted amount (formatted). */
  stageTotal(count: number, amount: string, weighted: string): string;
  /** Weighted amount expected to close in a month (formatted). */
  forecastMonth(weighted: string, count: number): string;
  readonly topRisksHeading: string;
  readonly raisedHeading: string;
  readonly columnOwner: string;
  readonly columnStage: string;
  readonly columnMonth: string;
  /** Shown for accounts and actions that have no owner email. */
  readonly noOwner: string;
  ownerCounts(stale: number, risk: number, overdue: number): string;
  /** Revenue 12m (formatted) and owner of a flagged account. */
  revenueOwner(revenue: string, owner: string): string;
  raisedOnDay(date: string, owner: string): string;
  /** In place of the "raised" section when `history` has no snapshot from the last 7 days. */
  noHistory(historySheet: string): string;
  managerWhy(spreadsheetName: string, settingKey: string): string;

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
