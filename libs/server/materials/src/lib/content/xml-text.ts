import type { TextBuilder } from './text-builder';

/**
 * Which elements of an office format's XML carry the text. Names are local names (without the
 * namespace prefix): the prefixes are conventions (`w:`, `a:`, `text:`), not guarantees.
 */
export interface XmlTextDialect {
  /** Character data counts only inside these (and their descendants). */
  text: ReadonlySet<string>;
  /** The end of one of these ends a paragraph. */
  paragraph: ReadonlySet<string>;
  /** Line breaks. */
  lineBreak: ReadonlySet<string>;
  /** Tabs and spaces written as elements. */
  space: ReadonlySet<string>;
  /** Content left out entirely (comments' metadata, deleted revisions). */
  skip: ReadonlySet<string>;
}

/** WordprocessingML: only `w:t` is text, so deleted runs (`w:delText`) and field codes (`w:instrText`) stay out. */
export const DOCX_DIALECT: XmlTextDialect = {
  text: new Set(['t']),
  paragraph: new Set(['p']),
  lineBreak: new Set(['br', 'cr']),
  space: new Set(['tab', 'ptab']),
  skip: new Set(),
};

/** DrawingML text in slides: `a:t` runs in `a:p` paragraphs. */
export const PPTX_DIALECT: XmlTextDialect = {
  text: new Set(['t']),
  paragraph: new Set(['p']),
  lineBreak: new Set(['br']),
  space: new Set(),
  skip: new Set(),
};

/** ODF `content.xml`: everything inside `text:p`/`text:h` (spans, links), with `text:s`/`text:tab` for spacing. */
export const ODF_DIALECT: XmlTextDialect = {
  text: new Set(['p', 'h']),
  paragraph: new Set(['p', 'h']),
  lineBreak: new Set(['line-break']),
  space: new Set(['s', 'tab']),
  skip: new Set(['annotation', 'tracked-changes']),
};

/** A tag or text run longer than this without an end is garbage, not a document: it is dropped. */
const MAX_PENDING = 1024 * 1024;
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; invalid references vanish. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '';
  });
}

/**
 * A forgiving, streaming reader of office XML that feeds the text of a document to a
 * {@link TextBuilder}. It is not a validating parser: the files are hostile input, and a broken
 * or truncated file should still give the text that could be read. Chunks may split tags,
 * entities and comments anywhere.
 */
export class XmlTextReader {
  private pending = '';
  private textDepth = 0;
  private skipDepth = 0;

  constructor(
    private readonly dialect: XmlTextDialect,
    private readonly out: TextBuilder,
  ) {}

  write(chunk: string): void {
    // join() builds one flat string; `pending + chunk` would be a V8 cons string, which every
    // indexOf/slice below flattens again (measured: a 50 MB entry took 20 s instead of 1 s).
    const s = this.pending ? [this.pending, chunk].join('') : chunk;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        // The text may go on in the next chunk (perhaps mid-entity): keep it until a tag ends it.
        this.keep(s.slice(i), true);
        return;
      }
      if (lt > i) this.characters(s.slice(i, lt));
      const end = this.markup(s, lt);
      if (end === -1) {
        this.keep(s.slice(lt), false);
        return;
      }
      i = end;
    }
  }

  /** Flushes text left at the end of a (perhaps truncated) entry. */
  end(): void {
    if (!this.pending.startsWith('<')) this.characters(this.pending);
    this.pending = '';
    this.out.endParagraph();
  }

  private keep(rest: string, isText: boolean): void {
    if (rest.length <= MAX_PENDING) {
      this.pending = rest;
    } else if (isText) {
      // A text run this long is consumed in pieces, cut away from a possible entity.
      const amp = rest.lastIndexOf('&');
      const cut = amp > rest.length - 16 ? amp : rest.length;
      this.characters(rest.slice(0, cut));
      this.pending = rest.slice(cut);
    }
  }

  /** Handles the markup starting at `lt`; returns where it ends, or -1 when it is incomplete. */
  private markup(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', lt + 4);
      return close === -1 ? -1 : close + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt + 9);
      if (close === -1) return -1;
      if (this.inText()) this.out.append(s.slice(lt + 9, close));
      return close + 3;
    }
    const gt = s.indexOf('>', lt + 1);
    if (gt === -1) return -1;
    this.tag(s.slice(lt + 1, gt));
    return gt + 1;
  }

  private tag(body: string): void {
    if (body.startsWith('?') || body.startsWith('!')) return;
    const closing = body.startsWith('/');
    const selfClosing = !closing && body.endsWith('/');
    const name = localName(body.slice(closing ? 1 : 0).match(/^[^\s/>]*/)?.[0] ?? '');
    const { text, paragraph, lineBreak, space, skip } = this.dialect;
    if (closing) {
      // Inside skipped content only the skipped element's own nesting matters.
      if (this.skipDepth > 0) {
        if (skip.has(name)) this.skipDepth--;
        return;
      }
      if (text.has(name)) this.textDepth = Math.max(0, this.textDepth - 1);
      if (paragraph.has(name)) this.out.endParagraph();
      return;
    }
    if (this.skipDepth > 0) {
      if (skip.has(name) && !selfClosing) this.skipDepth++;
      return;
    }
    if (skip.has(name)) {
      if (!selfClosing) this.skipDepth++;
    } else if (lineBreak.has(name)) {
      this.out.endParagraph();
    } else if (space.has(name)) {
      this.out.space();
    } else if (text.has(name) && !selfClosing) {
      this.textDepth++;
    }
  }

  private characters(raw: string): void {
    if (raw && this.inText()) this.out.append(decodeXmlEntities(raw));
  }

  private inText(): boolean {
    return this.textDepth > 0 && this.skipDepth === 0;
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}
