import type { FileFormat } from '@kehittamo/shared/domain';
import { classifyZip, detectFileFormat, HEAD_BYTES, sniffHead } from './file-format';
import { docxFile, imageFile, odfFile, pptxFile, pseudoRandomBytes, scratchDir, xlsxFile, zipFile } from '@kehittamo/server/testing';

type Part = string | number[] | Buffer;
const bytes = (...parts: Part[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
/** A head padded to 64 bytes, as an upload's first chunk would be. */
const head = (...parts: Part[]) => {
  const start = bytes(...parts);
  return Buffer.concat([start, Buffer.alloc(Math.max(0, 64 - start.length))]);
};
const ftyp = (major: string, ...compatible: string[]) => {
  const box = bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 2, 0], ...compatible);
  return Buffer.concat([box, bytes([0, 0, 0, 8], 'free')]);
};

describe('sniffHead', () => {
  it.each<[string, Buffer, FileFormat | 'zip']>([
    ['PDF', head('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'pdf'],
    ['PNG', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
    ['JPEG', head([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpeg'],
    ['GIF87a', head('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', head('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['WebP', head('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['WAV', head('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'wav'],
    ['Ogg', head('OggS', [0, 2]), 'ogg'],
    ['MP3 with an ID3 tag', head('ID3', [4, 0, 0, 0, 0, 0x10, 0]), 'mp3'],
    ['MP3 frame (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz)', head([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
    ['MPEG-2 Layer III frame', head([0xff, 0xf3, 0x48, 0xc4]), 'mp3'],
    ['M4A', head(ftyp('M4A ', 'M4A ', 'mp42', 'isom')), 'm4a'],
    ['MOV', head(ftyp('qt  ', 'qt  ')), 'mov'],
    ['MP4 (isom)', head(ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41')), 'mp4'],
    ['MP4 (mp42)', head(ftyp('mp42', 'mp42', 'isom')), 'mp4'],
    ['MP4 (dash)', head(ftyp('dash', 'iso6', 'mp41')), 'mp4'],
    ['MP4 with an unknown major brand but a known compatible one', head(ftyp('xyzw', 'isom')), 'mp4'],
    ['WebM', head([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], 'B\x82\x84webm'), 'webm'],
    ['zip', head('PK', [3, 4, 20, 0]), 'zip'],
  ])('recognises %s', (_name, data, expected) => {
    expect(sniffHead(data)).toBe(expected);
  });

  it.each<[string, Buffer]>([
    ['HTML', head('<!DOCTYPE html><html><script>alert(1)</script>')],
    ['HTML behind a byte-order mark', head([0xef, 0xbb, 0xbf], '<html>')],
    ['UTF-16 text with a byte-order mark', Buffer.from('\ufeffhello world', 'utf16le')],
    ['SVG', head('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a shell script', head('#!/bin/sh\nrm -rf /\n')],
    ['a Windows executable', head('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ['an ELF executable', head([0x7f], 'ELF', [2, 1, 1])],
    ['plain text', head('Hei maailma, tämä on tekstiä.')],
    ['a truncated PDF signature', Buffer.from('%PDF')],
    ['a PDF signature not at the start', head(' %PDF-1.4')],
    ['an empty file', Buffer.alloc(0)],
    ['a RIFF file of another kind (AVI)', head('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['an AVIF image (ISO media, image brand)', imageFile(8, 8, 'avif')],
    ['a HEIC image', head(ftyp('heic', 'mif1', 'heic'))],
    ['an unknown ISO media brand', head(ftyp('abcd', 'efgh'))],
    ['an ADTS AAC frame (MPEG sync, layer 0)', head([0xff, 0xf1, 0x50, 0x80])],
    ['an MPEG frame with a reserved sample rate', head([0xff, 0xfb, 0x9c, 0x64])],
    ['an MPEG frame with the bad bitrate', head([0xff, 0xfb, 0xf0, 0x64])],
    ['an empty zip (end of directory only)', head('PK', [5, 6])],
    ['an ID3 tag with an impossible version', head('ID3', [9, 0, 0])],
  ])('refuses %s', (_name, data) => {
    expect(sniffHead(data)).toBeNull();
  });

  it('refuses random bytes', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const data = pseudoRandomBytes(HEAD_BYTES, seed);
      data[0] = data[0] === 0xff ? 0 : data[0]; // keep clear of a chance MPEG sync
      expect(sniffHead(data)).toBeNull();
    }
  });

  it('recognises real images encoded by @napi-rs/canvas', () => {
    expect(sniffHead(imageFile(4, 4, 'png'))).toBe('png');
    expect(sniffHead(imageFile(4, 4, 'jpeg'))).toBe('jpeg');
    expect(sniffHead(imageFile(4, 4, 'webp'))).toBe('webp');
    expect(sniffHead(imageFile(4, 4, 'gif'))).toBe('gif');
  });
});

describe('classifyZip and detectFileFormat', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it('recognises a DOCX written by the docx package', async () => {
    const path = scratch.write('document.bin', await docxFile(['Hei']));
    expect(await classifyZip(path)).toBe('docx');
    expect(await detectFileFormat(path)).toBe('docx');
  });

  it.each<[string, () => Buffer, FileFormat]>([
    ['PPTX', () => pptxFile([[['Dia']]]), 'pptx'],
    ['XLSX', () => xlsxFile(), 'xlsx'],
    ['ODT', () => odfFile('application/vnd.oasis.opendocument.text'), 'odt'],
    ['ODP', () => odfFile('application/vnd.oasis.opendocument.presentation'), 'odp'],
    ['ODS', () => odfFile('application/vnd.oasis.opendocument.spreadsheet'), 'ods'],
  ])('recognises %s by its entries', async (name, build, expected) => {
    const path = scratch.write(`${name}.zip`, build());
    expect(await detectFileFormat(path)).toBe(expected);
  });

  it.each<[string, () => Buffer]>([
    ['a plain zip', () => zipFile({ 'readme.txt': 'hello', 'index.html': '<script>alert(1)</script>' })],
    ['an ODF template (another ODF type)', () => odfFile('application/vnd.oasis.opendocument.text-template')],
    ['an ODF graphics file', () => odfFile('application/vnd.oasis.opendocument.graphics')],
    ['an EPUB', () => zipFile({ mimetype: 'application/epub+zip', 'META-INF/container.xml': '<container/>' }, { store: ['mimetype'] })],
    ['an overlong mimetype', () => zipFile({ mimetype: `application/vnd.oasis.opendocument.text${' '.repeat(200)}` })],
    ['word/document.xml without [Content_Types].xml', () => zipFile({ 'word/document.xml': '<w:document/>' })],
    ['a macro-enabled Word file', () => zipFile({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'macro' })],
  ])('refuses %s', async (name, build) => {
    const path = scratch.write(`${name}.zip`, build());
    expect(await detectFileFormat(path)).toBeNull();
  });

  it('returns null for corrupt and truncated zips instead of throwing', async () => {
    const docx = await docxFile(['Hei']);
    const truncated = scratch.write('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2)));
    const garbage = scratch.write('garbage.zip', Buffer.concat([Buffer.from('PK\x03\x04'), pseudoRandomBytes(10_000)]));
    const directoryBroken = Buffer.from(docx);
    directoryBroken.write('XXXX', directoryBroken.lastIndexOf(Buffer.from('PK\x01\x02')), 'latin1');
    const broken = scratch.write('broken.docx', directoryBroken);
    expect(await detectFileFormat(truncated)).toBeNull();
    expect(await detectFileFormat(garbage)).toBeNull();
    expect(await detectFileFormat(broken)).toBeNull();
    expect(await classifyZip(scratch.write('empty', ''))).toBeNull();
  });

  it('judges by content, never by name: HTML called .pdf is refused', async () => {
    expect(await detectFileFormat(scratch.write('invoice.pdf', '<html><body onload="alert(1)">'))).toBeNull();
    expect(await detectFileFormat(scratch.write('empty.pdf', ''))).toBeNull();
    expect(await detectFileFormat(scratch.write('photo.txt', imageFile(3, 3, 'png')))).toBe('png');
  });

  it('rejects when the file cannot be read at all', async () => {
    await expect(detectFileFormat(scratch.write('x', '') + '-missing')).rejects.toThrow(/ENOENT/);
  });
});
