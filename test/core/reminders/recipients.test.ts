import {
  defaultAllowList,
  isConsumerDomain,
  isValidEmail,
  recipientAllowed,
} from '../../../src/core/reminders/recipients';

describe('isValidEmail', () => {
  it.each([
    'ann@example.com',
    'a.b+tag@sales.example.co.uk',
    '  ann@example.com  ',
    'ANN@EXAMPLE.COM',
    '张三@例子.中国',
  ])('accepts %s', (s) => expect(isValidEmail(s)).toBe(true));
  it.each([
    '',
    'ann',
    '@example.com',
    'ann@',
    'ann@example',
    'ann@@example.com',
    'a@b@example.com',
    'ann @example.com',
    'ann@exa mple.com',
    'ann@example.com, bob@example.com',
    'ann@example.com;bob@example.com',
    'Ann <ann@example.com>',
    'ann@.example.com',
    'ann@example..com',
    'ann@example.com.',
    'ann@example.c',
    'ann@-example.com',
    'ann@example.com\nBcc: x@evil.org',
  ])('rejects %j', (s) => expect(isValidEmail(s)).toBe(false));
});

describe('recipientAllowed', () => {
  const allow = ['example.com', 'partner.cn', 'me@gmail.com'];

  it('allows the domain and its subdomains, case-insensitively', () => {
    expect(recipientAllowed('a@example.com', allow)).toBe(true);
    expect(recipientAllowed('a@sales.example.com', allow)).toBe(true);
    expect(recipientAllowed('a@deep.sales.example.com', allow)).toBe(true);
    expect(recipientAllowed('A@Sales.EXAMPLE.com', allow)).toBe(true);
    expect(recipientAllowed('a@example.com', ['  EXAMPLE.COM  '])).toBe(true);
  });

  it('rejects look-alike and suffix-trick domains', () => {
    expect(recipientAllowed('a@badexample.com', allow)).toBe(false);
    expect(recipientAllowed('a@example.com.evil.org', allow)).toBe(false);
    expect(recipientAllowed('a@example.co', allow)).toBe(false);
    expect(recipientAllowed('a@xn--example.com', allow)).toBe(false);
    expect(recipientAllowed('example.com@evil.org', allow)).toBe(false);
  });

  it('treats an entry with a local part as one exact address', () => {
    expect(recipientAllowed('me@gmail.com', allow)).toBe(true);
    expect(recipientAllowed('ME@Gmail.com', allow)).toBe(true);
    expect(recipientAllowed('you@gmail.com', allow)).toBe(false);
    expect(recipientAllowed('me@mail.gmail.com', allow)).toBe(false);
  });

  it('accepts @domain and *.domain spellings of a domain', () => {
    expect(recipientAllowed('a@x.example.com', ['@example.com'])).toBe(true);
    expect(recipientAllowed('a@x.example.com', ['*.example.com'])).toBe(true);
  });

  it('allows nothing with an empty list, blank entries or a bare top-level domain', () => {
    expect(recipientAllowed('a@example.com', [])).toBe(false);
    expect(recipientAllowed('a@example.com', ['', '  '])).toBe(false);
    expect(recipientAllowed('a@example.com', ['com'])).toBe(false);
  });

  it('never allows an invalid address, even at an allowed domain', () => {
    expect(recipientAllowed('a@example.com, b@evil.org', allow)).toBe(false);
    expect(recipientAllowed('Ann <a@example.com>', allow)).toBe(false);
  });
});

describe('defaultAllowList', () => {
  it('gives the single address for consumer mail', () => {
    expect(defaultAllowList('Me@Gmail.com')).toEqual(['me@gmail.com']);
    expect(defaultAllowList('12345@qq.com')).toEqual(['12345@qq.com']);
    expect(defaultAllowList('x@163.com')).toEqual(['x@163.com']);
    expect(defaultAllowList('x@vip.qq.com')).toEqual(['x@vip.qq.com']);
    expect(defaultAllowList('x@hotmail.co.uk')).toEqual(['x@hotmail.co.uk']);
  });

  it('gives the domain for a company address', () => {
    expect(defaultAllowList('ann@Sales.Example.com')).toEqual(['sales.example.com']);
    expect(
      recipientAllowed('bob@sales.example.com', defaultAllowList('ann@sales.example.com')),
    ).toBe(true);
  });

  it('gives nothing for an invalid address', () => {
    expect(defaultAllowList('')).toEqual([]);
    expect(defaultAllowList('not an email')).toEqual([]);
  });

  it('knows consumer domains without matching look-alikes', () => {
    expect(isConsumerDomain('outlook.com')).toBe(true);
    expect(isConsumerDomain('yahoo.co.jp')).toBe(true);
    expect(isConsumerDomain('mygmail.com')).toBe(false);
    expect(isConsumerDomain('outlook.example.com')).toBe(false);
  });
});
