import { escapeHtml, safeHttpUrl } from '../../../src/core/text/escape';
import { isolateBidi, singleLine, stripBidiControls } from '../../../src/core/text/plain';
import { catalogue } from '../../../src/core/i18n/catalogue';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(escapeHtml('=1+2 @x -y 中文 🚀')).toBe('=1+2 @x -y 中文 🚀');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    'https://docs.google.com/spreadsheets/d/X/edit#gid=0&range=A2',
    'http://example.com',
    ' HTTPS://example.com/a ',
  ])('keeps %s', (u) => expect(safeHttpUrl(u)).toBe(u.trim()));
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,x',
    '/relative',
    'https://',
    'https:///x',
    'https://a b.com',
    'https://x.com/\nx',
    '',
    null,
    undefined,
    'mailto:a@b.com',
  ])('rejects %j', (u) => expect(safeHttpUrl(u)).toBeNull());
});

describe('plain-text helpers', () => {
  it('singleLine turns breaks and control characters into single spaces', () => {
    expect(singleLine(' a\r\n\tb\u0000c\u2028d  ')).toBe('a b c d');
  });
  it('isolateBidi wraps right-to-left text and drops bidi overrides', () => {
    expect(isolateBidi('Acme')).toBe('Acme');
    expect(isolateBidi('中文')).toBe('中文');
    expect(isolateBidi('abc\u202edef')).toBe('abcdef');
    expect(isolateBidi('שלום')).toBe('\u2068שלום\u2069');
    expect(stripBidiControls('\u2067x\u2069')).toBe('x');
  });
});

describe('reminder messages', () => {
  it('has the same keys in both languages (also checked by the compiler)', () => {
    expect(Object.keys(catalogue('zh-CN').email).sort()).toEqual(
      Object.keys(catalogue('en').email).sort(),
    );
  });
});
