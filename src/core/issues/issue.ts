import { text, type AreaKey } from '../i18n/catalogue';
import { pick, type Bilingual, type Locale } from '../i18n/locale';
import { fixHint, type Runner } from './hints';

/** What is wrong: the key of the issue's text in section `issue` of the catalogue. */
export type IssueCode = AreaKey<'issue'>;

export type Severity = 'error' | 'warning';

/**
 * One row of `data_issues` (docs/workbook.md): where, what value, what is wrong. `sheet` and `column`
 * are the names as the user wrote them; `row` is the sheet row number (null for a whole sheet).
 */
export interface DataIssue {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string;
  readonly value: string;
  readonly code: IssueCode;
  /** Parameters of the text; a `Bilingual` one is shown in the reader's language. */
  readonly params?: Readonly<Record<string, string | number | Bilingual>>;
  readonly severity: Severity;
}

/**
 * `runner` picks how a text names the fix: the Sheets menu, or the `kam` command. The fix
 * (`{setup}`, `{map}`) is filled in when the text is shown, so one issue reads right on either.
 */
export function issueText(issue: DataIssue, locale: Locale, runner: Runner = 'sheets'): string {
  const params: Record<string, string | number> = {
    setup: fixHint(runner, 'setup', locale),
    map: fixHint(runner, 'map', locale),
  };
  for (const [k, p] of Object.entries(issue.params ?? {}))
    if (p !== undefined) params[k] = typeof p === 'object' ? pick(p, locale) : p;
  return text(`issue.${issue.code}`, locale, params);
}

/** Collects issues, reporting each (sheet, row, column, code) once. */
export class IssueList {
  private readonly seen = new Set<string>();
  readonly items: DataIssue[] = [];

  add(issue: DataIssue): void {
    const key = `${issue.sheet}\u0000${issue.row}\u0000${issue.column}\u0000${issue.code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(issue);
  }

  get errorCount(): number {
    return this.items.filter((i) => i.severity === 'error').length;
  }
}
