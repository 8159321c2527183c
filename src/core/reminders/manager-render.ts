import { formatDay } from '../calendar/day';
import { catalogue } from '../i18n/catalogue';
import { pick } from '../i18n/locale';
import { sheetDef } from '../schema/sheets';
import { safeHttpUrl } from '../text/escape';
import { formatMoney } from '../text/money';
import { OPPORTUNITY_STAGES, optionLabel } from '../schema/enums';
import type { ManagerDigest } from './manager';
import {
  renderPage,
  riskReasonText,
  type Out,
  type Page,
  type RenderOptions,
  type Row,
} from './render';

export interface RenderedManagerDigest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function managerPage(md: ManagerDigest, currency: string, opts: RenderOptions, out: Out): Page {
  const m = catalogue(opts.locale).email;
  const owner = (email: string): string =>
    email === '' ? out.msg(() => m.noOwner) : out.user(email);
  const reason = (r: Parameters<typeof riskReasonText>[0]): string =>
    out.msg(() => riskReasonText(r, m, opts.locale));
  const owners: Row[] = md.owners.map((o) => ({
    accountId: o.owner === '' ? m.noOwner : o.owner,
    accountName: '',
    detail: [out.msg(m.ownerCounts, o.staleAccounts, o.riskAccounts, o.overdueActions)],
    link: null,
  }));
  const top: Row[] = md.topAtRisk.map((a) => ({
    accountId: a.accountId,
    accountName: a.accountName,
    detail: [
      out.msg(m.revenueOwner, formatMoney(a.revenue12m, currency), owner(a.owner)),
      m.joinReasons(a.reasons.map(reason)),
    ],
    link: safeHttpUrl(a.link),
  }));
  const raised: Row[] = (md.raised ?? []).map((r) => ({
    accountId: r.accountId,
    accountName: r.accountName,
    detail: [reason(r.reason), out.msg(m.raisedOnDay, formatDay(r.raisedOn), owner(r.owner))],
    link: safeHttpUrl(r.link),
  }));
  const stages: Row[] = md.pipeline.map((t) => ({
    accountId: optionLabel(OPPORTUNITY_STAGES, t.stage, opts.locale),
    accountName: '',
    detail: [
      out.msg(
        m.stageTotal,
        t.count,
        formatMoney(t.amount, currency),
        formatMoney(t.weighted, currency),
      ),
    ],
    link: null,
  }));
  // The forecast only when there is a pipeline, so a team without opportunities sees no zeros.
  const forecast: Row[] =
    md.pipeline.length === 0
      ? []
      : md.forecast.map((f) => ({
          accountId: f.month,
          accountName: '',
          detail: [out.msg(m.forecastMonth, formatMoney(f.weighted, currency), f.count)],
          link: null,
        }));
  const intro = out.msg(m.managerIntro, md.week.label, out.user(opts.spreadsheetName));
  return {
    intro:
      md.raised === null
        ? `${intro} ${out.msg(m.noHistory, pick(sheetDef('history'), opts.locale))}`
        : intro,
    sections: [
      { kind: 'owners', title: m.ownersHeading, rows: owners, firstColumn: m.columnOwner },
      { kind: 'top_risks', title: m.topRisksHeading, rows: top },
      { kind: 'raised', title: m.raisedHeading, rows: raised },
      { kind: 'pipeline', title: m.pipelineHeading, rows: stages, firstColumn: m.columnStage },
      { kind: 'forecast', title: m.forecastHeading, rows: forecast, firstColumn: m.columnMonth },
    ],
    footer: [out.msg(m.managerWhy, out.user(opts.spreadsheetName), 'manager_emails')],
  };
}

/**
 * The weekly manager digest as an email, in the workbook language, within the same size budget
 * as the owner digests (render.ts).
 */
export function renderManagerDigest(
  md: ManagerDigest,
  currency: string,
  opts: RenderOptions,
): RenderedManagerDigest {
  const m = catalogue(opts.locale).email;
  const subject = m.managerSubject(md.totals, md.week.label, formatDay(opts.today));
  const r = renderPage(subject, (out) => managerPage(md, currency, opts, out), opts);
  return { subject, text: r.text, html: r.html };
}
