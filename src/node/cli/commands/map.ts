import { pick, type Locale } from '../../../core/i18n/locale';
import { applyMapping, planMapping, type MapRow } from '../../../core/jobs/map';
import type { Suggestion } from '../../../core/jobs/recognize';
import type { Candidate } from '../../../core/schema/suggest';
import { updateBook } from '../book';
import { bookLocale, type CommandContext } from '../context';
import { cliText } from '../messages';

function target(c: Candidate, locale: Locale): string {
  return `${c.key} (${pick(c, locale)})`;
}

function rowLine(r: MapRow, locale: Locale): string {
  const params = {
    sheet: r.sheet,
    header: r.header,
    target: target(r.candidate, locale),
    score: r.candidate.score.toFixed(2),
    why: cliText(`why_${r.candidate.why}`, locale),
  };
  return cliText(r.header === '' ? 'map_sheet' : 'map_header', locale, params);
}

function leftLine(s: Suggestion, locale: Locale): string {
  const what =
    s.header === null
      ? cliText('map_what_sheet', locale)
      : cliText('map_what_header', locale, { header: s.header });
  const choices = s.candidates
    .slice(0, 3)
    .map((c) => `${target(c, locale)} ${c.score.toFixed(2)}`)
    .join(cliText('list_separator', locale));
  return cliText('map_choices', locale, { sheet: s.sheet, what, choices });
}

/**
 * `kam map BOOK.xlsx [--apply]`: lists every sheet and header of the team's workbook that is not
 * recognised, with ranked suggestions; `--apply` appends each suggestion that has a single
 * confident candidate to the Column Map sheet (creating it) and lists what is left. Only Column
 * Map is ever written; without `--apply` the file is only read.
 */
export async function mapCommand(
  file: string,
  opts: { apply: boolean },
  ctx: CommandContext,
): Promise<number> {
  const lines = await updateBook(file, ctx.lang, ctx.progress, async (book) => {
    const locale = bookLocale(book);
    const plan = planMapping(book.store);
    const out = [
      ...plan.rows.map((r) => rowLine(r, locale)),
      ...plan.left.map((s) => leftLine(s, locale)),
    ];
    if (plan.rows.length === 0 && plan.left.length === 0)
      return { save: false, result: [cliText('map_nothing', locale, { file })] };
    const counts = { file, sure: plan.rows.length, left: plan.left.length };
    if (!opts.apply || plan.rows.length === 0)
      return { save: false, result: [...out, cliText('map_plan', locale, counts)] };
    const sheet = applyMapping(book.store, plan.rows, locale, cliText('map_note', locale));
    return { save: true, result: [...out, cliText('map_applied', locale, { ...counts, sheet })] };
  });
  lines.forEach(ctx.out);
  return 0;
}
