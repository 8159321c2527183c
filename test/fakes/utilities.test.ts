import { createGas, formatDate, wallTimeToDate } from './index';

const { globals, control } = createGas();
const fmt = (iso: string, tz: string, pattern = 'yyyy-MM-dd HH:mm:ss Z') =>
  globals.Utilities.formatDate(new Date(iso), tz, pattern);

describe('Utilities.formatDate', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
  // "Formats date according to specification described in Java SE SimpleDateFormat class."
  // The reference's own example: formatDate(new Date(), 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'").
  it("formats the reference's example pattern in GMT", () => {
    expect(fmt('2024-07-04T05:06:07.089Z', 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe(
      '2024-07-04T05:06:07Z',
    );
  });

  it('follows America/Los_Angeles across both DST changes', () => {
    // Spring forward: 2024-03-10 02:00 PST -> 03:00 PDT.
    expect(fmt('2024-03-10T09:59:59Z', 'America/Los_Angeles')).toBe('2024-03-10 01:59:59 -0800');
    expect(fmt('2024-03-10T10:00:00Z', 'America/Los_Angeles')).toBe('2024-03-10 03:00:00 -0700');
    // Fall back: 01:30 happens twice on 2024-11-03.
    expect(fmt('2024-11-03T08:30:00Z', 'America/Los_Angeles')).toBe('2024-11-03 01:30:00 -0700');
    expect(fmt('2024-11-03T09:30:00Z', 'America/Los_Angeles')).toBe('2024-11-03 01:30:00 -0800');
  });

  it('follows Pacific/Auckland across both DST changes (southern hemisphere)', () => {
    // NZDT ends 2024-04-07 03:00 -> 02:00.
    expect(fmt('2024-04-06T13:59:59Z', 'Pacific/Auckland', 'yyyy-MM-dd HH:mm:ssXXX')).toBe(
      '2024-04-07 02:59:59+13:00',
    );
    expect(fmt('2024-04-06T14:00:00Z', 'Pacific/Auckland', 'yyyy-MM-dd HH:mm:ssXXX')).toBe(
      '2024-04-07 02:00:00+12:00',
    );
    // NZDT starts 2024-09-29 02:00 -> 03:00.
    expect(fmt('2024-09-28T13:59:59Z', 'Pacific/Auckland')).toBe('2024-09-29 01:59:59 +1200');
    expect(fmt('2024-09-28T14:00:00Z', 'Pacific/Auckland')).toBe('2024-09-29 03:00:00 +1300');
    // The calendar day differs from UTC's.
    expect(fmt('2024-12-31T12:00:00Z', 'Pacific/Auckland', 'yyyy-MM-dd EEE')).toBe(
      '2025-01-01 Wed',
    );
  });

  it('supports the SimpleDateFormat letters the project uses', () => {
    const d = '2024-02-29T23:04:05.007Z';
    expect(fmt(d, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2024-02-29 23:04:05.007');
    expect(fmt(d, 'UTC', 'EEE, d MMM yy h:mm a')).toBe('Thu, 29 Feb 24 11:04 PM');
    expect(fmt(d, 'UTC', 'EEEE MMMM')).toBe('Thursday February');
    expect(fmt(d, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-03-01T07:04:05+08:00');
    expect(fmt(d, 'UTC', 'XXX Z')).toBe('Z +0000');
    expect(fmt(d, 'UTC', "'It''s' yyyy")).toBe("It's 2024");
    expect(fmt(d, 'UTC', "''yyyy''")).toBe("'2024'");
  });

  it('accepts Java custom zone ids and falls back to GMT for unknown ids, as Java does', () => {
    expect(fmt('2024-01-01T00:00:00Z', 'GMT+08:00')).toBe('2024-01-01 08:00:00 +0800');
    expect(fmt('2024-01-01T00:00:00Z', 'GMT-5')).toBe('2023-12-31 19:00:00 -0500');
    expect(fmt('2024-01-01T00:00:00Z', 'Not/AZone')).toBe('2024-01-01 00:00:00 +0000');
  });

  it('rejects unknown pattern letters', () => {
    expect(() => fmt('2024-01-01T00:00:00Z', 'UTC', 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
  });

  it('is the same function the fake uses internally', () => {
    expect(formatDate(new Date(0), 'UTC', 'yyyy')).toBe('1970');
  });
});

describe('wallTimeToDate', () => {
  it('finds the instant of a wall-clock time in a zone, whatever the process TZ', () => {
    expect(wallTimeToDate('America/Los_Angeles', 2024, 3, 10).toISOString()).toBe(
      '2024-03-10T08:00:00.000Z',
    );
    expect(wallTimeToDate('America/Los_Angeles', 2024, 3, 11).toISOString()).toBe(
      '2024-03-11T07:00:00.000Z',
    );
    expect(wallTimeToDate('Pacific/Auckland', 2024, 4, 7, 12).toISOString()).toBe(
      '2024-04-07T00:00:00.000Z',
    );
  });
});

describe('Utilities.sleep and getUuid', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)
  // "Sleeps for specified number of milliseconds… The maximum allowed value is 300000."
  it('sleep moves a test clock instead of waiting', () => {
    const start = new Date('2024-01-01T00:00:00Z');
    const gas = createGas({ now: () => start });
    const before = Date.now();
    gas.globals.Utilities.sleep(120000);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(gas.control.now().toISOString()).toBe('2024-01-01T00:02:00.000Z');
    expect(() => gas.globals.Utilities.sleep(300001)).toThrow();
    expect(gas.control.calls['Utilities.sleep']).toBe(2);
  });

  it('getUuid returns distinct v4 UUIDs', () => {
    const a = globals.Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(globals.Utilities.getUuid()).not.toBe(a);
  });

  it('base64 round trip (decode gives signed Java bytes)', () => {
    expect(globals.Utilities.base64Encode('大客户')).toBe(Buffer.from('大客户').toString('base64'));
    expect(globals.Utilities.base64Decode(globals.Utilities.base64Encode('ÿ'))).toEqual([-61, -65]);
    expect(control.calls['Utilities.base64Encode']).toBe(2);
  });
});
