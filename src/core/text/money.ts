/**
 * Amounts in messages (the digests): whole units of the home currency with thousands separators,
 * after the currency's usual sign when it has a common one, else after its ISO code. Emails are
 * read in both languages and several clients, so the output is fixed rather than left to `Intl`
 * (whose data differs between Apps Script and Node).
 */
const SIGNS: Readonly<Record<string, string>> = {
  CNY: '¥',
  RMB: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  HKD: 'HK$',
};

/** `1234567.8` → `1,234,568`; negative amounts keep their sign. */
export function groupThousands(amount: number): string {
  const whole = Math.round(Math.abs(amount));
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amount < 0 && whole !== 0 ? `-${digits}` : digits;
}

/** `formatMoney(310000, 'CNY')` → `¥310,000`; `formatMoney(5, 'SGD')` → `SGD 5`. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.trim().toUpperCase();
  const sign = SIGNS[code];
  const digits = groupThousands(amount);
  if (sign === undefined) return code === '' ? digits : `${code} ${digits}`;
  return digits.startsWith('-') ? `-${sign}${digits.slice(1)}` : `${sign}${digits}`;
}
