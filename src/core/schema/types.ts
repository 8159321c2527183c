import type { Bilingual } from '../i18n/locale';

/** Keys of every sheet of the workbook (docs/workbook.md). Stable identifiers. */
export type SheetKey =
  | 'accounts'
  | 'contacts'
  | 'transactions'
  | 'interactions'
  | 'actions'
  | 'plans'
  | 'opportunities'
  | 'settings'
  | 'summary'
  | 'history'
  | 'monthly'
  | 'pipeline'
  | 'groups'
  | 'products'
  | 'data_issues'
  | 'reminder_log'
  | 'change_log'
  | 'dashboard';

export type ColumnType =
  'text' | 'email' | 'enum' | 'number' | 'integer' | 'date' | 'datetime' | 'boolean' | 'yesno';

/** One value of an enum column: a stable code and its labels; any of the three is accepted. */
export interface EnumOption extends Bilingual {
  readonly code: string;
}

/** Who writes a column: people only, or the script only (docs/workbook.md). */
export type ColumnOwner = 'user' | 'script';

export interface ColumnDef extends Bilingual {
  readonly key: string;
  readonly type: ColumnType;
  readonly owner: ColumnOwner;
  readonly required?: boolean;
  readonly options?: readonly EnumOption[];
  /** Inclusive numeric bounds, for validation and parsing. */
  readonly min?: number;
  readonly max?: number;
  /** Script columns written by the refresh; `false` for the edit stamps written by onEdit. */
  readonly refreshed?: boolean;
  /** A short help text shown on the header (note) and in the validation message. */
  readonly help?: Bilingual;
  /** Other names teams use for this column (matched after the key, English and Chinese names). */
  readonly aliases?: readonly string[];
  /**
   * Headers read as this column only when none of the sheet's headers is it: the account's
   * name standing in for its ID, in the sheets of a team that keys its customers by name.
   */
  readonly fallback?: readonly string[];
}

/**
 * `user` sheets hold people's data; `script` sheets are written whole by the script;
 * `log` sheets are append-only script sheets; `dashboard` holds charts.
 */
export type SheetKind = 'user' | 'settings' | 'script' | 'log' | 'dashboard';

export interface SheetDef extends Bilingual {
  readonly key: SheetKey;
  readonly kind: SheetKind;
  readonly columns: readonly ColumnDef[];
  /** Looker sheets keep snake_case keys as headers in every language (docs/looker.md). */
  readonly keyHeaders?: boolean;
  /** Other names teams use for this sheet. */
  readonly aliases?: readonly string[];
}
