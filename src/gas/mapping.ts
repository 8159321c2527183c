import type { Locale } from '../core/i18n/locale';
import { mappingItems, saveMapping, type MappingItem } from '../core/jobs/map';
import { uiLabels, uiText, type UiKey } from '../core/sidebar/texts';
import { gasContext } from './context';
import { localeOf } from './locale';
import { failed, guarded, HTML_FILES, locked, ok, page, type Reply } from './sidebar';

/** The Map columns dialog's size. */
export const MAP_SIZE = { width: 760, height: 560 } as const;

const LABEL_KEYS: readonly UiKey[] = [
  'map_title',
  'map_intro',
  'map_col_sheet',
  'map_col_header',
  'map_col_maps_to',
  'map_whole_sheet',
  'map_skip',
  'map_ignore',
  'map_save',
  'map_nothing',
];

export interface MappingView {
  readonly labels: Record<string, string>;
  readonly items: readonly MappingItem[];
}

function view(locale: Locale, items: readonly MappingItem[]): MappingView {
  return { labels: uiLabels(LABEL_KEYS, locale), items };
}

/** Menu: Map columns / 映射列. */
export function openMapColumns(): void {
  const ctx = gasContext(true);
  let locale: Locale;
  try {
    locale = localeOf(ctx);
  } catch {
    locale = 'en';
  }
  const html = page(HTML_FILES.mapColumns, locale)
    .setWidth(MAP_SIZE.width)
    .setHeight(MAP_SIZE.height);
  SpreadsheetApp.getUi().showModalDialog(html, uiText('map_title', locale));
}

/** Every unrecognised sheet and header, with its suggestions (reads only). */
export function mapData(): Reply<MappingView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => {
    const locale = localeOf(ctx);
    return ok(view(locale, mappingItems(ctx.store, locale)));
  });
}

/** Appends the chosen rows to Column Map (creating it), under the document lock. */
export function saveMappingRows(input: unknown): Reply<MappingView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => {
    const locale = localeOf(ctx);
    const rows = (Array.isArray(input) ? input : []).map((r) => {
      const o = (r ?? {}) as Record<string, unknown>;
      const text = (v: unknown): string => (typeof v === 'string' ? v : '');
      return { sheet: text(o.sheet), header: text(o.header), mapsTo: text(o.maps_to) };
    });
    const result = locked(() => saveMapping(ctx.store, rows, locale, uiText('map_note', locale)));
    if (result.bad !== null)
      return failed(
        [{ field: '', message: uiText('map_bad', locale, { row: result.bad }) }],
        locale,
      );
    return ok(
      view(locale, mappingItems(ctx.store, locale)),
      uiText('map_saved', locale, { count: result.saved }),
    );
  });
}
