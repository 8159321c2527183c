/**
 * `kam refresh` on the xlsx gallery (test/support/xlsx-gallery.ts): workbooks with charts, a
 * pivot table, images, notes, tables, names, 1904 dates, inline strings… each refreshed by the
 * real CLI and compared with what it was, zip part by zip part. kam may rewrite only the parts it
 * owns; every other part must come back byte for byte, and inside the user sheets it rewrites
 * (those with script columns) every user cell and every element it has no business with too.
 *
 * LibreOffice is the independent judge that each fixture is a valid workbook before kam touches
 * it and after: one headless run per phase over all files (a run costs seconds of start-up).
 * Without /usr/bin/soffice (or KAM_SOFFICE) those checks are skipped with one message.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeName } from '../../src/core/schema/normalize';
import { SHEETS } from '../../src/core/schema/sheets';
import {
  buildGallery,
  corruptWorksheet,
  CSV_FILTER,
  GALLERY_NAMES,
  libreOfficeFixture,
  soffice,
  type Fixture,
} from '../support/xlsx-gallery';
import {
  attr,
  cells,
  cellText,
  child,
  children,
  contentType,
  parseRef,
  parseSqref,
  relationships,
  relsPartOf,
  rootElement,
  sharedStrings,
  sheetEntries,
  text,
  unzipParts,
  type Parts,
} from '../support/xlsx-parts';
import { demoBook, ensureBuilt, kam, tempDir, type KamRun } from './helpers';

const SOFFICE = process.env.KAM_SOFFICE ?? '/usr/bin/soffice';
const HAVE_SOFFICE = existsSync(SOFFICE);
const itWithSoffice = HAVE_SOFFICE ? it : it.skip;
if (!HAVE_SOFFICE)
  process.stderr.write(
    `LibreOffice not found at ${SOFFICE}: the xlsx gallery's LibreOffice checks are skipped ` +
      '(Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui, or set KAM_SOFFICE).\n',
  );

/** Later than the demo's day, so a refresh that wrote nothing shows in Summary. */
const REFRESH_DAY = '2025-12-01';

/** Parts kam may rewrite whatever the workbook holds (the sheets it writes come on top). */
const OWNED_PARTS = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'docProps/app.xml',
];

/** Children of `<worksheet>` kam may rewrite in a user sheet; all others stay byte for byte. */
const REWRITABLE = new Set([
  'dimension',
  'sheetData',
  'cols',
  'sheetViews',
  'dataValidations',
  'conditionalFormatting',
]);

const namesOf = (defs: typeof SHEETS): Set<string> =>
  new Set(defs.flatMap((d) => [d.key, d.en, d.zh]).map(normalizeName));

/** kam's own sheets (Summary, History, …, Dashboard), in either language. */
const KAM_SHEETS = namesOf(SHEETS.filter((d) => ['script', 'log', 'dashboard'].includes(d.kind)));

/** User sheets with script columns (Accounts, Settings): kam rewrites their worksheet part. */
const SCRIPT_COLUMN_SHEETS = SHEETS.filter(
  (d) => ['user', 'settings'].includes(d.kind) && d.columns.some((c) => c.owner === 'script'),
);

/** Sheets whose LibreOffice CSV after the refresh must equal the plain fixture's. */
const COMPARED_KAM_SHEETS = ['Summary', 'Monthly'];

function scriptColumnDef(sheetName: string): (typeof SHEETS)[number] | undefined {
  return SCRIPT_COLUMN_SHEETS.find((d) => namesOf([d]).has(normalizeName(sheetName)));
}

/** The worksheet parts kam may rewrite in `before` → `after`, and the fixed ones. */
function ownedParts(before: Parts, after: Parts): Set<string> {
  const owned = new Set(OWNED_PARTS);
  for (const parts of [before, after])
    for (const s of sheetEntries(parts))
      if (KAM_SHEETS.has(normalizeName(s.name)) || scriptColumnDef(s.name)) owned.add(s.part);
  const worksheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  for (const name of after.keys())
    if (!before.has(name) && contentType(after, name) === worksheet) owned.add(name);
  return owned;
}

/** Every part reachable from the package's relationships, following them part to part. */
function reachable(parts: Parts): Set<string> {
  const seen = new Set<string>();
  const queue = [''];
  while (queue.length > 0) {
    const source = queue.pop() as string;
    for (const r of relationships(parts, source))
      if (r.part && parts.has(r.part) && !seen.has(r.part)) {
        seen.add(r.part);
        queue.push(r.part);
      }
  }
  return seen;
}

/** What changed that kam does not own, and what the rewrite broke in the package's wiring. */
function packageProblems(before: Parts, after: Parts): string[] {
  const problems: string[] = [];
  const owned = ownedParts(before, after);
  for (const [name, data] of before) {
    const next = after.get(name);
    if (!next) problems.push(`${name} is gone`);
    else if (!owned.has(name) && !data.equals(next)) problems.push(`${name} changed`);
  }
  for (const name of after.keys())
    if (!before.has(name) && !owned.has(name)) problems.push(`${name} is new`);
  for (const name of after.keys())
    if (name !== '[Content_Types].xml' && !contentType(after, name))
      problems.push(`${name} has no content type`);
  const wasReachable = reachable(before);
  const isReachable = reachable(after);
  for (const name of wasReachable)
    if (!isReachable.has(name)) problems.push(`${name} is no longer reachable by relationships`);
  for (const name of after.keys()) {
    if (!after.has(relsPartOf(name)) || !/\.(xml|vml)$/.test(name)) continue;
    const ids = new Set(relationships(after, name).map((r) => r.id));
    for (const m of text(after, name).matchAll(/\sr:(?:id|embed|link|pict)="([^"]*)"/g))
      if (!ids.has(m[1]))
        problems.push(`${name} refers to ${m[1]}, missing from its relationships`);
  }
  return problems;
}

const short = (xml: string | undefined): string =>
  xml === undefined ? '(none)' : xml.length > 140 ? `${xml.slice(0, 140)}…` : xml;

/** Columns (1-based) whose header in row 1 is a script column of the sheet's definition. */
function scriptColumns(
  sheetXml: string,
  shared: readonly string[],
  sheetName: string,
): Set<number> {
  const def = scriptColumnDef(sheetName);
  const names = new Set(
    (def?.columns ?? [])
      .filter((c) => c.owner === 'script')
      .flatMap((c) => [c.key, c.en, c.zh])
      .map(normalizeName),
  );
  const out = new Set<number>();
  for (const [ref, c] of cells(sheetXml)) {
    const { row, col } = parseRef(ref);
    const header = row === 1 ? cellText(c, shared) : null;
    if (header !== null && names.has(normalizeName(header))) out.add(col);
  }
  return out;
}

/** Cells of `rect`s not covered by the union of `cover` (both as parsed sqrefs). */
function uncovered(
  rects: ReturnType<typeof parseSqref>,
  cover: ReturnType<typeof parseSqref>,
): boolean {
  for (const r of rects)
    for (let row = r.top; row <= r.bottom; row++) {
      const spans = cover
        .filter((c) => c.top <= row && row <= c.bottom)
        .sort((a, b) => a.left - b.left);
      let next = r.left;
      for (const s of spans) if (s.left <= next && s.right >= next) next = s.right + 1;
      if (next <= r.right) return true;
    }
  return false;
}

/** dxf index → the dxf element, so a rule that points at a renumbered dxf still compares. */
function dxfs(parts: Parts): string[] {
  const styles = parts.has('xl/styles.xml') ? text(parts, 'xl/styles.xml') : '';
  return children(child(styles, 'dxfs')?.xml ?? '').map((d) => d.xml);
}

function ruleKey(rule: string, dxf: readonly string[]): string {
  return rule
    .replace(/\spriority="\d+"/, '')
    .replace(/\sdxfId="(\d+)"/, (_, n: string) => ` dxf="${dxf[Number(n)] ?? n}"`);
}

/** The validations and conditional formats of `before` that `after` no longer applies. */
function rulesLost(sheet: string, b: string, a: string, before: Parts, after: Parts): string[] {
  const problems: string[] = [];
  const dvs = (xml: string): { key: string; sqref: string }[] =>
    children(child(xml, 'dataValidations')?.xml ?? '<x/>').map((dv) => ({
      key: dv.xml.replace(/\ssqref="[^"]*"/, ''),
      sqref: attr(dv.open, 'sqref') ?? '',
    }));
  const afterDvs = dvs(a);
  for (const dv of dvs(b)) {
    const cover = afterDvs.filter((x) => x.key === dv.key).flatMap((x) => parseSqref(x.sqref));
    if (uncovered(parseSqref(dv.sqref), cover))
      problems.push(`${sheet}: data validation on ${dv.sqref} lost: ${short(dv.key)}`);
  }
  const cfs = (xml: string, dxf: readonly string[]): { key: string; sqref: string }[] =>
    children(xml)
      .filter((c) => c.name === 'conditionalFormatting')
      .flatMap((cf) =>
        children(cf.xml).map((rule) => ({
          key: ruleKey(rule.xml, dxf),
          sqref: attr(cf.open, 'sqref') ?? '',
        })),
      );
  const afterCfs = cfs(a, dxfs(after));
  for (const cf of cfs(b, dxfs(before))) {
    const cover = afterCfs.filter((x) => x.key === cf.key).flatMap((x) => parseSqref(x.sqref));
    if (uncovered(parseSqref(cf.sqref), cover))
      problems.push(`${sheet}: conditional format on ${cf.sqref} lost: ${short(cf.key)}`);
  }
  return problems;
}

/** Inside each user sheet kam rewrote: user cells, other elements, namespaces, rules. */
function userSheetProblems(before: Parts, after: Parts): string[] {
  const problems: string[] = [];
  const sharedBefore = sharedStrings(before);
  const afterParts = new Map(sheetEntries(after).map((s) => [s.name, s.part]));
  for (const { name, part } of sheetEntries(before)) {
    if (!scriptColumnDef(name)) continue;
    const afterPart = afterParts.get(name);
    if (!afterPart || !after.has(afterPart)) {
      problems.push(`sheet ${name} is gone`);
      continue;
    }
    const b = text(before, part);
    const a = text(after, afterPart);
    const script = scriptColumns(b, sharedBefore, name);
    const cb = cells(b);
    const ca = cells(a);
    for (const ref of new Set([...cb.keys(), ...ca.keys()])) {
      if (script.has(parseRef(ref).col)) continue;
      const x = cb.get(ref)?.xml;
      const y = ca.get(ref)?.xml;
      if (x !== y) problems.push(`${name}!${ref}: ${short(x)} became ${short(y)}`);
    }
    const kept = (xml: string): string[] =>
      children(xml)
        .filter((c) => !REWRITABLE.has(c.name))
        .map((c) => c.xml);
    const keptBefore = kept(b);
    const keptAfter = kept(a);
    const lost = keptBefore.filter((el) => !keptAfter.includes(el));
    const added = keptAfter.filter((el) => !keptBefore.includes(el));
    for (const el of lost) problems.push(`${name}: ${short(el)} changed or gone`);
    for (const el of added) problems.push(`${name}: ${short(el)} is new`);
    if (lost.length + added.length === 0 && keptBefore.join('') !== keptAfter.join(''))
      problems.push(`${name}: elements reordered`);
    const decls = (xml: string): string[] =>
      rootElement(xml).open.match(/\sxmlns(?::[\w.-]+)?="[^"]*"/g) ?? [];
    const declared = new Set(decls(a));
    for (const d of decls(b))
      if (!declared.has(d)) problems.push(`${name}: namespace ${d.trim()} dropped`);
    problems.push(...rulesLost(name, b, a, before, after));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

interface Result {
  readonly fixture: Fixture;
  readonly run: KamRun;
  readonly before: Parts;
  readonly after: Parts;
}

let tmp: { dir: string; cleanup: () => void };
let basePath = '';
const results = new Map<string, Result>();
const dirs = { before: '', after: '', csvBefore: '', csvAfter: '' };

/** Runs `task` over `items`, `width` at a time (the machine has two cores; soffice uses one). */
async function pool<T>(items: readonly T[], width: number, task: (x: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await task(x);
    }),
  );
}

function csv(dir: string, fixture: string, sheet: string): string | null {
  const path = join(dir, `${fixture}-${sheet}.csv`);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir();
  for (const d of Object.keys(dirs) as (keyof typeof dirs)[]) {
    dirs[d] = join(tmp.dir, d);
    mkdirSync(dirs[d]);
  }
  const profile = join(tmp.dir, 'soffice-profile');
  basePath = await demoBook(tmp.dir, 4);
  const base = readFileSync(basePath);
  const [gallery, exported] = await Promise.all([
    buildGallery(base),
    HAVE_SOFFICE ? libreOfficeFixture(SOFFICE, profile, basePath, tmp.dir) : null,
  ]);
  const fixtures = exported ? [...gallery, exported] : gallery;
  const file = (dir: string, f: Fixture): string => join(dir, `${f.name}.xlsx`);
  for (const f of fixtures) {
    writeFileSync(file(dirs.before, f), f.bytes);
    writeFileSync(file(dirs.after, f), f.bytes);
  }
  // LibreOffice reads the untouched copies while kam refreshes the others.
  const convert = (dir: string, out: string) =>
    soffice(SOFFICE, profile, [
      '--convert-to',
      CSV_FILTER,
      '--outdir',
      out,
      ...fixtures.map((f) => file(dir, f)),
    ]);
  await Promise.all([
    HAVE_SOFFICE ? convert(dirs.before, dirs.csvBefore) : null,
    pool(fixtures, 2, async (f) => {
      const run = await kam(['refresh', `${f.name}.xlsx`, '--today', REFRESH_DAY], dirs.after);
      const [before, after] = await Promise.all([
        unzipParts(f.bytes),
        unzipParts(readFileSync(file(dirs.after, f))),
      ]);
      results.set(f.name, { fixture: f, run, before, after });
    }),
  ]);
  if (HAVE_SOFFICE) await convert(dirs.after, dirs.csvAfter);
}, 240_000);

afterAll(() => tmp?.cleanup());

function result(name: string): Result {
  const r = results.get(name);
  if (!r) throw new Error(`fixture ${name} was not built`);
  return r;
}

/** The refresh must have succeeded before its output is worth comparing. */
function refreshed(name: string): Result {
  const r = result(name);
  // A plain throw: the failure then reads as kam's own one-line message.
  if (r.run.code !== 0)
    throw new Error(`kam refresh ${name}.xlsx exited ${r.run.code}: ${r.run.stderr.trim()}`);
  return r;
}

const NAMES = HAVE_SOFFICE ? [...GALLERY_NAMES, 'libreoffice'] : GALLERY_NAMES;

describe.each(NAMES)('%s', (name) => {
  itWithSoffice('is a valid workbook: LibreOffice reads every sheet as the plain one', () => {
    const { fixture, before } = result(name);
    for (const { name: sheet } of sheetEntries(before)) {
      const got = csv(dirs.csvBefore, name, sheet);
      expect({ sheet, converted: got !== null }).toEqual({ sheet, converted: true });
      const plain = csv(dirs.csvBefore, 'plain', sheet);
      if (plain !== null && !fixture.differs.includes(sheet))
        expect({ sheet, got }).toEqual({ sheet, got: plain });
    }
    for (const { sheet, line } of fixture.shows)
      expect(csv(dirs.csvBefore, name, sheet)?.split('\n')).toContain(line);
  });

  it('kam refresh exits 0', () => {
    refreshed(name);
  });

  it('changes no zip part kam does not own, and keeps the package wired', () => {
    const { before, after } = refreshed(name);
    expect(packageProblems(before, after)).toEqual([]);
  });

  it('keeps user cells, sheet elements and rules in the user sheets it rewrites', () => {
    const { fixture, before, after } = refreshed(name);
    expect(userSheetProblems(before, after)).toEqual([]);
    expect(fixture.keeps.filter((k) => !k.holds(after)).map((k) => k.what)).toEqual([]);
  });

  itWithSoffice("opens in LibreOffice afterwards, with the plain fixture's results", () => {
    const { after } = refreshed(name);
    for (const { name: sheet } of sheetEntries(after))
      expect({ sheet, converted: csv(dirs.csvAfter, name, sheet) !== null }).toEqual({
        sheet,
        converted: true,
      });
    expect(csv(dirs.csvAfter, name, 'Summary')).toContain(REFRESH_DAY);
    for (const sheet of COMPARED_KAM_SHEETS)
      expect({ sheet, got: csv(dirs.csvAfter, name, sheet) }).toEqual({
        sheet,
        got: csv(dirs.csvAfter, 'plain', sheet),
      });
  });
});

/**
 * The checks themselves, on a refresh simulated in memory: one that touches only what kam owns
 * passes them, so a failure above is the writer's; each kind of damage is caught.
 */
describe('the part-by-part checks', () => {
  const edit = (parts: Parts, name: string, change: (xml: string) => string): void => {
    const next = change(text(parts, name));
    expect(next).not.toBe(text(parts, name));
    parts.set(name, Buffer.from(next, 'utf8'));
  };
  const accounts = (parts: Parts): string =>
    sheetEntries(parts).find((s) => s.name === 'Accounts')?.part ?? '';
  const summary = (parts: Parts): string =>
    sheetEntries(parts).find((s) => s.name === 'Summary')?.part ?? '';

  /** What a correct writer may do: script cells, kam's sheets, the workbook part. */
  function ideal(before: Parts): Parts {
    const after = new Map(before);
    edit(after, accounts(after), (xml) =>
      xml
        .replace(/<c r="O2"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="O2" s="1"><v>46000</v></c>')
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:AD9"/>'),
    );
    edit(after, summary(after), (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'),
    );
    edit(after, 'xl/workbook.xml', (xml) => xml.replace('<sheets>', '<sheets >'));
    return after;
  }

  it.each(NAMES)('pass a refresh of %s that rewrites only what kam owns', (name) => {
    const { fixture, before } = result(name);
    const after = ideal(before);
    expect(packageProblems(before, after)).toEqual([]);
    expect(userSheetProblems(before, after)).toEqual([]);
    expect(fixture.keeps.filter((k) => !k.holds(after)).map((k) => k.what)).toEqual([]);
  });

  it('catch a user cell, a dropped drawing, a changed chart and an orphaned part', () => {
    const { before } = result('bar-chart');
    const after = ideal(before);
    edit(after, accounts(after), (xml) =>
      xml
        .replace(/<c r="B2"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="B2"/>')
        .replace(/<drawing [^>]*\/>/, ''),
    );
    edit(after, 'xl/charts/chart1.xml', (xml) => xml.replace('val="col"', 'val="bar"'));
    edit(after, 'xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace(/<Relationship\b[^>]*\/sharedStrings"[^>]*\/>/, ''),
    );
    expect(packageProblems(before, after)).toEqual([
      'xl/charts/chart1.xml changed',
      'xl/sharedStrings.xml is no longer reachable by relationships',
    ]);
    const problems = userSheetProblems(before, after);
    expect(problems).toContainEqual(expect.stringMatching(/^Accounts!B2: /));
    expect(problems).toContain('Accounts: <drawing r:id="rId1"/> changed or gone');
  });

  it('catch a data validation or conditional format that no longer covers its range', () => {
    const { before } = result('plain');
    const after = new Map(before);
    edit(after, accounts(after), (xml) =>
      xml
        .replace('sqref="G2:G1000"', 'sqref="G2:G999"')
        .replace('sqref="R2:R1000"', 'sqref="R3:R1000"'),
    );
    expect(userSheetProblems(before, after)).toEqual([
      expect.stringMatching(/^Accounts: data validation on G2:G1000 lost/),
      expect.stringMatching(/^Accounts: conditional format on R2:R1000 lost/),
    ]);
  });
});

describe('a workbook kam cannot write or read', () => {
  it('read-only (chmod 444): exit 2 naming the file, bytes and mode unchanged', async () => {
    const dir = join(tmp.dir, 'read-only');
    mkdirSync(dir);
    const path = join(dir, 'locked.xlsx');
    copyFileSync(basePath, path);
    chmodSync(path, 0o444);
    const bytes = readFileSync(path);
    const run = await kam(['refresh', 'locked.xlsx', '--today', REFRESH_DAY], dir);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('locked.xlsx'),
    });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect((statSync(path).mode & 0o777).toString(8)).toBe('444');
  });

  it('a worksheet part that is not well-formed XML: exit 2, naming the part', async () => {
    const dir = join(tmp.dir, 'corrupt');
    mkdirSync(dir);
    const { bytes, part } = await corruptWorksheet(readFileSync(basePath));
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, bytes);
    const run = await kam(['refresh', 'broken.xlsx', '--today', REFRESH_DAY], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(part);
    expect(run.stderr).not.toMatch(/damaged/i);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
