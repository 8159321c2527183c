import { dayFromYmd, ymdFromDay, type Day } from '../calendar/day';
import type { KamModel, OpportunityRecord } from '../model/records';
import { daysInStage, isStalled, weighted } from '../rules/opportunities';
import { PIPELINE_COLUMNS } from '../schema/sheets';
import { dateCell, type CellValue, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;
const text = (s: string | null): string | null => (s === null || s === '' ? null : s);
const date = (d: Day | null): CellValue => (d === null ? null : dateCell(d));

/** The first day of a day's month: Looker groups `close_month` as a date. */
function monthOf(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, 1);
}

function pipelineValue(
  key: string,
  o: OpportunityRecord,
  accountName: string | undefined,
  accountOwner: string | null | undefined,
  model: KamModel,
  today: Day,
): CellValue {
  switch (key) {
    case 'snapshot_date':
      return dateCell(today);
    case 'opportunity_id':
      return o.id;
    case 'account_id':
      return o.accountId;
    case 'account_name':
      return text(accountName ?? null);
    case 'name':
      return text(o.name);
    case 'owner_email':
      // The row's own owner, else the account's: who the digests send it to.
      return text(o.ownerEmail ?? accountOwner ?? null);
    case 'stage':
      return o.stage;
    case 'amount':
      return o.amount === null ? null : round2(o.amount);
    case 'currency':
      return o.currency;
    case 'probability':
      return round2(o.probability);
    case 'expected_close_date':
      return date(o.expectedCloseDate);
    case 'stage_changed_date':
      return date(o.stageChangedDate);
    case 'closed_date':
      return date(o.closedDate);
    case 'lost_reason':
      return text(o.lostReason);
    case 'product':
      return text(o.product);
    case 'amount_home':
      return round2(o.amountHome);
    case 'weighted':
      return round2(weighted(o));
    case 'days_in_stage':
      return daysInStage(o, today);
    case 'is_stalled':
      return isStalled(o, model.settings, today);
    case 'close_month': {
      const close = o.closedDate ?? o.expectedCloseDate;
      return close === null ? null : dateCell(monthOf(close));
    }
    default:
      throw new Error(`No pipeline value for column ${key}`);
  }
}

/**
 * The body of `pipeline` (docs/looker.md): one row per opportunity the rules read (rows with an
 * unknown account, currency or a duplicate ID are data issues and left out), in sheet order, one
 * type per column: the stage as its code, amounts rounded to 2 decimals, dates as dates.
 * `close_month` is the first day of the closed month, or of the expected close while open.
 */
export function pipelineRows(model: KamModel, today: Day): Grid {
  const accounts = new Map(model.accounts.map((a) => [a.id, a]));
  return model.opportunities.map((o) => {
    const a = accounts.get(o.accountId);
    return PIPELINE_COLUMNS.map((c) =>
      pipelineValue(c.key, o, a?.name, a?.ownerEmail, model, today),
    );
  });
}
