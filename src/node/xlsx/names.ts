import type { DefinedNamesModel, Workbook } from 'exceljs';

/** The names the runner owns (`kam_accounts`, …), set by Set up workbook. */
const OURS = /^kam_/;

interface NameStore {
  /** Our names as range strings, kept out of ExcelJS's cell-by-cell matrices. */
  ranges: Map<string, string[]>;
}

const installed = new WeakMap<Workbook, NameStore>();

type ModelAccessor = { get(): DefinedNamesModel; set(value: DefinedNamesModel): void };

/**
 * ExcelJS keeps every defined name as one entry per cell it covers, so a 1000-row named range
 * over a 26-column table is 26,000 objects, built on every read and folded back on every write
 * (it tripled the time of a small refresh). Our names are plain range strings instead: the
 * `model` accessor of this workbook's DefinedNames keeps `kam_*` names aside as text on read and
 * adds them back on write; the user's own names go through ExcelJS unchanged. Install before
 * loading a file.
 */
export function lightNames(wb: Workbook): NameStore {
  let store = installed.get(wb);
  if (store) return store;
  const names = wb.definedNames;
  const proto = Object.getPrototypeOf(names) as object;
  const accessor = Object.getOwnPropertyDescriptor(proto, 'model') as PropertyDescriptor &
    ModelAccessor;
  const ranges = new Map<string, string[]>();
  store = { ranges };
  Object.defineProperty(names, 'model', {
    configurable: true,
    get(): DefinedNamesModel {
      const theirs = accessor.get.call(names).filter((n) => !ranges.has(n.name));
      return [...theirs, ...[...ranges].map(([name, r]) => ({ name, ranges: r }))];
    },
    set(value: DefinedNamesModel): void {
      const theirs: DefinedNamesModel = [];
      for (const n of value) {
        if (OURS.test(n.name)) ranges.set(n.name, [...n.ranges]);
        else theirs.push(n);
      }
      accessor.set.call(names, theirs);
    },
  });
  installed.set(wb, store);
  return store;
}

/** Points `name` at `range` (`'Accounts'!$A$1:$Z$1000`), replacing any earlier definition. */
export function setRangeName(wb: Workbook, name: string, range: string): void {
  const store = lightNames(wb);
  // A definition read before the accessor was installed lives in ExcelJS's matrices: drop it.
  const matrices = (wb.definedNames as unknown as { matrixMap?: Record<string, unknown> })
    .matrixMap;
  if (matrices) delete matrices[name];
  store.ranges.set(name, [range]);
}
