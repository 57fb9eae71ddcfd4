import { Logger } from '@nestjs/common';
import { ContentProcessor } from './content-processor';
import { docxFile, FINNISH_PARAGRAPHS, imageFile, pdfFile, pseudoRandomBytes, scratchDir } from '@kehittamo/server/testing';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// End to end through a real worker thread, started from the TypeScript source via swc.
describe('ContentProcessor', () => {
  const scratch = scratchDir();
  let processor: ContentProcessor;

  beforeAll(() => {
    Logger.overrideLogger(false); // worker restarts are logged as warnings
    processor = new ContentProcessor();
  });
  afterAll(async () => {
    await processor.close();
    scratch.remove();
  });

  it('extracts text and renders a preview on its worker', async () => {
    const pdf = scratch.write('a.pdf', await pdfFile([FINNISH_PARAGRAPHS]));
    const result = await processor.process(pdf, 'pdf');
    expect(result.text).toBe(FINNISH_PARAGRAPHS.join('\n'));
    expect(Buffer.isBuffer(result.preview)).toBe(true);
    expect(result.preview?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  }, 60_000);

  it('runs jobs given at once one after another, each with its own result', async () => {
    const docx = scratch.write('a.docx', await docxFile(['Ensimmäinen vanhemmuuteen']));
    const png = scratch.write('a.png', imageFile(900, 300, 'png'));
    const docx2 = scratch.write('b.docx', await docxFile(['Toinen perhetyöntekijöiden']));
    const [first, image, second] = await Promise.all([processor.process(docx, 'docx'), processor.process(png, 'png'), processor.process(docx2, 'docx')]);
    expect(first).toEqual({ text: 'Ensimmäinen vanhemmuuteen', preview: null });
    expect(image.text).toBe('');
    expect(image.preview?.readUInt32BE(16)).toBe(640);
    expect(second).toEqual({ text: 'Toinen perhetyöntekijöiden', preview: null });
  }, 60_000);

  it('rejects a job whose file cannot be read as its format, and goes on', async () => {
    const garbage = scratch.write('garbage.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), pseudoRandomBytes(4000)]));
    await expect(processor.process(garbage, 'pdf')).rejects.toThrow(/processing the file failed: ContentExtractionError: the PDF could not be read/);
    const docx = scratch.write('c.docx', await docxFile(['Yhä toimii']));
    expect((await processor.process(docx, 'docx')).text).toBe('Yhä toimii');
  }, 60_000);

  it('abandons a job that overruns its timeout, replacing the worker', async () => {
    const hasty = new ContentProcessor({ timeoutMs: 1 });
    try {
      const docx = scratch.write('d.docx', await docxFile(['Hei']));
      await expect(hasty.process(docx, 'docx')).rejects.toThrow(/job 1 took over 1 ms/);
      // The next job gets a fresh worker (and times out the same way, being as hasty).
      await expect(hasty.process(docx, 'docx')).rejects.toThrow(/job 2 took over 1 ms/);
    } finally {
      await hasty.close();
    }
  }, 60_000);

  it('fails waiting jobs when closed and refuses new ones', async () => {
    const closing = new ContentProcessor();
    const docx = scratch.write('e.docx', await docxFile(['Hei']));
    const running = expect(closing.process(docx, 'docx')).rejects.toThrow(/closed/);
    const waiting = expect(closing.process(docx, 'docx')).rejects.toThrow(/closed/);
    await closing.close();
    await Promise.all([running, waiting]);
    await expect(closing.process(docx, 'docx')).rejects.toThrow(/closed/);
  }, 60_000);
});
