import { workbookLocale } from '../../../src/core/i18n/workbook-locale';
import { readWorkbook, workbookLanguage } from '../../../src/core/jobs/read';
import { memoryStore, TODAY } from '../sidebar/fixtures';

/** The one rule for the workbook language (src/core/i18n/workbook-locale.ts), input by input. */
describe('workbookLocale', () => {
  it('follows the spreadsheet locale when no language is set: every zh locale is Chinese', () => {
    for (const locale of ['zh_CN', 'zh_TW', 'zh_HK', 'zh', 'zh-Hans', ' ZH_cn '])
      expect(workbookLocale({ spreadsheetLocale: locale })).toBe('zh-CN');
    for (const locale of ['en_US', 'en_GB', 'de_DE', 'ja_JP', 'zhx', '', 'C'])
      expect(workbookLocale({ spreadsheetLocale: locale })).toBe('en');
  });

  it('auto, blank, null or a value naming no language leave it to the spreadsheet locale', () => {
    for (const setting of ['auto', '', '  ', null, undefined, 'fr', 'chinese']) {
      expect(workbookLocale({ setting, spreadsheetLocale: 'zh_CN' })).toBe('zh-CN');
      expect(workbookLocale({ setting, spreadsheetLocale: 'en_US' })).toBe('en');
    }
  });

  it('a language setting wins over the spreadsheet locale, however it is written', () => {
    for (const setting of ['en', 'EN', ' en ', 'en-US', 'en_GB'])
      expect(workbookLocale({ setting, spreadsheetLocale: 'zh_CN' })).toBe('en');
    for (const setting of ['zh-CN', 'zh_CN', 'zh-cn', 'zh', '中文', '简体中文'])
      expect(workbookLocale({ setting, spreadsheetLocale: 'en_US' })).toBe('zh-CN');
  });

  it('an explicit language needs no spreadsheet locale (custom functions)', () => {
    expect(workbookLocale({ setting: 'zh-CN', spreadsheetLocale: '' })).toBe('zh-CN');
    expect(workbookLocale({ setting: 'auto', spreadsheetLocale: '' })).toBe('en');
  });
});

describe('workbookLanguage: the rule applied to a workbook', () => {
  const settings = (language: string) => ({
    Settings: [
      ['setting', 'value'],
      ['language', language],
    ],
    Accounts: [['Account ID', 'Account Name']],
  });

  it('reads the language setting from Settings (English and Chinese spellings)', () => {
    expect(workbookLanguage(memoryStore(settings('zh-CN'), 'en_US'))).toBe('zh-CN');
    expect(workbookLanguage(memoryStore(settings('中文'), 'en_US'))).toBe('zh-CN');
    expect(workbookLanguage(memoryStore(settings('English'), 'zh_CN'))).toBe('en');
    expect(workbookLanguage(memoryStore(settings('auto'), 'zh_TW'))).toBe('zh-CN');
  });

  it('without Settings, or with a value it cannot read, the spreadsheet locale decides', () => {
    expect(workbookLanguage(memoryStore({ Accounts: [['Account ID']] }, 'zh_CN'))).toBe('zh-CN');
    expect(workbookLanguage(memoryStore(settings('klingon'), 'zh_CN'))).toBe('zh-CN');
    expect(workbookLanguage(memoryStore(settings('klingon'), 'en_US'))).toBe('en');
  });

  it('gives the language a full read gives', () => {
    for (const [language, locale] of [
      ['auto', 'zh_CN'],
      ['en', 'zh_CN'],
      ['简体中文', 'en_US'],
    ]) {
      const store = memoryStore(settings(language), locale);
      expect(workbookLanguage(store)).toBe(readWorkbook(store, TODAY).locale);
    }
  });
});
