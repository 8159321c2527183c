import type { Bilingual } from '../i18n/locale';

/** Where a job runs: the Sheets add-on (menus) or the `kam` command line. */
export type Runner = 'sheets' | 'cli';

/**
 * How a message names the fix on each runner: a person at the command line cannot open a
 * Sheets menu, and a person in Sheets has no `kam`.
 */
export const FIX_HINTS: Readonly<Record<Runner, { setup: Bilingual; map: Bilingual }>> = {
  sheets: {
    setup: {
      en: 'Run Key Accounts → Set up workbook.',
      zh: '请运行 大客户管理 → 初始化工作簿。',
    },
    map: {
      en: 'Key Accounts → Map columns (or a row in the Column Map sheet).',
      zh: '大客户管理 → 映射列（或在「列映射」工作表中添加一行）。',
    },
  },
  cli: {
    setup: {
      en: 'Run `kam init BOOK.xlsx`.',
      zh: '请运行 `kam init 工作簿.xlsx`。',
    },
    map: {
      en: 'run `kam map BOOK.xlsx` (`--apply` writes the confident ones to Column Map).',
      zh: '运行 `kam map 工作簿.xlsx`（加 `--apply` 会把有把握的映射写入「列映射」）。',
    },
  },
};
