import { createGas, LOCK_TIMEOUT, MAIL_BODY_LIMIT } from './index';

describe('MailApp', () => {
  // https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
  // "Returns the number of recipients you can send emails to for the rest of the day."
  // https://developers.google.com/apps-script/guides/services/quotas — "Email recipients per
  // day: 100 / day" for consumer accounts.
  it('counts the quota in recipients (to + cc + bcc), starting at 100', () => {
    const { globals, control } = createGas();
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(100);
    globals.MailApp.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      bcc: 'd@example.com',
      subject: 'Digest',
      body: 'text',
      htmlBody: '<p>text</p>',
      name: 'KAM bot',
      replyTo: 'kam@example.com',
    });
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(96);
    expect(control.sentMails).toHaveLength(1);
    expect(control.sentMails[0]).toMatchObject({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      subject: 'Digest',
      htmlBody: '<p>text</p>',
      name: 'KAM bot',
      replyTo: 'kam@example.com',
    });
  });

  // The quotas page: "If you exceed a quota or limitation, your script throws an exception";
  // for mail Apps Script's text is "Service invoked too many times for one day: email.".
  it('throws the real message once the daily quota is used up', () => {
    const { globals, control } = createGas({ mailQuota: 2 });
    globals.MailApp.sendEmail('a@example.com', 'One', 'body');
    globals.MailApp.sendEmail('b@example.com', 'Two', 'body', { name: 'KAM' });
    expect(() => globals.MailApp.sendEmail('c@example.com', 'Three', 'body')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(control.sentMails.map((m) => m.subject)).toEqual(['One', 'Two']);
    control.setMailQuota(1);
    expect(() =>
      globals.MailApp.sendEmail({
        to: 'a@example.com,b@example.com',
        subject: 'Two recipients',
        body: '',
      }),
    ).toThrow('Service invoked too many times for one day: email.');
  });

  it('refuses a message without recipients or with a malformed address', () => {
    const { globals } = createGas();
    expect(() => globals.MailApp.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(
      'Failed to send email: no recipient',
    );
    expect(() => globals.MailApp.sendEmail('not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
  });

  it('records the send time from the test clock', () => {
    const now = new Date('2024-05-01T09:00:00Z');
    const { globals, control } = createGas({ now: () => now });
    globals.MailApp.sendEmail('Ann <ann@example.com>', 'Hi', 'body');
    expect(control.sentMails[0].sentAt.toISOString()).toBe('2024-05-01T09:00:00.000Z');
    expect(control.sentMails[0].recipients).toEqual(['Ann <ann@example.com>']);
  });

  // https://developers.google.com/apps-script/guides/services/quotas, "Current limitations":
  // "Email body size | 200 KB / msg | 400 KB / msg" (consumer / Google Workspace). Over it,
  // sendEmail throws "Limit Exceeded: Email Body Size." (the text Apps Script logs in the
  // execution transcript). The fake counts the plain and HTML bodies together, in UTF-8 bytes,
  // against 200,000: the strictest reading of "200 KB".
  it('refuses a body over the size limit, counting plain and HTML bodies in UTF-8 bytes', () => {
    const { globals, control } = createGas();
    expect(MAIL_BODY_LIMIT).toBe(200_000);
    const half = 'x'.repeat(100_000);
    globals.MailApp.sendEmail({ to: 'a@example.com', subject: 'Fits', body: half, htmlBody: half });
    expect(() =>
      globals.MailApp.sendEmail({
        to: 'a@example.com',
        subject: 'One byte over',
        body: half,
        htmlBody: `${half}x`,
      }),
    ).toThrow('Limit Exceeded: Email Body Size.');
    // 66,667 Chinese characters are 200,001 bytes in UTF-8.
    expect(() => globals.MailApp.sendEmail('a@example.com', 'Wide', '客'.repeat(66_667))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    // A refused message is not sent and uses no quota.
    expect(control.sentMails.map((m) => m.subject)).toEqual(['Fits']);
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(99);
  });

  it('allows 400 KB bodies when set up as a Google Workspace account', () => {
    const { globals } = createGas({ mailBodyLimit: 400_000 });
    globals.MailApp.sendEmail('a@example.com', 'Big', 'x'.repeat(400_000));
    expect(() => globals.MailApp.sendEmail('a@example.com', 'Bigger', 'x'.repeat(400_001))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
  });
});

describe('ScriptApp triggers', () => {
  it('records clock and spreadsheet triggers with their schedule', () => {
    const { globals, control } = createGas({ scriptTimeZone: 'Asia/Shanghai' });
    const { ScriptApp } = globals;
    const daily = ScriptApp.newTrigger('remindDaily')
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(30)
      .inTimezone('Asia/Tokyo')
      .create();
    ScriptApp.newTrigger('onEditInstalled')
      .forSpreadsheet(globals.SpreadsheetApp.getActive())
      .onEdit()
      .create();
    ScriptApp.newTrigger('later').timeBased().after(60000).create();
    expect(daily.getHandlerFunction()).toBe('remindDaily');
    expect(daily.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(daily.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(control.triggers.map((t) => [t.handler, t.type])).toEqual([
      ['remindDaily', 'CLOCK'],
      ['onEditInstalled', 'ON_EDIT'],
      ['later', 'CLOCK'],
    ]);
    expect(control.triggers[0]).toMatchObject({
      everyDays: 1,
      atHour: 8,
      nearMinute: 30,
      timezone: 'Asia/Tokyo',
    });
    expect(control.triggers[1].sourceId).toBe(globals.SpreadsheetApp.getActive().getId());
    expect(control.triggers[2].after).toBe(60000);
  });

  it('getProjectTriggers / deleteTrigger (idempotent re-install by handler name)', () => {
    const { globals, control } = createGas();
    const { ScriptApp } = globals;
    ScriptApp.newTrigger('refresh').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(9).create();
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getHandlerFunction() === 'refresh') ScriptApp.deleteTrigger(t);
    }
    expect(control.triggers.map((t) => t.handler)).toEqual(['remind']);
    expect(ScriptApp.getProjectTriggers()[0].getUniqueId()).toBe(control.triggers[0].uniqueId);
  });

  // https://developers.google.com/apps-script/guides/services/quotas — "Triggers: 20 / user /
  // script". The exception text is Apps Script's.
  it('allows 20 triggers per user per script; the 21st throws', () => {
    const { globals, control } = createGas();
    const { ScriptApp } = globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`h${i}`).timeBased().everyDays(1).create();
    expect(() => ScriptApp.newTrigger('h20').timeBased().everyDays(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(control.triggers).toHaveLength(20);
    // Another user has their own 20.
    control.setEffectiveUser('other@example.com');
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('mine').timeBased().everyDays(1).create();
    expect(control.triggers).toHaveLength(21);
  });

  it('rejects incomplete clock schedules', () => {
    const { globals } = createGas();
    expect(() => globals.ScriptApp.newTrigger('f').timeBased().create()).toThrow();
    expect(() => globals.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow();
    expect(() =>
      globals.ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(3).create(),
    ).toThrow();
  });
});

describe('LockService', () => {
  // https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)
  // "Returns: true if the lock was acquired, false otherwise"
  // https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
  // "throws an exception when the lock could not be acquired instead of returning false" —
  // Apps Script's text is "Lock timeout: another process was holding the lock for too long."
  it('while another execution holds the document lock, tryLock is false and waitLock throws', () => {
    const { globals, control } = createGas();
    control.holdDocumentLock();
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow(LOCK_TIMEOUT);
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
    control.releaseDocumentLock();
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    expect(control.lockState('document')).toBe('held');
    lock.releaseLock();
    expect(control.lockState('document')).toBe('free');
  });

  it('a held lock blocks other Lock objects; tryLock on the holder is a no-op', () => {
    const { globals } = createGas();
    const first = globals.LockService.getScriptLock();
    const second = globals.LockService.getScriptLock();
    expect(first.tryLock(0)).toBe(true);
    expect(first.tryLock(0)).toBe(true);
    expect(second.tryLock(0)).toBe(false);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
    // Document and script locks are separate.
    expect(globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('waiting moves the test clock; a holder that lets go in time is waited for', () => {
    const t = Date.parse('2024-01-01T00:00:00Z');
    const { globals, control } = createGas({ now: () => new Date(t) });
    control.holdDocumentLock({ releaseAfterMs: 5000 });
    const lock = globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(control.now().getTime() - t).toBe(1000);
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(control.now().getTime() - t).toBe(5000);
  });
});

describe('PropertiesService', () => {
  // https://developers.google.com/apps-script/reference/properties/properties#setProperty(String,String)
  // Properties are key-value pairs of strings; getProperty returns null for a missing key.
  it('stores values as strings, returns null for missing keys', () => {
    const { globals, control } = createGas({ scriptProperties: { seeded: 'yes' } });
    const props = globals.PropertiesService.getScriptProperties();
    expect(props.getProperty('seeded')).toBe('yes');
    expect(props.getProperty('missing')).toBeNull();
    (props as unknown as { setProperty(k: string, v: unknown): void }).setProperty('count', 5);
    expect(props.getProperty('count')).toBe('5');
    props.setProperties({ a: '1', b: '2' });
    expect(props.getProperties()).toEqual({ seeded: 'yes', count: '5', a: '1', b: '2' });
    props.setProperties({ only: 'this' }, true);
    expect(props.getKeys()).toEqual(['only']);
    props.deleteProperty('only');
    expect(control.properties.script.size).toBe(0);
  });

  it('script, user and document stores are separate', () => {
    const { globals, control } = createGas();
    globals.PropertiesService.getUserProperties().setProperty('k', 'user');
    globals.PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    expect(globals.PropertiesService.getScriptProperties().getProperty('k')).toBeNull();
    expect(control.properties.user.get('k')).toBe('user');
    expect(control.properties.document.get('k')).toBe('doc');
    globals.PropertiesService.getDocumentProperties().deleteAllProperties();
    expect(control.properties.document.size).toBe(0);
  });
});

describe('Session', () => {
  it('reports users, script time zone and locale from the options', () => {
    const { globals, control } = createGas({
      activeUser: 'kam@example.com',
      effectiveUser: 'owner@example.com',
      scriptTimeZone: 'Asia/Shanghai',
      locale: 'zh_CN',
    });
    expect(globals.Session.getActiveUser().getEmail()).toBe('kam@example.com');
    expect(globals.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(globals.Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    expect(globals.Session.getActiveUserLocale()).toBe('zh');
    const key = globals.Session.getTemporaryActiveUserKey();
    expect(globals.Session.getTemporaryActiveUserKey()).toBe(key);
    control.setActiveUser('');
    expect(globals.Session.getActiveUser().getEmail()).toBe('');
  });
});
