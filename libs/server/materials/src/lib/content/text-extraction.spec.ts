import { MATERIAL_LIMITS } from '@kehittamo/shared/domain';
import { ContentExtractionError, extractText, MAX_ENTRY_BYTES } from './text-extraction';
import { docxFile, FINNISH_PARAGRAPHS, imageFile, odfFile, pdfFile, pptxFile, pseudoRandomBytes, scratchDir, zipFile } from '@kehittamo/server/testing';

const ODT = 'application/vnd.oasis.opendocument.text';

describe('extractText', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  describe('DOCX', () => {
    it('gives the Finnish text, one paragraph a line', async () => {
      const path = scratch.write('a.docx', await docxFile(FINNISH_PARAGRAPHS));
      expect(await extractText(path, 'docx')).toBe(FINNISH_PARAGRAPHS.join('\n'));
    });

    it('joins a word split over runs and keeps the spaces between runs', async () => {
      const path = scratch.write('runs.docx', await docxFile([['Tukea vanhem', 'muuteen', ' ja ', 'perhe', 'työhön'], ['<script> & "lainaus"']]));
      expect(await extractText(path, 'docx')).toBe('Tukea vanhemmuuteen ja perhetyöhön\n<script> & "lainaus"');
    });

    it('reads tabs and breaks, decodes entities and leaves out deleted text and field codes', async () => {
      const xml =
        '<?xml version="1.0"?><w:document xmlns:w="w"><w:body>' +
        '<w:p><w:r><w:t>Yksi</w:t><w:tab/><w:t>kaksi</w:t><w:br/><w:t xml:space="preserve">kolme &amp; nelj&#228; &#x00F6;ljy &lt;b&gt;</w:t></w:r></w:p>' +
        '<w:p><w:del><w:r><w:delText>poistettu</w:delText></w:r></w:del><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText><w:t>jää</w:t></w:r></w:p>' +
        '<w:p></w:p><w:p><w:r><w:t>   </w:t></w:r></w:p>' +
        '<w:p><w:r><w:t><![CDATA[a < b]]></w:t><!-- <w:t>kommentti</w:t> --></w:r></w:p>' +
        '</w:body></w:document>';
      const path = scratch.write('hand.docx', zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml }));
      expect(await extractText(path, 'docx')).toBe('Yksi kaksi\nkolme & neljä öljy <b>\njää\na < b');
    });

    it('caps what it inflates from one entry (a zip bomb gives its first 50 MB, quickly)', async () => {
      const filler = '<w:p/>'.repeat(Math.ceil((MAX_ENTRY_BYTES + 1024 * 1024) / 6));
      const xml = `<w:document><w:body><w:p><w:r><w:t>alku</w:t></w:r></w:p>${filler}<w:p><w:r><w:t>loppu</w:t></w:r></w:p></w:body></w:document>`;
      const zip = zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml });
      expect(zip.length).toBeLessThan(1024 * 1024); // highly compressible: a bomb in miniature
      const path = scratch.write('bomb.docx', zip);
      const started = Date.now();
      expect(await extractText(path, 'docx')).toBe('alku');
      expect(Date.now() - started).toBeLessThan(15_000);
    }, 30_000);

    it('stops at MATERIAL_LIMITS.extractedTextMax characters', async () => {
      const paragraph = `<w:p><w:r><w:t>${'sana '.repeat(2000)}</w:t></w:r></w:p>`;
      const xml = `<w:document><w:body>${paragraph.repeat(120)}</w:body></w:document>`;
      const path = scratch.write('long.docx', zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml }));
      const text = await extractText(path, 'docx');
      expect(text.length).toBeLessThanOrEqual(MATERIAL_LIMITS.extractedTextMax);
      expect(text.length).toBeGreaterThan(MATERIAL_LIMITS.extractedTextMax - 10);
    });

    it('keeps the text before corrupt compressed data', async () => {
      const xml = `<w:document><w:body><w:p><w:r><w:t>Ehjä alku</w:t></w:r></w:p>${'<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(20_000)}</w:body></w:document>`;
      const zip = zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml });
      const data = zip.indexOf('word/document.xml') + 'word/document.xml'.length;
      pseudoRandomBytes(200).copy(zip, data + 400); // mangle the deflate stream part way
      const text = await extractText(scratch.write('corrupt.docx', zip), 'docx');
      expect(text.startsWith('Ehjä alku')).toBe(true);
    });

    it('rejects with a ContentExtractionError when the file is not a zip at all', async () => {
      const docx = await docxFile(['Hei']);
      await expect(extractText(scratch.write('random.docx', pseudoRandomBytes(5000)), 'docx')).rejects.toBeInstanceOf(ContentExtractionError);
      await expect(extractText(scratch.write('half.docx', docx.subarray(0, docx.length / 2)), 'docx')).rejects.toThrow(/not a readable zip/);
    });

    it('gives empty text when the main part is missing', async () => {
      expect(await extractText(scratch.write('parts.docx', zipFile({ '[Content_Types].xml': '<Types/>' })), 'docx')).toBe('');
    });
  });

  describe('PDF', () => {
    it('gives the Finnish text of every page, one line a line', async () => {
      const path = scratch.write('a.pdf', await pdfFile([FINNISH_PARAGRAPHS, ['Toinen sivu: öljyä ja ääntä.']]));
      expect(await extractText(path, 'pdf')).toBe([...FINNISH_PARAGRAPHS, 'Toinen sivu: öljyä ja ääntä.'].join('\n'));
    });

    it('puts spaces between words drawn as separate runs on one line', async () => {
      const pdf = await new Promise<Buffer>((resolve) => {
        // pdfkit's `continued` text is laid out as separate text objects on the same baseline.
        import('pdfkit').then(({ default: PDFDocument }) => {
          const doc = new PDFDocument();
          const chunks: Buffer[] = [];
          doc.on('data', (chunk: Buffer) => chunks.push(chunk));
          doc.on('end', () => resolve(Buffer.concat(chunks)));
          doc.font('Helvetica').text('Perhe', 72, 72, { lineBreak: false });
          doc.text('keskus', 200, 72, { lineBreak: false });
          doc.end();
        });
      });
      expect(await extractText(scratch.write('gap.pdf', pdf), 'pdf')).toBe('Perhe keskus');
    });

    it('gives empty text for an encrypted PDF', async () => {
      const path = scratch.write('locked.pdf', await pdfFile([['Salainen']], { userPassword: 'salasana' }));
      expect(await extractText(path, 'pdf')).toBe('');
    });

    it('rejects with a ContentExtractionError for bytes that are not a PDF, without hanging', async () => {
      const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), pseudoRandomBytes(20_000)]);
      await expect(extractText(scratch.write('garbage.pdf', garbage), 'pdf')).rejects.toBeInstanceOf(ContentExtractionError);
      await expect(extractText(scratch.write('empty.pdf', ''), 'pdf')).rejects.toThrow(/the PDF could not be read/);
    });

    it('still reads a PDF whose end (xref, trailer) is cut off', async () => {
      const pdf = await pdfFile([['Katkaistu tiedosto vanhemmuuteen']]);
      const cut = pdf.subarray(0, pdf.lastIndexOf(Buffer.from('xref')));
      expect(await extractText(scratch.write('cut.pdf', cut), 'pdf')).toBe('Katkaistu tiedosto vanhemmuuteen');
    });
  });

  describe('PPTX', () => {
    it('reads the slides in numeric order (slide10 after slide9), one paragraph a line', async () => {
      const slides = Array.from({ length: 11 }, (_, i) => [[`Dia ${i + 1}: `, 'vanhemmuuteen'], ['perhetyöntekijöiden']]);
      const path = scratch.write('a.pptx', pptxFile(slides));
      const expected = slides.map((_, i) => `Dia ${i + 1}: vanhemmuuteen\nperhetyöntekijöiden`).join('\n');
      expect(await extractText(path, 'pptx')).toBe(expected);
    });

    it('decodes entities in runs', async () => {
      const path = scratch.write('b.pptx', pptxFile([[['A &amp; B &lt;3 &#8211; ok']]]));
      expect(await extractText(path, 'pptx')).toBe('A & B <3 – ok');
    });
  });

  describe('ODT and ODP', () => {
    it('reads headings and paragraphs with spans, spaces, tabs and line breaks', async () => {
      const body =
        '<office:text><text:h text:outline-level="1">Perhe<text:span text:style-name="T1">työ</text:span></text:h>' +
        '<text:p>Tukea<text:s text:c="3"/>vanhemmuuteen<text:tab/>ja<text:line-break/>perhetyöntekijöiden &amp; äitien</text:p>' +
        '<text:p>Kommentti<office:annotation><dc:creator>Maija</dc:creator><text:p>huomio</text:p></office:annotation> ohitetaan</text:p>' +
        '<table:table><table:table-row><table:table-cell><text:p>Solu</text:p></table:table-cell></table:table-row></table:table></office:text>';
      const path = scratch.write('a.odt', odfFile(ODT, body));
      expect(await extractText(path, 'odt')).toBe('Perhetyö\nTukea vanhemmuuteen ja\nperhetyöntekijöiden & äitien\nKommentti ohitetaan\nSolu');
    });

    it('reads an ODP the same way', async () => {
      const body = '<office:presentation><draw:page><draw:frame><draw:text-box><text:p>Dia öljystä</text:p></draw:text-box></draw:frame></draw:page></office:presentation>';
      const path = scratch.write('a.odp', odfFile('application/vnd.oasis.opendocument.presentation', body));
      expect(await extractText(path, 'odp')).toBe('Dia öljystä');
    });
  });

  it('gives empty text for formats without text', async () => {
    const path = scratch.write('a.png', imageFile(2, 2, 'png'));
    expect(await extractText(path, 'png')).toBe('');
    expect(await extractText(path, 'xlsx')).toBe('');
    expect(await extractText(path, 'mp4')).toBe('');
  });
});
