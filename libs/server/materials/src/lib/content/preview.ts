import { MATERIAL_LIMITS, type FileFormat } from '@kehittamo/shared/domain';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { readHead } from './file-format';
import { imageSize, type ImageSize, type RasterFormat } from './image-size';
import { openPdf } from './pdf';
import { cutAt } from './text-builder';

/** The longest side of a preview, in pixels. */
export const PREVIEW_MAX_SIDE = 640;
/** Images declaring more pixels than this are not decoded (about 160 MB as RGBA). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** How far into an image its dimensions are looked for (a JPEG's frame header follows its metadata). */
const IMAGE_HEAD_BYTES = 1024 * 1024;

const RASTER_FORMATS: ReadonlySet<FileFormat> = new Set<RasterFormat>(['png', 'jpeg', 'gif', 'webp']);

/**
 * A PNG thumbnail, at most {@link PREVIEW_MAX_SIDE} pixels wide and tall, of an image or of a
 * PDF's first page; null for other formats and whenever no preview can be made (a broken file,
 * an image larger than {@link MAX_IMAGE_PIXELS}). A preview is a nicety: this never rejects.
 */
export async function renderPreview(path: string, format: FileFormat): Promise<Buffer | null> {
  try {
    if (format === 'pdf') return await renderPdfPage(path);
    if (RASTER_FORMATS.has(format)) return await renderImage(path, format as RasterFormat);
    return null;
  } catch {
    return null;
  }
}

async function renderImage(path: string, format: RasterFormat): Promise<Buffer | null> {
  const declared = imageSize(await readHead(path, IMAGE_HEAD_BYTES), format);
  if (!declared || declared.width * declared.height > MAX_IMAGE_PIXELS) return null;
  const image = await loadImage(await readFile(path));
  // The decoder's idea of the size is the one that counts from here on.
  if (!(image.width > 0 && image.height > 0) || image.width * image.height > MAX_IMAGE_PIXELS) return null;
  const { width, height } = fitWithin(image, PREVIEW_MAX_SIDE, false);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return canvas.encode('png');
}

/** What pdf.js's Node canvas factory hands out: canvases of its own @napi-rs/canvas copy. */
interface PdfCanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: unknown };
}

async function renderPdfPage(path: string): Promise<Buffer | null> {
  const pdf = await openPdf(new Uint8Array(await readFile(path)));
  try {
    const page = await pdf.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    if (!(natural.width > 0 && natural.height > 0)) return null;
    const target = fitWithin(natural, PREVIEW_MAX_SIDE, true);
    const viewport = page.getViewport({ scale: Math.min(target.width / natural.width, target.height / natural.height) });
    // pdfjs-dist depends on its own @napi-rs/canvas version: draw on a canvas from that copy,
    // through the factory pdf.js itself uses, never on one from ours.
    const { canvas, context } = (pdf.canvasFactory as PdfCanvasFactory).create(target.width, target.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as CanvasRenderingContext2D,
      viewport,
      background: 'white',
    }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await pdf.destroy();
  }
}

/** Whole-pixel dimensions within `max`×`max` keeping the aspect ratio (and at least 1×1). */
export function fitWithin(size: ImageSize, max: number, enlarge: boolean): ImageSize {
  const scale = Math.min(max / size.width, max / size.height, enlarge ? Infinity : 1);
  return {
    width: Math.min(max, Math.max(1, Math.round(size.width * scale))),
    height: Math.min(max, Math.max(1, Math.round(size.height * scale))),
  };
}

/**
 * The start of a text for lists: whitespace collapsed, at most MATERIAL_LIMITS.excerptMax
 * characters, cut at a word boundary with an ellipsis when the text is longer.
 */
export function excerptOf(text: string): string {
  const max = MATERIAL_LIMITS.excerptMax;
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const room = cutAt(flat, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // A very long "word" (a URL, a hash) is cut where it is rather than losing most of the room.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,.;:–-]+$/u, '')}…`;
}
