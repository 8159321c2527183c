import { seedPortfolio } from '../gas/seed';
import { loadBundle, type LoadedBundle } from './load';

/**
 * A refresh too big for one Apps Script execution (6 minutes), from dist/Code.js on a fake whose
 * calls take time: it never runs into the hard stop in the middle of a write, is continued by a
 * one-off trigger at most twice a day, and then stops and says why.
 */
describe('dist/Code.js: a refresh that runs out of time', () => {
  const NOW = new Date(Date.UTC(2026, 10, 23, 18)); // 02:00 in Shanghai, the nightly run

  function slowBook(): LoadedBundle {
    const bundle = loadBundle({ now: () => new Date(NOW) });
    seedPortfolio(bundle, 30);
    bundle.call('kamSetupWorkbook');
    bundle.call('kamNightlyRefresh');
    bundle.control.enforceExecutionLimit = true;
    return bundle;
  }

  /** Fires the pending continuation trigger a minute later, as Apps Script would. */
  function fireContinuation(bundle: LoadedBundle): boolean {
    const pending = bundle.control.triggers.filter((t) => t.handler === 'kamContinueRefresh');
    if (pending.length === 0) return false;
    bundle.control.advanceClock(60_000);
    bundle.call('kamContinueRefresh');
    return true;
  }

  it('reading alone takes too long: three runs, nothing written, then it stops and says what to do', () => {
    const bundle = slowBook();
    const accounts = bundle.control.sheetValues('Accounts');
    const summary = bundle.control.sheetValues('Summary');
    // Every read takes 40 s: reading the seven input sheets takes over 4.5 minutes.
    bundle.control.setCallCost((key) => (key === 'Range.getValues' ? 40_000 : 0));
    bundle.call('kamNightlyRefresh');
    let runs = 1;
    while (fireContinuation(bundle) && runs < 10) runs++;

    expect(runs).toBe(3);
    expect(bundle.control.triggers.map((t) => t.handler)).not.toContain('kamContinueRefresh');
    expect(bundle.control.sheetValues('Accounts')).toEqual(accounts);
    expect(bundle.control.sheetValues('Summary')).toEqual(summary);
    const issues = bundle.control.sheetValues('Data Issues');
    const last = issues.at(-1)!;
    expect(last[5]).toBe('error');
    expect(String(last[4])).toContain('ran out of time in 3 runs today');
    expect(String(last[4])).toContain('history_retention_days');
    const status = JSON.parse(bundle.control.properties.document.get('kam.lastRun')!);
    expect(status.summary).toBe(
      'refresh ran out of time 3 times today and stopped: see Data Issues',
    );
    expect(bundle.control.logs.join('\n')).toContain('That was run 3 of 3 today');

    // The next night starts again, and a run that finishes clears the count.
    bundle.control.setCallCost(null);
    bundle.control.advanceClock(86_400_000);
    bundle.call('kamNightlyRefresh');
    expect(bundle.control.sheetValues('Data Issues').some((r) => r[4] === last[4])).toBe(false);
    expect(JSON.parse(bundle.control.properties.document.get('kam.lastRun')!).ok).toBe(true);
  });

  it('slow writes: it stops between two writes, never inside one, and the continuation does only the rest', () => {
    const bundle = slowBook();
    const dashboard = bundle.control.sheetValues('Dashboard');
    // Each write takes 80 s: the fifth would end past the 6-minute hard stop.
    bundle.control.setCallCost((key) => (key === 'Range.setValues' ? 80_000 : 0));
    expect(() => bundle.call('kamNightlyRefresh')).not.toThrow();
    expect(bundle.control.logs.join('\n')).toMatch(
      /The refresh stopped after updating Accounts, Summary, History, Monthly because it would run past 5 minutes; the other sheets keep their previous contents\. It continues in a new run in a minute \(run 2 of at most 3 today\)\./,
    );
    expect(bundle.control.sheetValues('Dashboard')).toEqual(dashboard);
    expect(bundle.control.triggers.map((t) => t.handler)).toContain('kamContinueRefresh');
    const status = JSON.parse(bundle.control.properties.document.get('kam.lastRun')!);
    expect(status.summary).toBe('refresh ran out of time (run 1 of 3); continuing in a minute');

    // The continuation leaves the four sheets written a minute ago and writes Pipeline, Groups,
    // Products and the dashboard (four writes, 320 s) before it stops again; the third run
    // writes Data Issues alone, and the refresh is done.
    bundle.control.resetCalls();
    expect(fireContinuation(bundle)).toBe(true);
    expect(bundle.control.calls['Range.setValues']).toBe(4);
    expect(bundle.control.logs.at(-1)).toMatch(
      /stopped after updating Pipeline, Groups, Products, Dashboard .*run 3 of at most 3 today/,
    );
    bundle.control.resetCalls();
    expect(fireContinuation(bundle)).toBe(true);
    expect(bundle.control.calls['Range.setValues']).toBe(1);
    expect(bundle.control.logs.at(-1)).toMatch(/^Refreshed 30 accounts · \d+ data issues$/);
    expect(bundle.control.triggers.map((t) => t.handler)).not.toContain('kamContinueRefresh');
    expect(JSON.parse(bundle.control.properties.document.get('kam.lastRun')!).ok).toBe(true);
  });

  it('someone choosing Refresh scores after a stop gets everything written again', () => {
    const bundle = slowBook();
    bundle.control.setCallCost((key) => (key === 'Range.setValues' ? 80_000 : 0));
    bundle.call('kamNightlyRefresh');
    bundle.control.setCallCost(null);
    bundle.control.resetCalls();
    bundle.call('kamRefreshScores');
    // Accounts, Summary, History, Monthly, Pipeline, Groups, Products, Dashboard, Data Issues.
    expect(bundle.control.calls['Range.setValues']).toBe(9);
    expect(bundle.control.toasts.at(-1)?.msg).toMatch(/^Refreshed 30 accounts/);
  });
});
