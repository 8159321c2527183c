import { handleEdit, handleFillIds, handleSetup } from '../../src/gas/handlers';
import { columnLetter } from '../../src/core/schema/match';
import { fixSystemTime } from '../support/clock';
import { installGas } from './seed';

const NOW = new Date(Date.UTC(2026, 10, 23, 2, 30)); // 10:30 in Shanghai

function setup() {
  const gas = installGas({
    locale: 'en_US',
    now: () => new Date(NOW),
    activeUser: 'li@example.com',
    // An editor in the script owner's Workspace domain: Google shows a simple trigger who it is.
    revealUserToSimpleTriggers: true,
  });
  handleSetup();
  const header = gas.control.sheetValues('Accounts')[0] as string[];
  const col = (h: string) => header.indexOf(h) + 1;
  gas.control
    .sheet('Accounts')
    .getRange(2, 1, 2, 2)
    .setValues([
      ['A1', 'Acme'],
      ['A2', 'Beta'],
    ]);
  gas.control.resetCalls();
  return { gas, header, col };
}

const DATA_CALLS = [
  'Range.getValues',
  'Range.setValues',
  'Range.getValue',
  'Range.setValue',
  'Sheet.appendRow',
];

describe('onEdit: edit stamps and change log', () => {
  fixSystemTime(() => NOW, 'all');

  it('stamps the row and logs a tier change with old and new value', () => {
    const { gas, header, col } = setup();
    const tier = col('Tier');
    const a1 = `${String.fromCharCode(64 + tier)}2`;
    handleEdit(gas.control.editEvent('Accounts', a1, 'Key', 'Strategic'));
    const row = gas.control.sheetValues('Accounts')[1];
    expect((row[col('Updated At') - 1] as Date).toISOString()).toBe(NOW.toISOString());
    expect(row[col('Updated By') - 1]).toBe('li@example.com');
    const log = gas.control.sheetValues('Change Log');
    expect(log).toHaveLength(2);
    expect(log[1].slice(1)).toEqual(['li@example.com', 'Accounts', a1, 'Tier', 'Key', 'Strategic']);
    expect(header).toContain('Tier');
  });

  it('makes one read and at most two writes, whatever the size of the sheet', () => {
    const { gas, col } = setup();
    gas.control.resetCalls();
    handleEdit(
      gas.control.editEvent('Accounts', `${columnLetter(col('Status') - 1)}3`, '', 'Lost'),
    );
    const data = DATA_CALLS.reduce((n, k) => n + (gas.control.calls[k] ?? 0), 0);
    expect(gas.control.calls['Range.getValues']).toBe(1);
    expect(gas.control.calls['Range.setValues']).toBe(2);
    expect(data).toBe(3);
    gas.control.resetCalls();
    handleEdit(gas.control.editEvent('Accounts', 'B3', 'Beta', 'Beta Ltd'));
    expect(gas.control.calls['Range.setValues']).toBe(1); // stamp only: Account Name is not watched
    expect(gas.control.sheetValues('Change Log')).toHaveLength(2);
  });

  it('handles a multi-cell paste: every row stamped, every watched cell logged', () => {
    const { gas, col } = setup();
    const owner = col('Owner Email');
    const letter = String.fromCharCode(64 + owner);
    const next = String.fromCharCode(65 + owner);
    handleEdit(
      gas.control.editEvent('Accounts', `${letter}2:${next}3`, undefined, 'x@example.com'),
    );
    const rows = gas.control.sheetValues('Accounts').slice(1, 3);
    for (const r of rows) expect(r[col('Updated By') - 1]).toBe('li@example.com');
    const log = gas.control.sheetValues('Change Log').slice(1);
    // Owner Email is watched, Backup Owner Email (next column) is not; old values are unknown.
    expect(log.map((l) => [l[3], l[4], l[5], l[6]])).toEqual([
      [`${letter}2`, 'Owner Email', '', 'x@example.com'],
      [`${letter}3`, 'Owner Email', '', 'x@example.com'],
    ]);
  });

  it('ignores other sheets, the header row and the stamp columns themselves', () => {
    const { gas, col } = setup();
    handleEdit(gas.control.editEvent('Contacts', 'A2', undefined, 'A1'));
    handleEdit(gas.control.editEvent('Accounts', 'A1', 'Account ID', 'Account ID'));
    handleEdit(
      gas.control.editEvent('Accounts', `${columnLetter(col('Updated By') - 1)}2`, undefined, 'me'),
    );
    expect(gas.control.calls['Range.setValues'] ?? 0).toBe(0);
    expect(gas.control.sheetValues('Change Log')).toHaveLength(1);
  });

  it('never throws, even when the sheet fails', () => {
    const { gas } = setup();
    gas.control.failOn(
      'Range.setValues',
      1,
      new Error('Service Spreadsheets failed while accessing document'),
    );
    expect(() =>
      handleEdit(gas.control.editEvent('Accounts', 'B2', 'Acme', 'Acme 2')),
    ).not.toThrow();
    expect(gas.control.logs.some((l) => l.includes('onEdit: Service Spreadsheets failed'))).toBe(
      true,
    );
  });
});

describe('onEdit on a team sheet mapped in Column Map', () => {
  fixSystemTime(() => NOW, 'all');

  it('stamps the mapped sheet, reading Column Map once, and logs the mapped tier column', () => {
    const gas = installGas({
      locale: 'zh_CN',
      now: () => new Date(NOW),
      activeUser: 'li@example.com',
    });
    gas.control.setSheetValues('台账', [
      ['代码', '公司', '等级（KA）'],
      ['A1', 'Acme', '重点'],
    ]);
    gas.control.setSheetValues('列映射', [
      ['工作表', '表头', '对应', '备注'],
      ['台账', '', 'accounts', ''],
      ['台账', '代码', 'account_id', ''],
      ['台账', '等级（KA）', 'tier', ''],
    ]);
    handleSetup();
    const header = gas.control.sheetValues('台账')[0] as string[];
    expect(header.slice(0, 3)).toEqual(['代码', '公司', '等级（KA）']);
    expect(() => gas.control.sheet('客户')).toThrow(/no sheet named/);
    gas.control.resetCalls();
    handleEdit(gas.control.editEvent('台账', 'C2', '重点', '战略'));
    const row = gas.control.sheetValues('台账')[1];
    expect((row[header.indexOf('更新时间')] as Date).toISOString()).toBe(NOW.toISOString());
    expect(gas.control.calls['Range.getValues']).toBe(2);
    const log = gas.control.sheetValues('修改记录');
    expect(log[1].slice(2)).toEqual(['台账', 'C2', '等级（KA）', '重点', '战略']);
  });
});

describe('onEdit on a team sheet with a title block above its header', () => {
  fixSystemTime(() => NOW, 'all');

  function titled() {
    const gas = installGas({
      locale: 'en_US',
      now: () => new Date(NOW),
      activeUser: 'li@example.com',
      revealUserToSimpleTriggers: true,
    });
    gas.control.setSheetValues('Accounts', [
      ['Key accounts 2026', '', '', '', ''],
      ['', '', '', '', ''],
      ['Account ID', 'Account Name', 'Tier', 'Updated At', 'Updated By'],
      ['A1', 'Acme', 'Key', '', ''],
    ]);
    handleSetup();
    gas.control.resetCalls();
    return gas;
  }

  it('stamps and logs a row of the table, reading the top rows once', () => {
    const gas = titled();
    handleEdit(gas.control.editEvent('Accounts', 'C4', 'Key', 'Strategic'));
    const rows = gas.control.sheetValues('Accounts');
    expect((rows[3][3] as Date).toISOString()).toBe(NOW.toISOString());
    expect(rows[3][4]).toBe('li@example.com');
    expect(gas.control.calls['Range.getValues']).toBe(1);
    expect(gas.control.sheetValues('Change Log')[1].slice(2)).toEqual([
      'Accounts',
      'C4',
      'Tier',
      'Key',
      'Strategic',
    ]);
  });

  it('an edit of the title or the header row stamps nothing', () => {
    const gas = titled();
    handleEdit(gas.control.editEvent('Accounts', 'A1', 'Key accounts 2026', 'KA 2027'));
    handleEdit(gas.control.editEvent('Accounts', 'C3', 'Tier', 'Tier'));
    expect(gas.control.calls['Range.setValues'] ?? 0).toBe(0);
    expect(gas.control.sheetValues('Accounts')[2].slice(3, 5)).toEqual([
      'Updated At',
      'Updated By',
    ]);
  });
});

describe('Fill missing account IDs (menu)', () => {
  fixSystemTime(() => NOW, 'all');

  it('writes KA-0001… into blank IDs only, logs each, and a second run fills nothing', () => {
    const gas = installGas({
      locale: 'en_US',
      now: () => new Date(NOW),
      activeUser: 'li@example.com',
    });
    gas.control.setSheetValues('Accounts', [
      ['Account ID', 'Account Name', 'Notes'],
      ['', 'Acme', 'keep'],
      ['KA-0007', 'Beta', ''],
      ['', '', 'a note, no account'],
      ['', 'Gamma', ''],
    ]);
    handleFillIds();
    expect(gas.control.sheetValues('Accounts').map((r) => r[0])).toEqual([
      'Account ID',
      'KA-0008',
      'KA-0007',
      '',
      'KA-0009',
    ]);
    expect(gas.control.sheetValues('Accounts').map((r) => r[2])).toEqual([
      'Notes',
      'keep',
      '',
      'a note, no account',
      '',
    ]);
    const log = gas.control.sheetValues('Change Log');
    expect(log.slice(1).map((r) => r.slice(1))).toEqual([
      ['li@example.com', 'Accounts', 'A2', 'Account ID', '', 'KA-0008'],
      ['li@example.com', 'Accounts', 'A5', 'Account ID', '', 'KA-0009'],
    ]);
    handleFillIds();
    expect(gas.control.sheetValues('Change Log')).toHaveLength(3);
    const said = [
      ...gas.control.alerts.map((a) => a.prompt),
      ...gas.control.toasts.map((t) => t.msg),
    ];
    expect(said.filter((m) => /missing account IDs filled in/.test(m))).toEqual([
      '2 missing account IDs filled in (KA-0001…); each is logged in Change Log.',
      '0 missing account IDs filled in (KA-0001…); each is logged in Change Log.',
    ]);
  });
});
