import { pseudoRandomBytes, scratchDir, zipFile } from '@kehittamo/server/testing';
import { ZipArchive } from './zip-archive';

describe('ZipArchive', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.remove());

  it('lists entries and reads one up to a byte cap', async () => {
    const zip = await ZipArchive.open(scratch.write('a.zip', zipFile({ 'a.txt': 'x'.repeat(100_000), 'b/c.xml': '<c/>' })));
    try {
      expect(zip.entries.map((entry) => entry.name)).toEqual(['a.txt', 'b/c.xml']);
      expect(zip.complete).toBe(true);
      expect((await zip.readSmall(zip.find('a.txt')!, 1000)).length).toBe(1000);
      expect((await zip.readSmall(zip.find('b/c.xml')!, 1000)).toString()).toBe('<c/>');
    } finally {
      zip.close();
    }
  });

  it('stops reading when asked to', async () => {
    const zip = await ZipArchive.open(scratch.write('b.zip', zipFile({ 'big.bin': pseudoRandomBytes(1_000_000) })));
    try {
      let calls = 0;
      const read = await zip.read(zip.find('big.bin')!, Infinity, () => ++calls < 2);
      expect(calls).toBe(2);
      expect(read).toBeLessThan(1_000_000);
    } finally {
      zip.close();
    }
  });

  it('lists at most the given number of entries, marking the listing incomplete', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, 'x']));
    const zip = await ZipArchive.open(scratch.write('c.zip', zipFile(files)), 10);
    expect(zip.entries).toHaveLength(10);
    expect(zip.complete).toBe(false);
    zip.close();
  });

  it('accepts entry names yauzl would refuse (nothing is written by name)', async () => {
    const zip = await ZipArchive.open(scratch.write('d.zip', zipFile({ '../../etc/passwd': 'x', '/abs': 'y' })));
    expect(zip.entries.map((entry) => entry.name)).toEqual(['../../etc/passwd', '/abs']);
    zip.close();
  });

  it('rejects a file that is not a zip', async () => {
    await expect(ZipArchive.open(scratch.write('e.zip', pseudoRandomBytes(1000)))).rejects.toThrow();
  });
});
