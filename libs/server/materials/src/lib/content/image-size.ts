export interface ImageSize {
  width: number;
  height: number;
}

export type RasterFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/**
 * The dimensions an image declares in its header, read without decoding it — so that a small
 * file declaring an enormous canvas (a decompression bomb) can be refused before a decoder
 * allocates it. Null when the header is missing, truncated or says 0.
 */
export function imageSize(head: Buffer, format: RasterFormat): ImageSize | null {
  const size = readSize(head, format);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function readSize(head: Buffer, format: RasterFormat): ImageSize | null {
  switch (format) {
    case 'png':
      return pngSize(head);
    case 'gif':
      return head.length >= 10 ? { width: head.readUInt16LE(6), height: head.readUInt16LE(8) } : null;
    case 'webp':
      return webpSize(head);
    case 'jpeg':
      return jpegSize(head);
  }
}

/** IHDR is always the first chunk. */
function pngSize(head: Buffer): ImageSize | null {
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X, which has the canvas size). */
function webpSize(head: Buffer): ImageSize | null {
  if (head.length < 30) return null;
  switch (head.toString('latin1', 12, 16)) {
    case 'VP8 ':
      return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
    case 'VP8L': {
      const bits = head.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 };
    default:
      return null;
  }
}

/** Walks the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(head: Buffer): ImageSize | null {
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan data before any frame
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return at + 9 <= head.length ? { width: head.readUInt16BE(at + 7), height: head.readUInt16BE(at + 5) } : null;
    const length = head.readUInt16BE(at + 2);
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}
