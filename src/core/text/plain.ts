/**
 * Plain-text hygiene for user-typed values shown in one-line contexts (email lines, subjects,
 * log details): a name with a line break must not forge a new line, and a right-to-left name
 * must not reorder the separators around it.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Control characters and line breaks become spaces; runs of white space collapse; trimmed. */
export function singleLine(value: string): string {
  return value.replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
}

/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** Explicit embeddings, overrides and isolates (LRE … RLO, LRI … PDI): invisible, and can spoof. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

const FSI = '\u2068';
const PDI = '\u2069';

/** Removes explicit bidi embedding, override and isolate controls (all invisible). */
export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/**
 * For plain text: drops explicit bidi controls, then wraps the value in Unicode isolates
 * (FSI … PDI) when it holds right-to-left letters, so it cannot reorder the text around it.
 * Other text is returned unchanged.
 */
export function isolateBidi(value: string): string {
  const v = stripBidiControls(value);
  return RTL_LETTER.test(v) ? FSI + v + PDI : v;
}

/**
 * The mail as it may reach headers: subject and sender name on one line, and the name (typed
 * in Settings) without bidi controls that could spoof who it is from. Every mailer sends this.
 */
export function headerSafe<T extends { readonly subject: string; readonly senderName: string }>(
  mail: T,
): T {
  return {
    ...mail,
    subject: singleLine(mail.subject),
    senderName: stripBidiControls(singleLine(mail.senderName)),
  };
}
