import { localName, ownString, parseXml, unescapeXstring } from './xml';

/**
 * The shared string table: each `<si>`'s text, rich-text runs joined, phonetic guides (`<rPh>`,
 * the furigana Excel stores beside Japanese text) left out as Excel shows them.
 */
export function readSharedStrings(xml: Buffer, part: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, part, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current !== null && phonetic === 0) inText = !tag.isSelfClosing;
    },
    close(tag) {
      const name = localName(tag.name);
      if (name === 'si' && current !== null) {
        out.push(ownString(unescapeXstring(current.join(''))));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current.push(text);
    },
  });
  return out;
}
