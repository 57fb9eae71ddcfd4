import type { FileFormat } from '@kehittamo/shared/domain';
import { detectFileFormat } from './file-format';
import { renderPreview } from './preview';
import { ContentExtractionError, extractText } from './text-extraction';
import { docxFile, imageFile, odfFile, pdfFile, pptxFile, pseudoRandomBytes, scratchDir } from '@kehittamo/server/testing';

/** Damages a valid file deterministically: a few bytes overwritten, sometimes zeroed or cut short. */
function damage(base: Buffer, seed: number): Buffer {
  const data = Buffer.from(base);
  const noise = pseudoRandomBytes(16, seed);
  for (let k = 0; k < 8; k++) data[(noise[k * 2] * 257 + noise[k * 2 + 1] * seed * 31) % data.length] = noise[(k + 3) % 16];
  if (seed % 5 === 0) data.fill(0, Math.floor(data.length * (seed / 30)));
  return seed % 4 === 0 ? data.subarray(0, data.length - seed * 7) : data;
}

describe('damaged files', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it('never make detection, extraction or previews throw anything unexpected', async () => {
    const bases: [FileFormat, Buffer][] = [
      ['docx', await docxFile(['Hei maailma', 'toinen kappale'])],
      ['pdf', await pdfFile([['Hei maailma'], ['toinen sivu']])],
      ['pptx', pptxFile([[['yksi']], [['kaksi']]])],
      ['odt', odfFile('application/vnd.oasis.opendocument.text')],
      ['png', imageFile(50, 40, 'png')],
      ['jpeg', imageFile(50, 40, 'jpeg')],
      ['gif', imageFile(50, 40, 'gif')],
      ['webp', imageFile(50, 40, 'webp')],
    ];
    for (const [format, base] of bases) {
      for (let seed = 1; seed <= 20; seed++) {
        const path = scratch.write(`${format}-${seed}`, damage(base, seed));
        await detectFileFormat(path);
        await extractText(path, format).catch((error: unknown) => expect(error).toBeInstanceOf(ContentExtractionError));
        const preview = await renderPreview(path, format);
        if (preview) expect(preview.readUInt32BE(16)).toBeLessThanOrEqual(640);
      }
    }
  }, 60_000);
});
