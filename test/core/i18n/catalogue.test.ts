import { catalogue, template, text, type MessageId } from '../../../src/core/i18n/catalogue';
import { LOCALES } from '../../../src/core/i18n/locale';

/** Every text id of the catalogue, `section.key`, from the English (reference) table. */
function ids(): MessageId[] {
  const en = catalogue('en');
  return Object.entries(en)
    .filter(([area]) => area !== 'email')
    .flatMap(([area, table]) => Object.keys(table).map((k) => `${area}.${k}` as MessageId));
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue (src/core/i18n/catalogue)', () => {
  it('has the same sections and keys in every language (the compiler checks it too)', () => {
    const shape = (locale: (typeof LOCALES)[number]) =>
      Object.entries(catalogue(locale)).map(([area, t]) => [area, Object.keys(t).sort()]);
    for (const locale of LOCALES) expect(shape(locale)).toEqual(shape('en'));
  });

  it('has a non-empty text for every id, with the same placeholders in every language', () => {
    expect(ids().length).toBeGreaterThan(300);
    for (const id of ids()) {
      const en = template(id, 'en');
      for (const locale of LOCALES) {
        const t = template(id, locale);
        expect({ id, empty: t.trim() === '' }).toEqual({ id, empty: false });
        expect({ id, placeholders: placeholders(t) }).toEqual({
          id,
          placeholders: placeholders(en),
        });
      }
    }
  });

  it('text() fills the placeholders; template() leaves them for the sidebars', () => {
    expect(text('cli.not_found', 'en', { file: 'a.xlsx' })).toBe('a.xlsx: no such file');
    expect(text('cli.not_found', 'zh-CN', { file: 'a.xlsx' })).toBe('a.xlsx：文件不存在');
    expect(template('ui.due_on', 'zh-CN')).toBe('{date} 到期');
    expect(text('ui.due_on', 'en')).toBe('Due ');
  });
});
