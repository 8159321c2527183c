import { isBlank, isDateCell, type CellValue } from '../values/cell';
import { readEmail } from '../values/parse';
import { normalizeName } from './normalize';
import type { ColumnDef, SheetDef } from './types';

/** Why a header or sheet is suggested, strongest first. */
export type Reason = 'alias' | 'variant' | 'headers' | 'spelling' | 'values';

export interface Candidate {
  /** Column key, or sheet key for a sheet. */
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  /** 0–1; `--apply` writes a suggestion only when exactly one candidate reaches CONFIDENT. */
  readonly score: number;
  readonly why: Reason;
}

export const CONFIDENT = 0.8;

/**
 * Traditional forms of the characters our names and aliases use, so a header typed on a
 * Traditional-Chinese system (`客戶編號`) is recognised as its Simplified twin.
 */
const TRADITIONAL =
  '編编號号戶户稱称業业區区負负責责郵邮電电話话額额銷销單单價价數数聯联職职務务資资幣币種种產产' +
  '計计劃划動动記记錄录間间時时開开結结備备註注級级狀状態态週周團团費费點点問问題题滿满訴诉進进' +
  '際际總总營营貨货賬账帳账條条碼码機机稅税細细門门類类別别標标簽签與与請请項项達达預预險险評评' +
  '導导屬属';
const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2)
  SIMPLIFIED.set(TRADITIONAL[i], TRADITIONAL[i + 1]);

/** Words that mean the same in headers, folded to the one our names use. */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/电子邮件地址|电子邮件|电子邮箱|电邮|邮件地址|邮件|e?mail(address)?/g, '邮箱'],
  [/号码/g, '号'],
  [/时间/g, '日期'],
  [/公司/g, '客户'],
];

/** A header's comparison form with Traditional characters and synonyms folded. */
export function foldVariants(text: string): string {
  // A unit or remark in brackets (`金额（元）`, `Amount (USD)`) does not change the column.
  const bare = text.normalize('NFKC').replace(/[([（【][^)\]）】]*[)\]）】]/g, '');
  let s = [...normalizeName(bare === '' ? text : bare)].map((c) => SIMPLIFIED.get(c) ?? c).join('');
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  return s;
}

function spellings(item: {
  key: string;
  en: string;
  zh: string;
  aliases?: readonly string[];
}): string[] {
  return [item.key, item.en, item.zh, ...(item.aliases ?? [])];
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j] + 1,
        cur[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** How alike a header is to one of a column's (or sheet's) spellings, 0 when not at all. */
function nameScore(header: string, item: Parameters<typeof spellings>[0]): Candidate['score'] {
  const folded = foldVariants(header);
  let best = 0;
  for (const s of spellings(item)) {
    const target = foldVariants(s);
    if (target === '') continue;
    if (target === folded) return 0.9;
    // A typo is likely only in a longer word: one slip in five letters, two in ten.
    const d = editDistance(folded, target, 2);
    const len = Math.max(folded.length, target.length);
    const cjk = /[\u4e00-\u9fff]/.test(target);
    if (d === 1 && len >= (cjk ? 3 : 5)) best = Math.max(best, cjk ? 0.7 : 0.8);
    else if (d === 2 && len >= (cjk ? 5 : 8)) best = Math.max(best, 0.6);
  }
  return best;
}

/** Whether a header is, by its folded name or a slip of spelling, one of `columns`. */
export function headerLooksLike(header: string, columns: readonly ColumnDef[]): boolean {
  return columns.some((c) => nameScore(header, c) >= CONFIDENT);
}

/** What the values under a header look like: mostly emails, or mostly dates. */
function valueKind(values: readonly CellValue[]): 'email' | 'date' | null {
  const filled = values.filter((v) => !isBlank(v)).slice(0, 50);
  if (filled.length < 2) return null;
  const share = (test: (v: CellValue) => boolean): number =>
    filled.filter(test).length / filled.length;
  if (share((v) => readEmail(v) !== undefined) >= 0.8) return 'email';
  if (share((v) => isDateCell(v) || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v))) >= 0.8)
    return 'date';
  return null;
}

/**
 * Ranked guesses for a header that is none of ours: the folded names and aliases (Traditional
 * characters, full-width forms, 电子邮件/邮箱/Email), then spelling, then what the column holds
 * (the first open email column for a column of emails, the first open date column for dates).
 * `open` are the columns still without a header; script columns are never offered, as a refresh
 * would write over what the team keeps there.
 */
export function suggestColumns(
  header: string,
  values: readonly CellValue[],
  open: readonly ColumnDef[],
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const offer = (c: ColumnDef, score: number, why: Reason): void => {
    const had = byKey.get(c.key);
    if (score > 0 && (!had || had.score < score))
      byKey.set(c.key, { key: c.key, en: c.en, zh: c.zh, score, why });
  };
  const user = open.filter((c) => c.owner === 'user');
  for (const c of user) {
    const s = nameScore(header, c);
    offer(c, s, s >= 0.9 ? 'variant' : 'spelling');
  }
  const kind = valueKind(values);
  if (kind !== null) {
    const typed = user.filter((c) => (kind === 'email' ? c.type === 'email' : c.type === 'date'));
    typed.forEach((c, i) => offer(c, i === 0 ? (kind === 'email' ? 0.75 : 0.6) : 0.5, 'values'));
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}

/**
 * Ranked guesses for a sheet that is none of ours: its folded name against our names and
 * aliases, and how many of its headers are columns of each sheet (two or more).
 */
export function suggestSheets(
  name: string,
  recognisedHeaders: ReadonlyMap<SheetDef, number>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [def, count] of recognisedHeaders) {
    const byName = nameScore(name, def);
    const byHeaders = count >= 2 ? Math.min(0.95, 0.6 + 0.1 * count) : 0;
    const score = Math.max(byName, byHeaders);
    if (score > 0)
      out.push({
        key: def.key,
        en: def.en,
        zh: def.zh,
        score,
        why: byHeaders >= byName ? 'headers' : byName >= 0.9 ? 'variant' : 'spelling',
      });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** How far ahead of the runner-up a confident candidate must be. */
const MARGIN = 0.1;

/**
 * The one candidate `--apply` may write: at or above CONFIDENT and clearly ahead of the next
 * (a sheet with a date, an account and an amount is more transactions than interactions).
 */
export function confidentCandidate(candidates: readonly Candidate[]): Candidate | null {
  const [top, next] = [...candidates].sort((a, b) => b.score - a.score);
  if (!top || top.score < CONFIDENT) return null;
  return next && next.score > top.score - MARGIN + 1e-9 ? null : top;
}
