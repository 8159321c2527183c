import { bilingual, fillTemplate, type Bilingual, type Locale } from '../locale';
import type { EmailTexts } from './email';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * The message catalogue: every text kam-sheets shows, one table per language (en.ts, zh-CN.ts),
 * in sections by area (`app`, `issue`, `ui`, `cli`, …). English is the reference: `Catalogue` is
 * its shape with a string for each key, so a language that misses a key, or has one too many,
 * does not compile. Core, the Apps Script adapters, `kam` and (through the sidebars' view
 * models) the HTML pages all read their texts here, through `text()`.
 */
type English = typeof en;

/** The sections of plain texts (templates with `{x}` parameters). */
export type TextArea = Exclude<keyof English, 'email'>;

export type Catalogue = {
  readonly [A in keyof English]: A extends 'email'
    ? EmailTexts
    : { readonly [K in keyof English[A]]: string };
};

/** The keys of one section. */
export type AreaKey<A extends TextArea> = keyof English[A] & string;

/** A text's id: its section and key, `cli.not_found`. */
export type MessageId = { [A in TextArea]: `${A}.${AreaKey<A>}` }[TextArea];

export type TextParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, 'zh-CN': zhCN };

/** The whole catalogue of a language (the email's texts are `catalogue(locale).email`). */
export function catalogue(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}

/** The template of a text in a language, its `{x}` placeholders left in. */
export function template(id: MessageId, locale: Locale): string {
  const dot = id.indexOf('.');
  const area = id.slice(0, dot) as TextArea;
  return (catalogue(locale)[area] as Readonly<Record<string, string>>)[id.slice(dot + 1)];
}

/** The one lookup: a text in a language, with its placeholders filled. */
export function text(id: MessageId, locale: Locale, params: TextParams = {}): string {
  return fillTemplate(template(id, locale), params);
}

/** A text in both languages, for a value that is shown later in the reader's language. */
export function inBoth(id: MessageId, params: TextParams = {}): Bilingual {
  return bilingual((locale) => text(id, locale, params));
}
