import { imageSize } from './image-size';
import { imageFile, pngHeader } from '@kehittamo/server/testing';

describe('imageSize', () => {
  it('reads the size each format declares', () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
      expect(imageSize(imageFile(321, 123, format), format)).toEqual({ width: 321, height: 123 });
    }
  });

  it('reads lossless and extended WebP headers', () => {
    const lossless = Buffer.alloc(30);
    lossless.write('RIFF', 0, 'latin1');
    lossless.write('WEBPVP8L', 8, 'latin1');
    lossless[20] = 0x2f;
    lossless.writeUInt32LE((1000 - 1) | ((500 - 1) << 14), 21);
    expect(imageSize(lossless, 'webp')).toEqual({ width: 1000, height: 500 });
    const extended = Buffer.alloc(30);
    extended.write('RIFF', 0, 'latin1');
    extended.write('WEBPVP8X', 8, 'latin1');
    extended.writeUIntLE(20_000 - 1, 24, 3);
    extended.writeUIntLE(30_000 - 1, 27, 3);
    expect(imageSize(extended, 'webp')).toEqual({ width: 20_000, height: 30_000 });
  });

  it('finds a JPEG frame header behind metadata segments and fill bytes', () => {
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x10, 0x02]), Buffer.alloc(0x1000)]);
    const sof2 = Buffer.from([0xff, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03]);
    expect(imageSize(Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof2, Buffer.alloc(20)]), 'jpeg')).toEqual({ width: 4000, height: 3000 });
  });

  it('gives null for truncated, zero-sized and malformed headers', () => {
    expect(imageSize(pngHeader(0, 10), 'png')).toBeNull();
    expect(imageSize(pngHeader(10, 10).subarray(0, 20), 'png')).toBeNull();
    expect(imageSize(Buffer.from('GIF89a'), 'gif')).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]), 'jpeg')).toBeNull(); // scan before any frame
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]), 'jpeg')).toBeNull(); // impossible length
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0]), 'jpeg')).toBeNull(); // not a marker
    expect(imageSize(Buffer.alloc(0), 'webp')).toBeNull();
  });
});
