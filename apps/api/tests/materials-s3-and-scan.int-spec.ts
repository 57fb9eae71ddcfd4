import { MaterialProcessingService } from '@kehittamo/server/materials';
import type { TestClient } from '@kehittamo/server/testing';
import type { Material, MaterialSummary, Page, Space } from '@kehittamo/shared/domain';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { EICAR, startFakeClamd, type FakeClamd } from './support/fake-clamd';
import { docxFile, pdfFile } from '@kehittamo/server/testing';
import { multipart, rawRequest, sha256, type RawResponse } from './support/material-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The S3 code path against a real S3-compatible server on loopback (s3rver), with the virus
 * scan hook talking to a clamd-protocol server.
 */

const BUCKET = 'kehittamo-test';
let s3: S3rver;
let s3Dir: string;
let dataDir: string;
let clamd: FakeClamd;
let t: TestApp;
let baseUrl: string;
let projectSpace: string;
let developer: TestClient;

async function upload(file: Buffer, filename: string, title: string): Promise<Material> {
  const { body, contentType } = multipart([{ name: 'title', value: title }, { name: 'file', value: file, filename }]);
  const res = await rawRequest(baseUrl, {
    method: 'POST',
    path: `/api/materials/upload?spaceId=${projectSpace}`,
    headers: { ...(await developer.authHeaders()), 'content-type': contentType, 'content-length': String(body.length) },
    body,
  });
  expect(res.status, res.body.toString()).toBe(201);
  return res.json<Material>();
}

async function get(path: string): Promise<RawResponse> {
  return rawRequest(baseUrl, { method: 'GET', path, headers: await developer.authHeaders() });
}

async function processed(): Promise<void> {
  const jobs = t.app.get(MaterialProcessingService);
  jobs.kick();
  await jobs.idle();
}

async function objectsInBucket(): Promise<string[]> {
  const entries = await readdir(join(s3Dir, BUCKET), { recursive: true, withFileTypes: true }).catch(() => []);
  // s3rver keeps each object as `<name>._S3rver_object` beside its metadata files.
  return entries.filter((e) => e.isFile() && e.name.endsWith('._S3rver_object')).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), 'kh-s3rver-'));
  dataDir = await mkdtemp(join(tmpdir(), 'kh-materials-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = (await s3.run()) as AddressInfo;
  clamd = await startFakeClamd();
  t = await startTestApp({
    DATA_DIR: dataDir,
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_PREFIX: 'kh/',
    CLAMAV_HOST: '127.0.0.1',
    CLAMAV_PORT: String(clamd.port),
  });
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  developer = await t.loginAs('developer');
  projectSpace = ((await developer.get('/api/spaces')).body as Space[]).find((s) => s.kind === 'project')!.id;
});
afterAll(async () => {
  await t?.close();
  await clamd?.close();
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('materials on S3-compatible storage with a virus scanner', () => {
  it('keeps a new file pending until the scanner finds it clean, then serves it from S3 with its checksum', async () => {
    const file = await docxFile(['Sijaishuollon kehittämisen muistio: perheiden osallisuus vahvistui.']);
    // The scanner is busy at first: the file waits, and cannot be downloaded meanwhile.
    clamd.failing = true;
    const material = await upload(file, 'Muistio.docx', 'S3-muistio');
    expect(material.file).toMatchObject({ status: 'pending', sha256: sha256(file) });
    expect((await objectsInBucket()).length).toBe(1);
    await processed();
    expect((await get(`/api/materials/${material.id}/download`)).status).toBe(409);
    expect((await developer.get(`/api/materials?q=osallisuus`)).body.total).toBe(0);

    clamd.failing = false;
    const scansBefore = clamd.scans;
    await t.db.query(`UPDATE material_files SET process_after = now() WHERE material_id = $1`, [material.id]);
    await processed();
    expect(clamd.scans).toBe(scansBefore + 1);
    const res = await get(`/api/materials/${material.id}/download`);
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(sha256(file));
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Muistio.docx");

    const found = (await developer.get(`/api/materials?q=${encodeURIComponent('perheen osallisuus')}`)).body as Page<MaterialSummary>;
    expect(found.items.map((m) => m.id)).toEqual([material.id]);
    expect(found.items[0].file).toMatchObject({ status: 'clean', processing: 'done' });
  });

  it('rejects and deletes a file the scanner reports, and keeps files pending while the scanner is down', async () => {
    const infected = await upload(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR)]), 'virus.pdf', 'Virus');
    await processed();
    clamd.failing = true;
    const waiting = await upload(await pdfFile([['Odottaa tarkistusta']]), 'odottaa.pdf', 'Odottaa');
    await processed();
    const rejected = (await developer.get(`/api/materials/${infected.id}`)).body as Material;
    expect(rejected.file).toMatchObject({ status: 'rejected', hasPreview: false });
    expect((await get(`/api/materials/${infected.id}/download`)).status).toBe(409);
    expect((await objectsInBucket()).some((p) => p.includes(infected.id))).toBe(false);
    expect(((await developer.get(`/api/materials/${waiting.id}`)).body as Material).file!.status).toBe('pending');

    clamd.failing = false;
    await t.db.query(`UPDATE material_files SET process_after = now() WHERE material_id = $1`, [waiting.id]);
    await processed();
    const clean = (await developer.get(`/api/materials/${waiting.id}`)).body as Material;
    expect(clean.file).toMatchObject({ status: 'clean', processing: 'done', hasPreview: true });
    const preview = await get(`/api/materials/${waiting.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('image/png');
  });

  it('removes the objects from the bucket when a material is deleted', async () => {
    const material = await upload(await pdfFile([['Poistuu ämpäristä']]), 'pois.pdf', 'Pois');
    await processed();
    expect((await objectsInBucket()).filter((p) => p.includes(material.id)).length).toBe(2);
    expect((await developer.delete(`/api/materials/${material.id}`)).status).toBe(204);
    await processed();
    expect((await objectsInBucket()).filter((p) => p.includes(material.id))).toEqual([]);
  });
});
