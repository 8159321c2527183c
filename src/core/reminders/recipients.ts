/**
 * Who reminders may go to (docs/workbook.md `allowed_recipient_domains`, docs/reminders.md "never emailed").
 * Pragmatic checks, not RFC 5322: they reject what a sheet cell typically gets wrong (two
 * addresses in one cell, a display name, a missing domain) and nothing a real team uses.
 */

/** Characters never accepted in an address: white space, list separators, display-name syntax. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\s,;<>()[\]\\"\u0000-\u001f\u007f]/;

function splitAddress(email: string): { local: string; domain: string } | null {
  const e = email.trim();
  if (e === '' || FORBIDDEN.test(e)) return null;
  const at = e.indexOf('@');
  if (at <= 0 || at !== e.lastIndexOf('@')) return null;
  const local = e.slice(0, at);
  const domain = e.slice(at + 1).toLowerCase();
  if (!isDomain(domain)) return null;
  return { local, domain };
}

/** A dotted host name: no empty labels, labels not starting or ending with `-`, a TLD of 2+. */
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (labels.some((l) => l === '' || l.startsWith('-') || l.endsWith('-'))) return false;
  return labels[labels.length - 1].length >= 2;
}

/**
 * True for a plausible single address (surrounding white space ignored): exactly one `@`, a
 * non-empty local part, a domain with a dot, and no spaces, commas, semicolons, angle brackets,
 * quotes or parentheses.
 */
export function isValidEmail(s: string): boolean {
  return typeof s === 'string' && splitAddress(s) !== null;
}

/** The lower-case domain of a valid address, else null. */
export function emailDomain(email: string): string | null {
  return splitAddress(email)?.domain ?? null;
}

/**
 * True when the address may receive reminders under the allow list. An entry with a local part
 * (`me@gmail.com`) allows exactly that address; any other entry is a domain and allows addresses
 * at that domain or any subdomain of it (`example.com` allows `a@sales.example.com`, not
 * `a@badexample.com` nor `a@example.com.evil.org`). Case and surrounding spaces are ignored; a
 * domain may be written `@example.com` or `*.example.com`. An entry that is not a dotted domain
 * (`com`, `localhost`) allows nothing, so a typo cannot open a whole top-level domain. An empty
 * list allows nothing: the host supplies its default (`defaultAllowList`).
 */
export function recipientAllowed(email: string, allowed: readonly string[]): boolean {
  const addr = splitAddress(email);
  if (!addr) return false;
  const full = `${addr.local.toLowerCase()}@${addr.domain}`;
  for (const raw of allowed) {
    let entry = raw.trim().toLowerCase();
    if (entry.startsWith('*.')) entry = entry.slice(2);
    else if (entry.startsWith('@')) entry = entry.slice(1);
    if (entry.endsWith('.')) entry = entry.slice(0, -1);
    if (entry === '') continue;
    if (entry.includes('@')) {
      if (entry === full) return true;
    } else if (isDomain(entry) && (addr.domain === entry || addr.domain.endsWith(`.${entry}`))) {
      return true;
    }
  }
  return false;
}

/**
 * Free mail domains: their users share a domain with the whole world, so the default allow list
 * for one of them is that single address.
 */
export const CONSUMER_EMAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  '188.com',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  '139.com',
  '189.cn',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'zoho.com',
  'naver.com',
];

/** Country variants of the big free-mail brands: yahoo.co.jp, hotmail.co.uk, outlook.fr, live.cn … */
const CONSUMER_BRAND = /^(yahoo|hotmail|outlook|live|msn)\.(com?\.[a-z]{2}|[a-z]{2})$/;

export function isConsumerDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  if (CONSUMER_BRAND.test(d)) return true;
  return CONSUMER_EMAIL_DOMAINS.some((c) => d === c || d.endsWith(`.${c}`));
}

/**
 * The allow list used when `allowed_recipient_domains` is blank (docs/workbook.md): the domain of the
 * user who turned automation on, or only that address for a free-mail account. Empty when the
 * address is not valid.
 */
export function defaultAllowList(userEmail: string): string[] {
  const addr = splitAddress(userEmail);
  if (!addr) return [];
  return isConsumerDomain(addr.domain)
    ? [`${addr.local.toLowerCase()}@${addr.domain}`]
    : [addr.domain];
}
