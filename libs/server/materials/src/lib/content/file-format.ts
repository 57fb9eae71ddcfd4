import type { FileFormat } from '@kehittamo/shared/domain';
import { open } from 'node:fs/promises';
import { ZipArchive } from './zip-archive';

/**
 * How many leading bytes {@link sniffHead} wants. More than it reads today (the ftyp box's
 * compatible brands), so an upload can be checked as soon as this much has arrived.
 */
export const HEAD_BYTES = 4100;

/** ODF declares its type in an uncompressed `mimetype` entry; anything longer is not one. */
const MIMETYPE_MAX_BYTES = 100;

const ODF_MIMETYPES: Readonly<Record<string, FileFormat>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

/** The main part of each OOXML format (beside `[Content_Types].xml`). */
const OOXML_MAIN_PARTS: readonly (readonly [string, FileFormat])[] = [
  ['word/document.xml', 'docx'],
  ['ppt/presentation.xml', 'pptx'],
  ['xl/workbook.xml', 'xlsx'],
];

/** ISO base media brands (the `ftyp` box) of ordinary MP4 video. */
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'mp71',
  'avc1', 'av01', 'dash', 'M4V ', 'M4VH', 'M4VP', 'f4v ', 'MSNV', 'XAVC', 'mmp4',
]);
const M4A_BRANDS = new Set(['M4A ', 'M4B ']);
const MOV_BRANDS = new Set(['qt  ']);
/** HEIF/AVIF images share the container with video; they are not on the allow-list. */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'mif2', 'msf1', 'miaf']);

/**
 * The format of a file from its first bytes (at least 64 of them when the file has that many).
 * `'zip'` means "a zip archive: ask {@link classifyZip}". Anything not on the allow-list — HTML,
 * SVG, scripts, executables, plain text — gives null.
 */
export function sniffHead(head: Buffer): FileFormat | 'zip' | null {
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWithBytes(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWithBytes(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(head, 'RIFF') && ascii(head, 8, 4) === 'WAVE') return 'wav';
  if (startsWith(head, 'OggS')) return 'ogg';
  if (startsWithBytes(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (startsWithBytes(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (ascii(head, 4, 4) === 'ftyp') return isoMediaFormat(head);
  if (isId3Tag(head) || isMpegAudioFrame(head)) return 'mp3';
  return null;
}

/**
 * The office format of a zip archive, from its entries: OOXML by its parts, ODF by the content
 * of its `mimetype` entry. Reads only the central directory and that one small entry. Any other
 * zip, a macro-carrying one, and a corrupt one give null; it never rejects.
 */
export async function classifyZip(path: string): Promise<FileFormat | null> {
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(path);
  } catch {
    return null;
  }
  try {
    if (!archive.complete) return null;
    const names = new Set(archive.entries.map((entry) => entry.name));
    // Macros (vbaProject.bin) make a .docm/.pptm/.xlsm, whatever the file is called.
    if ([...names].some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return null;
    if (names.has('[Content_Types].xml')) {
      const ooxml = OOXML_MAIN_PARTS.find(([part]) => names.has(part));
      if (ooxml) return ooxml[1];
    }
    const mimetype = archive.find('mimetype');
    if (!mimetype) return null;
    const declared = (await archive.readSmall(mimetype, MIMETYPE_MAX_BYTES + 1)).toString('latin1');
    if (declared.length > MIMETYPE_MAX_BYTES) return null;
    return ODF_MIMETYPES[declared] ?? null;
  } catch {
    return null;
  } finally {
    archive.close();
  }
}

/**
 * The allow-listed format of a file on disk, or null. Reads the first {@link HEAD_BYTES} bytes
 * and, for zips, the directory. Rejects only when the file itself cannot be read.
 */
export async function detectFileFormat(path: string): Promise<FileFormat | null> {
  const head = await readHead(path, HEAD_BYTES);
  const sniffed = sniffHead(head);
  return sniffed === 'zip' ? classifyZip(path) : sniffed;
}

export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    let filled = 0;
    while (filled < bytes) {
      const { bytesRead } = await file.read(buffer, filled, bytes - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}

/** MP4, M4A or MOV from the `ftyp` box: the major brand, else the compatible brands. */
function isoMediaFormat(head: Buffer): FileFormat | null {
  const boxSize = head.length >= 4 ? head.readUInt32BE(0) : 0;
  const major = ascii(head, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) compatible.push(ascii(head, at, 4));
  const brands = [major, ...compatible];
  if (brands.some((brand) => IMAGE_BRANDS.has(brand))) return null;
  for (const brand of brands) {
    if (M4A_BRANDS.has(brand)) return 'm4a';
    if (MOV_BRANDS.has(brand)) return 'mov';
    if (MP4_BRANDS.has(brand)) return 'mp4';
  }
  return null;
}

function isId3Tag(head: Buffer): boolean {
  // "ID3", a major version 2–4, a revision that is never 0xFF.
  return startsWith(head, 'ID3') && head.length >= 5 && head[3] >= 2 && head[3] <= 4 && head[4] !== 0xff;
}

/**
 * An MPEG audio frame header: 11 sync bits, then no reserved version, bitrate or sample rate.
 * Only Layers II and III: Layer I is all but unused, and accepting it would let UTF-16 text
 * (its byte-order mark FF FE reads as a Layer I header) pass as audio.
 */
function isMpegAudioFrame(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0xff || (head[1] & 0xe0) !== 0xe0) return false;
  const version = (head[1] >> 3) & 0b11;
  const layer = (head[1] >> 1) & 0b11;
  const bitrate = head[2] >> 4;
  const sampleRate = (head[2] >> 2) & 0b11;
  return version !== 0b01 && (layer === 0b01 || layer === 0b10) && bitrate !== 0 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

function startsWith(head: Buffer, text: string): boolean {
  return ascii(head, 0, text.length) === text;
}

function startsWithBytes(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

function ascii(head: Buffer, offset: number, length: number): string {
  return head.length >= offset + length ? head.toString('latin1', offset, offset + length) : '';
}
