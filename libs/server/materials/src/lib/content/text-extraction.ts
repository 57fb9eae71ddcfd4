import type { FileFormat } from '@kehittamo/shared/domain';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isPasswordError, openPdf } from './pdf';
import { TextBuilder } from './text-builder';
import { DOCX_DIALECT, ODF_DIALECT, PPTX_DIALECT, XmlTextReader, type XmlTextDialect } from './xml-text';
import { ZipArchive, type ZipEntry } from './zip-archive';

/** Uncompressed bytes read from one zip entry; the rest of a bigger one is ignored. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
/** Uncompressed bytes read from one archive in all. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;
/** Pages of a PDF whose text is read. */
export const MAX_PDF_PAGES = 500;

type PageTextItems = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'];

/** The file could not be read as the format it was detected as (a corrupt PDF, a broken zip). */
export class ContentExtractionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentExtractionError';
  }
}

/**
 * The plain text of a document for search and the excerpt: one paragraph (or PDF line) a line,
 * whitespace collapsed, at most MATERIAL_LIMITS.extractedTextMax characters.
 *
 * Formats without text (images, audio, video, spreadsheets) give ''. So do an encrypted PDF
 * and a document without any text. A file that cannot be opened at all — not a zip, a PDF
 * pdf.js cannot parse — rejects with a {@link ContentExtractionError}. Damage part way through
 * (a truncated entry, a broken page) keeps the text read before it.
 */
export async function extractText(path: string, format: FileFormat): Promise<string> {
  switch (format) {
    case 'pdf':
      return extractPdfText(path);
    case 'docx':
      return extractZipText(path, DOCX_DIALECT, (zip) => present(zip.find('word/document.xml')));
    case 'pptx':
      return extractZipText(path, PPTX_DIALECT, slidesInOrder);
    case 'odt':
    case 'odp':
      return extractZipText(path, ODF_DIALECT, (zip) => present(zip.find('content.xml')));
    default:
      return '';
  }
}

async function extractZipText(path: string, dialect: XmlTextDialect, parts: (zip: ZipArchive) => ZipEntry[]): Promise<string> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (error) {
    throw new ContentExtractionError(`not a readable zip archive: ${(error as Error).message}`, { cause: error });
  }
  const text = new TextBuilder();
  let budget = MAX_ARCHIVE_BYTES;
  try {
    for (const entry of parts(zip)) {
      if (text.full || budget <= 0) break;
      const reader = new XmlTextReader(dialect, text);
      const decoder = new StringDecoder('utf8');
      budget -= await zip.read(entry, Math.min(MAX_ENTRY_BYTES, budget), (chunk) => {
        reader.write(decoder.write(chunk));
        return !text.full;
      });
      reader.write(decoder.end());
      reader.end();
    }
  } finally {
    zip.close();
  }
  return text.toString();
}

/** `ppt/slides/slideN.xml` by N (the names sort wrongly as text: slide10 before slide2). */
function slidesInOrder(zip: ZipArchive): ZipEntry[] {
  const slides: { n: number; entry: ZipEntry }[] = [];
  for (const entry of zip.entries) {
    const match = /^ppt\/slides\/slide(\d{1,6})\.xml$/.exec(entry.name);
    if (match) slides.push({ n: Number(match[1]), entry });
  }
  return slides.sort((a, b) => a.n - b.n).map(({ entry }) => entry);
}

function present(entry: ZipEntry | undefined): ZipEntry[] {
  return entry ? [entry] : [];
}

async function extractPdfText(path: string): Promise<string> {
  // Up to the upload limit in memory: pdf.js needs random access to the whole file.
  const data = new Uint8Array(await readFile(path));
  let pdf: PDFDocumentProxy;
  try {
    pdf = await openPdf(data);
  } catch (error) {
    if (isPasswordError(error)) return '';
    throw new ContentExtractionError(`the PDF could not be read: ${(error as Error).message}`, { cause: error });
  }
  const text = new TextBuilder();
  try {
    const pages = Math.min(pdf.numPages, MAX_PDF_PAGES);
    for (let number = 1; number <= pages && !text.full; number++) {
      try {
        const page = await pdf.getPage(number);
        appendPageText((await page.getTextContent()).items, text);
        page.cleanup();
      } catch {
        // A broken page: the others may still be readable.
      }
      text.endParagraph();
    }
  } finally {
    await pdf.destroy();
  }
  return text.toString();
}

/**
 * Joins a page's text items: pdf.js gives runs of glyphs with positions, not words. A new
 * line starts where the baseline moves by half a line, a space where a gap opens between runs.
 */
function appendPageText(items: PageTextItems, text: TextBuilder): void {
  let last: { endX: number; y: number } | null = null;
  for (const item of items) {
    if (!('str' in item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = (Array.isArray(item.transform) ? item.transform : []).map(Number);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    if (last && item.str) {
      if (Math.abs(y - last.y) > size / 2) text.endParagraph();
      else if (x - last.endX > size * 0.15) text.space();
    }
    text.append(item.str);
    last = item.hasEOL ? null : { endX: x + (Number(item.width) || 0), y };
    if (item.hasEOL) text.endParagraph();
  }
}
