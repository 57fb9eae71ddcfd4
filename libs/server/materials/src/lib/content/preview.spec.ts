import { MATERIAL_LIMITS } from '@kehittamo/shared/domain';
import { loadImage } from '@napi-rs/canvas';
import { excerptOf, fitWithin, renderPreview } from './preview';
import { docxFile, FINNISH_PARAGRAPHS, imageFile, pdfFile, pngHeader, pseudoRandomBytes, scratchDir } from '@kehittamo/server/testing';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('renderPreview', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it('shrinks a large PNG to 640 px keeping its aspect ratio', async () => {
    const preview = await renderPreview(scratch.write('wide.png', imageFile(1600, 800, 'png')), 'png');
    expect(preview?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(preview!)).toEqual({ width: 640, height: 320 });
  });

  it('shrinks a tall image by its height', async () => {
    const preview = await renderPreview(scratch.write('tall.jpg', imageFile(300, 1200, 'jpeg')), 'jpeg');
    expect(pngSize(preview!)).toEqual({ width: 160, height: 640 });
  });

  it('leaves a small image at its size, as PNG', async () => {
    for (const format of ['png', 'jpeg', 'webp', 'gif'] as const) {
      const preview = await renderPreview(scratch.write(`small.${format}`, imageFile(120, 90, format)), format);
      expect(preview?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(preview!)).toEqual({ width: 120, height: 90 });
    }
  });

  it('refuses, quickly and without decoding, a PNG declaring 100000 × 100000 pixels', async () => {
    const started = Date.now();
    expect(await renderPreview(scratch.write('bomb.png', pngHeader(100_000, 100_000)), 'png')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives null for a broken image instead of throwing', async () => {
    const png = imageFile(50, 50, 'png');
    const broken = Buffer.concat([png.subarray(0, 40), pseudoRandomBytes(500)]);
    expect(await renderPreview(scratch.write('broken.png', broken), 'png')).toBeNull();
    expect(await renderPreview(scratch.write('empty.jpg', ''), 'jpeg')).toBeNull();
    expect(await renderPreview(scratch.write('random.webp', pseudoRandomBytes(2000)), 'webp')).toBeNull();
  });

  it('renders the first page of a PDF with its text visible', async () => {
    const preview = await renderPreview(scratch.write('a.pdf', await pdfFile([FINNISH_PARAGRAPHS, ['Sivu 2']])), 'pdf');
    expect(preview?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // A Letter page (612 × 792 pt) fitted into 640 × 640.
    expect(pngSize(preview!)).toEqual({ width: 495, height: 640 });
    const image = await loadImage(preview!);
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let dark = 0;
    let white = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] < 100 && pixels[i + 3] > 0) dark++;
      if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white++;
    }
    expect(dark).toBeGreaterThan(200); // the text was drawn (the standard fonts were found)
    expect(white).toBeGreaterThan(pixels.length / 4 / 2); // on a white page
  });

  it('gives null for a PDF it cannot open and for formats without a preview', async () => {
    expect(await renderPreview(scratch.write('bad.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), pseudoRandomBytes(3000)])), 'pdf')).toBeNull();
    expect(await renderPreview(scratch.write('a.docx', await docxFile(['Hei'])), 'docx')).toBeNull();
    expect(await renderPreview(scratch.write('a.mp4', 'x'), 'mp4')).toBeNull();
  });
});

describe('fitWithin', () => {
  it('keeps the aspect ratio, whole pixels, at least one pixel', () => {
    expect(fitWithin({ width: 6400, height: 10 }, 640, false)).toEqual({ width: 640, height: 1 });
    expect(fitWithin({ width: 100, height: 50 }, 640, true)).toEqual({ width: 640, height: 320 });
    expect(fitWithin({ width: 100, height: 50 }, 640, false)).toEqual({ width: 100, height: 50 });
  });
});

describe('excerptOf', () => {
  const max = MATERIAL_LIMITS.excerptMax;

  it('returns a short text whole, whitespace collapsed', () => {
    expect(excerptOf('  Tukea\n\nvanhemmuuteen\tja   perheille ')).toBe('Tukea vanhemmuuteen ja perheille');
  });

  it('cuts a long text at a word boundary with an ellipsis, within the limit', () => {
    const text = Array.from({ length: 200 }, (_, i) => `perhetyöntekijöiden${i}`).join(' ');
    const excerpt = excerptOf(text);
    expect(excerpt.length).toBeLessThanOrEqual(max);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(text.charAt(excerpt.length - 1)).toBe(' '); // the cut fell between words
  });

  it('cuts one enormous word where it must, without splitting a surrogate pair', () => {
    const excerpt = excerptOf('😀'.repeat(1000));
    expect(excerpt.length).toBeLessThanOrEqual(max);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.slice(0, -1)).toBe('😀'.repeat((excerpt.length - 1) / 2));
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    const text = `${'sana '.repeat(76)}loppu, ${'x'.repeat(50)}`;
    expect(excerptOf(text)).toMatch(/loppu…$/);
  });
});
