import fc from 'fast-check';
import { IssueList } from '../../../src/core/issues/issue';
import { parseSettings } from '../../../src/core/parse/settings-sheet';
import { SETTING_DEFS } from '../../../src/core/settings/definitions';
import { applyWrites } from '../../../src/core/sidebar/forms';
import { planSettings, settingGroup, settingsView } from '../../../src/core/sidebar/settings-form';
import type { Grid } from '../../../src/core/values/cell';

/** A Settings sheet as people keep it: an alias, a bad value, a note column, the rate table below. */
const sheet = (): { name: string; values: Grid } => ({
  name: '设置',
  values: [
    ['设置项', '值', '说明', 'My note'],
    ['language', 'English', 'x', 'keep'],
    ['home_currency', 'cny', '', ''],
    ['stale_days_a', 'soon', '', ''],
    ['abc_cutoff_a', 0.8, '', ''],
    ['abc_cutoff_b', 0.95, '', ''],
    ['reminder_sender_name', 'KAM', '', ''],
    ['escalation_cc', '', '', ''],
    ['Stale Days A', 99, '', 'second row of a setting: ignored'],
    [],
    ['Currency', 'Rate to Home Currency'],
    ['USD', 7.1],
    ['EUR', 'n/a'],
  ],
});

describe('settingsView', () => {
  it('lists every setting with its cell as shown, marks absent and invalid ones, and the rates', () => {
    const v = settingsView(sheet(), 'en');
    expect(v.items.map((i) => i.key)).toEqual(SETTING_DEFS.map((d) => d.key));
    const item = (k: string) => v.items.find((i) => i.key === k)!;
    expect(item('language')).toMatchObject({
      value: 'English',
      present: true,
      invalid: false,
      group: 'general',
    });
    expect(item('language').options!.map((o) => o.code)).toEqual(['auto', 'en', 'zh-CN']);
    expect(item('stale_days_a')).toMatchObject({
      value: 'soon',
      invalid: true,
      defaultValue: '14',
      min: 1,
      max: 3650,
    });
    expect(item('warning_days')).toMatchObject({ present: false, value: '' });
    expect(v.rates).toEqual([
      { currency: 'USD', value: '7.1', invalid: false },
      { currency: 'EUR', value: 'n/a', invalid: true },
    ]);
    expect(v.homeCurrency).toBe('CNY');
    expect(settingsView(null, 'zh-CN')).toMatchObject({
      sheet: null,
      items: expect.any(Array),
      rates: [],
    });
    expect(settingGroup('health_weight_trend')).toBe('health');
    expect(settingGroup('reminder_hour')).toBe('reminders');
  });
});

describe('planSettings', () => {
  const values = (over: Record<string, string>) => ({
    values: {
      ...Object.fromEntries(settingsView(sheet(), 'en').items.map((i) => [i.key, i.value])),
      ...over,
    },
  });

  it('writes only the value cells of settings whose text changed', () => {
    const plan = planSettings(
      {
        ...values({
          stale_days_a: '21',
          reminder_sender_name: '=cmd',
          escalation_cc: ' Boss@Example.com ',
        }),
        rates: { USD: '7.2', EUR: 'n/a' },
      },
      sheet(),
      'en',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.writes).toEqual([
      { row: 4, col: 2, value: 21 },
      { row: 7, col: 2, value: '=cmd' },
      { row: 8, col: 2, value: 'boss@example.com' },
      { row: 12, col: 2, value: 7.2 },
    ]);
    expect(plan.changed).toEqual([
      'stale_days_a',
      'reminder_sender_name',
      'escalation_cc',
      'rate:USD',
    ]);
  });

  it('leaves an unchanged bad value alone, and an alias the refresh accepts (English) unchanged', () => {
    expect(planSettings(values({}), sheet(), 'en')).toEqual({
      ok: true,
      writes: [],
      errors: [],
      changed: [],
    });
  });

  it('rejects what parseSettings rejects, per field, and plans nothing', () => {
    const plan = planSettings(
      {
        ...values({
          stale_days_a: '0',
          home_currency: 'yuan',
          language: 'fr',
          escalation_cc: 'boss',
          reminder_sender_name: 'ok',
        }),
        rates: { USD: '0' },
      },
      sheet(),
      'zh-CN',
    );
    expect(plan.ok).toBe(false);
    expect(plan.writes).toEqual([]);
    expect(Object.fromEntries(plan.errors.map((e) => [e.field, e.message]))).toEqual({
      stale_days_a: '请输入 1 到 3650 之间的整数。',
      home_currency: '请填写三位字母的币种代码，例如 CNY。',
      language: '请填写 auto、en 或 zh-CN。',
      escalation_cc: '请填写一个邮箱地址，或留空。',
      'rate:USD': '汇率必须是大于 0 的数字。',
    });
  });

  it('checks the cut-off order on the values after the save', () => {
    expect(planSettings(values({ abc_cutoff_a: '0.97' }), sheet(), 'en').errors).toEqual([
      { field: 'abc_cutoff_a', message: 'abc_cutoff_a must not be above abc_cutoff_b.' },
    ]);
    expect(
      planSettings(values({ abc_cutoff_a: '0.97', abc_cutoff_b: '0.99' }), sheet(), 'en').ok,
    ).toBe(true);
  });

  it('ignores settings the sheet has no row for, and unknown keys', () => {
    expect(
      planSettings({ values: { warning_days: '5', nonsense: '1' } }, sheet(), 'en').writes,
    ).toEqual([]);
    expect(planSettings('junk', sheet(), 'en').writes).toEqual([]);
    expect(planSettings({}, null, 'en').errors[0].field).toBe('');
  });

  it('what it writes, parseSettings reads as the value entered, without an issue (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3650 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.string({ maxLength: 20 }),
        (days, cut, name) => {
          const grid = sheet();
          grid.values[1][1] = 'en'; // a valid language, so only the fields below can raise issues
          grid.values[3][1] = 14;
          const plan = planSettings(
            values({
              language: 'en',
              stale_days_a: String(days),
              abc_cutoff_a: String(cut),
              reminder_sender_name: name,
            }),
            grid,
            'en',
          );
          expect(plan.ok).toBe(true);
          const issues = new IssueList();
          const s = parseSettings(
            { name: grid.name, values: applyWrites(grid.values, plan.writes) },
            issues,
          );
          expect(issues.items.filter((i) => i.code !== 'invalid_rate')).toEqual([]);
          expect(s.staleDays.A).toBe(days);
          expect(s.abcCutoffA).toBe(cut);
          expect(s.reminderSenderName).toBe(
            name.trim() === '' ? 'Key Account Reminders' : name.trim(),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
