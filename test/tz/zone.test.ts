/**
 * Guards the time-zone reruns of jest.all.config.cjs: each zone project must really run under
 * its machine zone, even when a Jest worker ran a file of another zone just before.
 */
const zone = (globalThis as { KAM_ZONE?: string }).KAM_ZONE;

(zone ? test : test.skip)(`the machine zone is the project's zone (${zone})`, () => {
  expect(process.env.TZ).toBe(zone);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  // The local wall time of a fixed instant must be the zone's, not the worker's first zone.
  const instant = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
  const wall = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  expect(instant.getHours()).toBe(Number(wall));
});

test('the hardening subset applies only inside zone projects', () => {
  const original = (process as unknown as { kamOriginalEnv: Record<string, string | undefined> })
    .kamOriginalEnv;
  const expected = zone ? (original.KAM_SCALE ?? '0') : original.KAM_SCALE;
  expect(process.env.KAM_SCALE).toBe(expected);
  if (!zone) expect(process.env.TZ).toBe(original.TZ);
});
