// Material test files built in memory: real DOCX, PDF, PPTX, ODF and images, spoofs and scratch folders (tests only).
import { createCanvas } from '@napi-rs/canvas';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export const FINNISH_PARAGRAPHS = [
  'Tukea vanhemmuuteen ja parisuhteeseen.',
  'Perhetyöntekijöiden koulutus: äitien ja isien hyvinvointi, öisin & päivisin.',
];

/** A scratch folder for fixture files; `remove()` in afterAll. */
export function scratchDir(): { write(name: string, data: Uint8Array | string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'materials-content-'));
  let count = 0;
  return {
    write(name, data) {
      const path = join(dir, `${++count}-${name.replace(/[^\w.-]+/g, '_')}`);
      writeFileSync(path, data);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A DOCX from the docx package; a paragraph given as an array becomes separate runs. */
export async function docxFile(paragraphs: (string | string[])[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (paragraph) => new Paragraph({ children: (Array.isArray(paragraph) ? paragraph : [paragraph]).map((text) => new TextRun(text)) }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A PDF from pdfkit in the standard Helvetica font (no embedded font), one array per page. */
export function pdfFile(pages: string[][], options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, userPassword: options.userPassword, info: { Title: 'Testi' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage();
      doc.font('Helvetica').fontSize(14);
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}

export function zipFile(files: Record<string, string | Uint8Array>, options: { store?: string[] } = {}): Buffer {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? strToU8(content) : content;
    entries[name] = options.store?.includes(name) ? [data, { level: 0 }] : data;
  }
  return Buffer.from(zipSync(entries));
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A minimal PPTX: the parts that identify it, one slide part per array (paragraphs of runs). */
export function pptxFile(slides: string[][][], slideOrder?: number[]): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    'ppt/presentation.xml': '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  };
  const numbers = slideOrder ?? slides.map((_, i) => i + 1);
  // Written in reverse so that the zip's own order is not the slide order.
  for (let i = slides.length - 1; i >= 0; i--) {
    const paragraphs = slides[i]
      .map((runs) => `<a:p>${runs.map((run) => `<a:r><a:rPr lang="fi-FI"/><a:t>${run}</a:t></a:r>`).join('')}</a:p>`)
      .join('');
    files[`ppt/slides/slide${numbers[i]}.xml`] =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">' +
      `<p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/>${paragraphs}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  }
  return zipFile(files);
}

export function xlsxFile(): Buffer {
  return zipFile({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });
}

/** An ODF package: `mimetype` first and stored, as the format requires, then `content.xml`. */
export function odfFile(mimetype: string, body = '<office:text><text:p>Hei</text:p></office:text>'): Buffer {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
    `<office:body>${body}</office:body></office:document-content>`;
  return zipFile({ mimetype, 'content.xml': content, 'META-INF/manifest.xml': '<manifest:manifest/>' }, { store: ['mimetype'] });
}

/** An image of the given size in a format @napi-rs/canvas encodes. */
export function imageFile(width: number, height: number, format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif'): Buffer {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#1f6feb';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.encodeSync(format as 'png');
}

/** A PNG signature and IHDR declaring any size, followed by nothing useful. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

/** Bytes with a fixed seed, so a failure can be reproduced. */
export function pseudoRandomBytes(length: number, seed = 42): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}
