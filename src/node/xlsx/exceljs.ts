import type * as ExcelJS from 'exceljs';

type ExcelModule = Pick<typeof ExcelJS, 'Workbook' | 'ValueType'>;

/**
 * ExcelJS's entry point also loads its streaming reader and writer (unzipper, archiver), which
 * the runner never uses: about 170 ms at every start of `kam`. The in-memory Workbook and the
 * enums are loaded directly instead (exceljs is pinned; the package has no `exports` map), with
 * the full entry point as the fallback should a future version move them.
 */
function load(): ExcelModule {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
    const enums = require('exceljs/lib/doc/enums') as { ValueType: typeof ExcelJS.ValueType };
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (typeof Workbook === 'function' && enums.ValueType)
      return { Workbook, ValueType: enums.ValueType };
  } catch {
    // fall through to the public entry point
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as ExcelModule;
}

const excel = load();

export const Workbook = excel.Workbook;
export type Workbook = ExcelJS.Workbook;
export const ValueType = excel.ValueType;
