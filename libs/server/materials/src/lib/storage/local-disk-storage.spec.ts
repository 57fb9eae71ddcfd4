import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk-storage';
import { ObjectNotFoundError, storageKeys } from './object-storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kh-storage-'));
    storage = new LocalDiskStorage(join(root, 'objects'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('moves a finished file in, reads it back and deletes it', async () => {
    const source = join(root, 'upload.tmp');
    await writeFile(source, 'sisältö');
    const key = storageKeys.file('7b0c6a9e-2a4c-4a39-9a4e-0d9f7c1b2a11', '0b6f1c5e-8d3a-4f6b-9c2d-1e5a7b9c3d4f');
    await storage.putFile(key, source);
    expect(await text(await storage.read(key))).toBe('sisältö');
    await expect(readFile(source)).rejects.toThrow();
    await storage.delete(key);
    await expect(storage.read(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage.delete(key); // a missing object is not an error
  });

  it('refuses keys that could leave the storage folder or carry a name', async () => {
    for (const key of ['../etc/passwd', 'materials/../../x', '/abs/path', 'materials/Perhetyön opas.pdf', 'a//b', '']) {
      await expect(storage.putBuffer(key, Buffer.from('x'))).rejects.toThrow(/Invalid storage key|leaves/);
    }
  });
});
