/**
 * Escaping for HTML output (emails, the HTML report, sidebars). Everything a user typed goes
 * through `escapeHtml` before it is put in markup, in text and in attribute values alike.
 */

const HTML_ESCAPES: { readonly [ch: string]: string } = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '`, so the result is safe in element text and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * The URL, trimmed, when it is an absolute `http:` or `https:` URL with a host and no white
 * space or control characters; otherwise null. Links anywhere else (`javascript:`, `data:`,
 * relative paths) are never rendered as links. The result still needs `escapeHtml` in an href.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(u)) return null;
  return /^https?:\/\/[^/?#\\]+/i.test(u) ? u : null;
}
