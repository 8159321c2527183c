import { sendTestDigest } from '../../../src/core/jobs/test-digest';
import type { Mailer, OutgoingMail } from '../../../src/core/ports/mailer';
import { TODAY, sampleSheets } from '../sidebar/fixtures';
import { fixedClock, MemoryStore } from './memory-store';

class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  remainingQuota(): number {
    return Infinity;
  }
  send(mail: OutgoingMail): void {
    this.sent.push(mail);
  }
}

function run(user: string) {
  const store = new MemoryStore(sampleSheets());
  const mailer = new MemoryMailer();
  const result = sendTestDigest({
    store,
    clock: fixedClock(TODAY),
    defaultAllowList: ['example.com'],
    mailer,
    user: () => user,
  });
  return { result, mailer, store };
}

describe('test-digest: Send me a test digest', () => {
  it('sends the asking owner their own digest, tagged, to them only, and logs nothing', () => {
    const { result, mailer, store } = run('LI@example.com');
    expect(result).toEqual({ outcome: 'sent', to: 'li@example.com', locale: 'en' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'li@example.com', cc: [] });
    expect(mailer.sent[0].subject.startsWith('[Test] ')).toBe(true);
    expect(store.writes).toEqual([]);
  });

  it('someone who owns nothing gets the first owner’s digest', () => {
    const { result, mailer } = run('boss@example.com');
    expect(result.outcome).toBe('sent');
    expect(mailer.sent[0].to).toBe('boss@example.com');
  });

  it('sends nothing when the host cannot say who asks', () => {
    const { result, mailer } = run('');
    expect(result.outcome).toBe('no_user');
    expect(mailer.sent).toEqual([]);
  });
});
