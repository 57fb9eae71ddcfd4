import { MaterialProcessingService } from '@kehittamo/server/materials';
import type { TestClient } from '@kehittamo/server/testing';
import type { Material, MaterialCollection, MaterialSummary, Page, Space } from '@kehittamo/shared/domain';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxFile, pdfFile } from '@kehittamo/server/testing';
import { multipart, PNG_1PX, rawRequest, sha256, type Part, type RawResponse } from './support/material-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const MAX_BYTES = 256 * 1024;

let t: TestApp;
let baseUrl: string;
let dataDir: string;
let projectSpace: string;
let kainuuSpace: string;
const users = {} as Record<'developer' | 'coordinator' | 'expert' | 'observer', TestClient>;

async function upload(client: TestClient, spaceId: string, parts: Part[]): Promise<RawResponse> {
  const { body, contentType } = multipart(parts);
  return rawRequest(baseUrl, {
    method: 'POST',
    path: `/api/materials/upload?spaceId=${spaceId}`,
    headers: { ...(await client.authHeaders()), 'content-type': contentType, 'content-length': String(body.length) },
    body,
  });
}

async function uploadOk(client: TestClient, spaceId: string, file: Buffer, filename: string, fields: Record<string, string> = {}): Promise<Material> {
  const res = await upload(client, spaceId, [
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', value: file, filename, contentType: 'application/octet-stream' },
  ]);
  expect(res.status, res.body.toString()).toBe(201);
  return res.json<Material>();
}

async function download(client: TestClient, path: string): Promise<RawResponse> {
  return rawRequest(baseUrl, { method: 'GET', path, headers: await client.authHeaders() });
}

/** Runs the background job until nothing is left to do. */
async function processed(): Promise<void> {
  const jobs = t.app.get(MaterialProcessingService);
  jobs.kick();
  await jobs.idle();
}

async function search(client: TestClient, query: string): Promise<Page<MaterialSummary>> {
  const res = await client.get(`/api/materials?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as Page<MaterialSummary>;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kh-materials-'));
  t = await startTestApp({ DATA_DIR: dataDir, MATERIAL_MAX_BYTES: String(MAX_BYTES) });
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  for (const role of ['developer', 'coordinator', 'expert', 'observer'] as const) users[role] = await t.loginAs(role);
  const spaces = (await users.developer.get('/api/spaces')).body as Space[];
  projectSpace = spaces.find((s) => s.kind === 'project')!.id;
  kainuuSpace = spaces.find((s) => s.kind === 'organisation')!.id;
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('uploading and downloading files', () => {
  it('round-trips a DOCX with its checksum, a safe UTF-8 attachment name and nosniff; counts views and downloads', async () => {
    const file = await docxFile(['Perhetyön opas uusille työntekijöille.']);
    const material = await uploadOk(users.developer, projectSpace, file, 'Perhetyön opas.docx', {
      title: 'Perhetyön opas',
      description: 'Opas perhetyön aloittamiseen',
      tags: 'Perhetyö, perehdytys',
      workPackages: 'TP2,tp3',
      type: 'guide',
      language: 'fi',
    });
    expect(material).toMatchObject({ kind: 'file', title: 'Perhetyön opas', tags: ['perhetyö', 'perehdytys'], workPackages: ['TP2', 'TP3'], type: 'guide' });
    expect(material.file).toMatchObject({ version: 1, filename: 'Perhetyön opas.docx', format: 'docx', size: file.length, sha256: sha256(file), status: 'clean' });

    const res = await download(users.observer, `/api/materials/${material.id}/download`);
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(sha256(file));
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Perhetyon opas.docx"; filename*=UTF-8''Perhety%C3%B6n%20opas.docx`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');

    const seen = (await users.observer.get(`/api/materials/${material.id}`)).body as Material;
    expect(seen.usage).toEqual({ views: 1, downloads: 1, useful: 0 });
    expect(seen.canEdit).toBe(false);
  });

  it('decides the type by content: HTML, SVG, a plain zip or a program under an allowed name are refused, nothing kept', async () => {
    const before = await t.count('materials');
    const spoofs: [string, Buffer, string][] = [
      ['opas.pdf', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'application/pdf'],
      ['kuva.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/png'],
      ['raportti.docx', Buffer.from('504b0304140000000000', 'hex'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['diat.pptx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'application/octet-stream'],
    ];
    for (const [filename, value, contentType] of spoofs) {
      const res = await upload(users.developer, projectSpace, [{ name: 'title', value: 'Huijaus' }, { name: 'file', value, filename, contentType }]);
      expect(res.status, `${filename}: ${res.body.toString()}`).toBe(400);
      expect(res.json<{ fields: { field: string }[] }>().fields[0].field).toBe('file');
    }
    expect(await t.count('materials')).toBe(before);
    expect(await filesUnder(join(dataDir, 'materials-tmp'))).toEqual([]);
  });

  it('never uses the given name as a path, and keeps hostile names out of the header', async () => {
    const pdf = await pdfFile([['Nimi testi']]);
    const material = await uploadOk(users.developer, projectSpace, pdf, '../../../etc/passwd; filename=evil.pdf', { title: 'Nimi' });
    expect(material.file!.filename).toBe('passwd; filename=evil.pdf');
    const windows = await uploadOk(users.developer, projectSpace, pdf, '..\\..\\Windows\\win.ini.pdf', { title: 'Nimi 2' });
    expect(windows.file!.filename).toBe('win.ini.pdf');
    const stored = await filesUnder(join(dataDir, 'materials'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((p) => /\/materials\/[0-9a-f-]{36}\/[0-9a-f-]{36}(\.preview\.png)?$/.test(p))).toBe(true);
    const res = await download(users.developer, `/api/materials/${material.id}/download`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="passwd_ filename=evil.pdf"; filename*=UTF-8''passwd%3B%20filename%3Devil.pdf`);
  });

  it('answers 413 from the declared length before any of the body is sent', async () => {
    const headers = { ...(await users.developer.authHeaders()), 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) };
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}/api/materials/upload?spaceId=${projectSpace}`, { method: 'POST', headers }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.flushHeaders(); // headers only: the body never comes
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload_too_large' });
  });

  it('stops a chunked upload with 413 as soon as it passes the limit, and keeps nothing', async () => {
    const before = await t.count('material_files');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES + 10, 0x20)]);
    const { body, contentType } = multipart([{ name: 'file', value: big, filename: 'iso.pdf' }]);
    const chunks = Array.from({ length: Math.ceil(body.length / 65536) }, (_, i) => body.subarray(i * 65536, (i + 1) * 65536));
    const res = await rawRequest(baseUrl, {
      method: 'POST',
      path: `/api/materials/upload?spaceId=${projectSpace}`,
      headers: { ...(await users.developer.authHeaders()), 'content-type': contentType, 'transfer-encoding': 'chunked' },
      chunks,
    });
    expect(res.status).toBe(413);
    expect(await t.count('material_files')).toBe(before);
    expect(await filesUnder(join(dataDir, 'materials-tmp'))).toEqual([]);
  });

  it('answers malformed or incomplete multipart with 400 that says what is wrong', async () => {
    const headers = await users.developer.authHeaders();
    const path = `/api/materials/upload?spaceId=${projectSpace}`;
    const truncated = multipart([{ name: 'file', value: PNG_1PX, filename: 'a.png' }]).body.subarray(0, 60);
    const cases: [Record<string, string>, Buffer][] = [
      [{ 'content-type': 'multipart/form-data' }, Buffer.from('no boundary')],
      [{ 'content-type': 'multipart/form-data; boundary=abc' }, truncated],
      [{ 'content-type': 'application/json' }, Buffer.from('{}')],
      [{ 'content-type': multipart([{ name: 'title', value: 'Ei tiedostoa' }], 'b1').contentType }, multipart([{ name: 'title', value: 'Ei tiedostoa' }], 'b1').body],
    ];
    for (const [extra, body] of cases) {
      const res = await rawRequest(baseUrl, { method: 'POST', path, headers: { ...headers, ...extra, 'content-length': String(body.length) }, body });
      expect(res.status, res.body.toString()).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const twoFiles = await upload(users.developer, projectSpace, [
      { name: 'file', value: PNG_1PX, filename: 'a.png' },
      { name: 'file', value: PNG_1PX, filename: 'b.png' },
    ]);
    expect(twoFiles.status).toBe(400);
    const badMeta = await upload(users.developer, projectSpace, [
      { name: 'type', value: 'poem' },
      { name: 'workPackages', value: 'TP9' },
      { name: 'file', value: PNG_1PX, filename: 'a.png' },
    ]);
    expect(badMeta.status).toBe(400);
    expect(badMeta.json<{ fields: { field: string }[] }>().fields.map((f) => f.field).sort()).toEqual(['type', 'workPackages']);
    expect(await filesUnder(join(dataDir, 'materials-tmp'))).toEqual([]);
  });

  it('leaves nothing behind when the client goes away mid-upload', async () => {
    const before = { materials: await t.count('materials'), stored: (await filesUnder(join(dataDir, 'materials'))).length };
    const { body, contentType } = multipart([{ name: 'file', value: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x41)]), filename: 'kesken.pdf' }]);
    const req = httpRequest(`${baseUrl}/api/materials/upload?spaceId=${projectSpace}`, {
      method: 'POST',
      headers: { ...(await users.developer.authHeaders()), 'content-type': contentType, 'content-length': String(body.length) },
    });
    req.on('error', () => undefined);
    req.write(body.subarray(0, 100_000));
    // Let the server start writing the temporary file, then cut the connection.
    await vi.waitFor(async () => expect((await filesUnder(join(dataDir, 'materials-tmp'))).length).toBe(1));
    req.destroy();
    await vi.waitFor(async () => expect(await filesUnder(join(dataDir, 'materials-tmp'))).toEqual([]));
    expect(await t.count('materials')).toBe(before.materials);
    expect((await filesUnder(join(dataDir, 'materials'))).length).toBe(before.stored);
    expect((await users.developer.get('/api/health/ready')).status).toBe(200);
  });

  it('keeps earlier versions when a file is replaced, each with its own checksum', async () => {
    const first = await pdfFile([['Ensimmäinen versio: kotikäynnit']]);
    const second = await pdfFile([['Toinen versio: verkostopalaverit']]);
    const material = await uploadOk(users.developer, projectSpace, first, 'malli.pdf', { title: 'Versioitu' });
    const { body, contentType } = multipart([{ name: 'file', value: second, filename: 'malli v2.pdf' }]);
    const res = await rawRequest(baseUrl, {
      method: 'POST',
      path: `/api/materials/${material.id}/versions`,
      headers: { ...(await users.developer.authHeaders()), 'content-type': contentType, 'content-length': String(body.length) },
      body,
    });
    expect(res.status, res.body.toString()).toBe(201);
    const replaced = res.json<Material>();
    expect(replaced.file).toMatchObject({ version: 2, filename: 'malli v2.pdf', sha256: sha256(second) });
    expect(replaced.versions.map((v) => [v.version, v.sha256])).toEqual([
      [2, sha256(second)],
      [1, sha256(first)],
    ]);
    expect(sha256((await download(users.developer, `/api/materials/${material.id}/download?version=1`)).body)).toBe(sha256(first));
    expect(sha256((await download(users.developer, `/api/materials/${material.id}/download`)).body)).toBe(sha256(second));
    expect((await download(users.developer, `/api/materials/${material.id}/download?version=3`)).status).toBe(404);

    await processed();
    expect((await search(users.developer, 'q=verkostopalaveri')).items.map((m) => m.id)).toContain(material.id);
    expect((await search(users.developer, 'q=kotikäynti')).items.map((m) => m.id)).not.toContain(material.id);
    // Someone else (not a coordinator) may not replace it.
    const other = await upload(users.observer, projectSpace, [{ name: 'file', value: first, filename: 'x.pdf' }]);
    expect(other.status).toBe(403);
  });
});

describe('finding materials', () => {
  let docx: Material;
  let pdf: Material;

  beforeAll(async () => {
    docx = await uploadOk(
      users.developer,
      projectSpace,
      await docxFile(['Monialaisen tiimin kokeilu', 'Mittareiden käyttöönotto lastensuojelussa onnistui kolmessa tiimissä.']),
      'kokeilu.docx',
      { title: 'Tiimikokeilun raportti', type: 'experiment-report', tags: 'tiimit', workPackages: 'TP1' },
    );
    pdf = await uploadOk(
      users.developer,
      projectSpace,
      await pdfFile([['Perhetyöntekijöiden koulutus', 'Koulutus tukee vanhemmuutta arjessa ja perheiden omaa toimijuutta.']]),
      'koulutus.pdf',
      { title: 'Koulutusmateriaali', type: 'slides', tags: 'koulutus', workPackages: 'TP3' },
    );
    await processed();
  });

  it('extracts the text in the background and finds words inside a DOCX and a PDF in inflected Finnish forms', async () => {
    const done = (await users.developer.get(`/api/materials/${docx.id}`)).body as Material;
    expect(done.file!.processing).toBe('done');
    expect(done.excerpt).toContain('Mittareiden käyttöönotto lastensuojelussa');

    const inDocx = await search(users.developer, `q=${encodeURIComponent('mittari lastensuojelu')}`);
    expect(inDocx.items.map((m) => m.id)).toEqual([docx.id]);
    expect(inDocx.items[0].snippet!.filter((p) => p.match).map((p) => p.text)).toEqual(expect.arrayContaining(['Mittareiden', 'lastensuojelussa']));

    const inPdf = await search(users.developer, `q=vanhemmuus`);
    expect(inPdf.items.map((m) => m.id)).toEqual([pdf.id]);
    expect(inPdf.items[0].snippet!.some((p) => p.match && p.text === 'vanhemmuutta')).toBe(true);
  });

  it('filters by tag, work package, type and kind, and ranks a title hit first', async () => {
    expect((await search(users.developer, 'tag=tiimit')).items.map((m) => m.id)).toEqual([docx.id]);
    expect((await search(users.developer, 'wp=TP1&kind=file')).items.map((m) => m.id)).toEqual([docx.id]);
    expect((await search(users.developer, 'wp=TP3&type=slides')).items.map((m) => m.id)).toEqual([pdf.id]);
    expect((await search(users.developer, 'type=experiment-report')).items.map((m) => m.id)).toEqual([docx.id]);
    const psavo = ((await users.developer.get('/api/organisations')).body as { id: string; shortName: string }[]).find((o) => o.shortName === 'PSAVO')!;
    const fromPsavo = (await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'note', title: 'Pohjois-Savon kokemus', body: 'Teksti', organisationId: psavo.id })).body as Material;
    expect(fromPsavo.organisationName).toBe('Pohjois-Savon hyvinvointialue');
    expect((await search(users.developer, `organisationId=${psavo.id}`)).items.map((m) => m.id)).toEqual([fromPsavo.id]);
    expect((await search(users.developer, 'q=koulutus')).items[0].id).toBe(pdf.id);
    const bad = await users.developer.get('/api/materials?type=poem&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'type']);
    const tags = (await users.developer.get(`/api/materials/tags?spaceId=${projectSpace}`)).body as { tag: string; count: number }[];
    expect(tags).toEqual(expect.arrayContaining([{ tag: 'tiimit', count: 1 }]));
  });

  it('makes a PNG preview of the first PDF page and of images, served as an image', async () => {
    const withPreview = (await users.developer.get(`/api/materials/${pdf.id}`)).body as Material;
    expect(withPreview.file!.hasPreview).toBe(true);
    const res = await download(users.developer, `/api/materials/${pdf.id}/preview`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    const image = await uploadOk(users.developer, projectSpace, PNG_1PX, 'kuva.png', { title: 'Kuva' });
    await processed();
    expect((await download(users.developer, `/api/materials/${image.id}/preview`)).status).toBe(200);
    // A DOCX has no picture preview, only its text excerpt.
    expect((await download(users.developer, `/api/materials/${docx.id}/preview`)).status).toBe(404);
  });
});

describe('links, notes and usefulness', () => {
  it('adds links (http/https only) and notes (safe Markdown) and finds the note text', async () => {
    const link = await users.developer.post('/api/materials', {
      spaceId: projectSpace,
      kind: 'link',
      title: 'Webinaaritallenne',
      url: 'https://video.example.fi/tallenne',
      type: 'recording',
    });
    expect(link.status, link.text).toBe(201);
    expect(link.body).toMatchObject({ kind: 'link', url: 'https://video.example.fi/tallenne', file: null });
    const script = await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'link', title: 'X', url: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(script.body.fields[0].field).toBe('url');

    const note = await users.developer.post('/api/materials', {
      spaceId: projectSpace,
      kind: 'note',
      title: 'Opit kotikäynneistä',
      body: 'Kotikäynneillä **luottamus** syntyi, kun työntekijä pysyi samana.',
    });
    expect(note.status, note.text).toBe(201);
    expect(note.body.excerpt).toBe('Kotikäynneillä luottamus syntyi, kun työntekijä pysyi samana.');
    const unsafe = await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'note', title: 'X', body: '[klikkaa](javascript:alert(1))' });
    expect(unsafe.status).toBe(400);
    expect((await search(users.developer, 'q=luottamuksen')).items.map((m) => m.id)).toContain(note.body.id);
  });

  it('counts "useful" marks without telling whose they are; marking twice counts once', async () => {
    const note = (await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'note', title: 'Hyödyllinen', body: 'Vinkki' })).body as Material;
    expect((await users.expert.put(`/api/materials/${note.id}/useful`, { useful: true })).body).toEqual({ views: 0, downloads: 0, useful: 1 });
    expect((await users.expert.put(`/api/materials/${note.id}/useful`, { useful: true })).body.useful).toBe(1);
    expect((await users.observer.put(`/api/materials/${note.id}/useful`, { useful: true })).body.useful).toBe(2);
    const seen = (await users.expert.get(`/api/materials/${note.id}`)).body as Material;
    expect(seen.markedUseful).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('observer');
    expect((await users.expert.put(`/api/materials/${note.id}/useful`, { useful: false })).body.useful).toBe(1);
  });
});

describe('access per space', () => {
  it("keeps a region's private material from other organisations everywhere: read, list, search, download, preview", async () => {
    const secret = await uploadOk(users.developer, kainuuSpace, await pdfFile([['Kainuun sisäinen salaisuusmuistio']]), 'muistio.pdf', { title: 'Kainuun muistio' });
    await processed();
    const outsider = users.coordinator; // ISO: not in Kainuu's private space
    for (const path of [`/api/materials/${secret.id}`, `/api/materials/${secret.id}/download`, `/api/materials/${secret.id}/preview`]) {
      expect((await download(outsider, path)).status, path).toBe(404);
    }
    expect((await search(outsider, 'q=salaisuusmuistio')).total).toBe(0);
    expect((await search(outsider, '')).items.some((m) => m.id === secret.id)).toBe(false);
    expect((await outsider.get(`/api/materials?spaceId=${kainuuSpace}`)).status).toBe(404);
    expect((await outsider.patch(`/api/materials/${secret.id}`, { title: 'Kaapattu' })).status).toBe(404);
    expect((await outsider.delete(`/api/materials/${secret.id}`)).status).toBe(404);
    expect((await search(users.developer, 'q=salaisuusmuistio')).items.map((m) => m.id)).toEqual([secret.id]);
  });

  it('refuses uploads without edit rights before reading the body', async () => {
    const before = await t.count('materials');
    for (const client of [users.observer, users.expert]) {
      const res = await upload(client, projectSpace, [{ name: 'file', value: PNG_1PX, filename: 'a.png' }]);
      expect(res.status).toBe(403);
    }
    expect((await upload(users.coordinator, kainuuSpace, [{ name: 'file', value: PNG_1PX, filename: 'a.png' }])).status).toBe(404);
    expect(await t.count('materials')).toBe(before);
  });

  it('lets the creator and coordinators edit and delete, and removes the stored files on delete', async () => {
    const material = await uploadOk(users.developer, projectSpace, await pdfFile([['Poistettava']]), 'poisto.pdf', { title: 'Poistettava' });
    await processed();
    expect((await users.observer.patch(`/api/materials/${material.id}`, { title: 'Ei' })).status).toBe(403);
    const edited = await users.coordinator.patch(`/api/materials/${material.id}`, { title: 'Koordinaattorin otsikko', tags: ['Uusi'] });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Koordinaattorin otsikko', tags: ['uusi'] });
    const stored = (await filesUnder(join(dataDir, 'materials'))).filter((p) => p.includes(material.id));
    expect(stored.length).toBe(2); // the file and its preview
    expect((await users.developer.delete(`/api/materials/${material.id}`)).status).toBe(204);
    await processed();
    expect((await filesUnder(join(dataDir, 'materials'))).filter((p) => p.includes(material.id))).toEqual([]);
    expect(await t.count('material_orphan_objects')).toBe(0);
    expect((await users.developer.get(`/api/materials/${material.id}`)).status).toBe(404);
  });
});

describe('collections', () => {
  it('keeps an ordered learning path that can be reordered, and leaves out what a reader may not see', async () => {
    const notes: Material[] = [];
    for (const title of ['Aloitus', 'FIT-perusteet', 'Harjoitukset']) {
      notes.push((await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'note', title, body: `${title} teksti` })).body);
    }
    const created = await users.developer.post('/api/material-collections', { spaceId: projectSpace, title: 'Johdatus FIT-työskentelyyn' });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as MaterialCollection).id;
    for (const n of notes) expect((await users.developer.post(`/api/material-collections/${id}/items`, { materialId: n.id })).status).toBe(201);
    const again = await users.developer.post(`/api/material-collections/${id}/items`, { materialId: notes[0].id });
    expect(again.status).toBe(409);

    const reordered = await users.developer.put(`/api/material-collections/${id}/items`, { materialIds: [notes[2].id, notes[0].id, notes[1].id] });
    expect(reordered.status, reordered.text).toBe(200);
    expect((reordered.body as MaterialCollection).items.map((m) => m.title)).toEqual(['Harjoitukset', 'Aloitus', 'FIT-perusteet']);
    const wrong = await users.developer.put(`/api/material-collections/${id}/items`, { materialIds: [notes[0].id] });
    expect(wrong.status).toBe(400);

    const removed = await users.developer.delete(`/api/material-collections/${id}/items/${notes[0].id}`);
    expect((removed.body as MaterialCollection).items.map((m) => m.title)).toEqual(['Harjoitukset', 'FIT-perusteet']);
    const inCollection = (await users.developer.get(`/api/materials/${notes[2].id}`)).body as Material;
    expect(inCollection.collections).toEqual([{ id, title: 'Johdatus FIT-työskentelyyn' }]);

    // A private space's material cannot go into a shared collection.
    const privateNote = (await users.developer.post('/api/materials', { spaceId: kainuuSpace, kind: 'note', title: 'Oma', body: 'Sisäinen' })).body as Material;
    const leak = await users.developer.post(`/api/material-collections/${id}/items`, { materialId: privateNote.id });
    expect(leak.status).toBe(400);
    expect((await users.observer.post(`/api/material-collections/${id}/items`, { materialId: notes[0].id })).status).toBe(403);
    const list = (await users.observer.get(`/api/material-collections?spaceId=${projectSpace}`)).body;
    expect(list.find((c: { id: string }) => c.id === id)).toMatchObject({ itemCount: 2, canEdit: false });
  });
});

describe('comments on materials', () => {
  it('lets an experience expert discuss a material; the thread follows the space rights and links to the material', async () => {
    const note = (await users.developer.post('/api/materials', { spaceId: projectSpace, kind: 'note', title: 'Kommentoitava', body: 'Teksti' })).body as Material;
    const thread = await users.expert.post('/api/comment-threads', { target: { kind: 'material', id: note.id }, body: 'Tämä auttoi minua ymmärtämään prosessia.' });
    expect(thread.status, thread.text).toBe(201);
    expect(thread.body).toMatchObject({ target: { kind: 'material', id: note.id }, targetTitle: 'Kommentoitava', link: `/materials/${note.id}?thread=${thread.body.id}` });
    const withPart = await users.expert.post('/api/comment-threads', { target: { kind: 'material', id: note.id, part: 'x' }, body: 'Osa' });
    expect(withPart.status).toBe(400);

    const secret = (await users.developer.post('/api/materials', { spaceId: kainuuSpace, kind: 'note', title: 'Sisäinen', body: 'Teksti' })).body as Material;
    const outsider = await users.coordinator.post('/api/comment-threads', { target: { kind: 'material', id: secret.id }, body: 'Hei' });
    expect(outsider.status).toBe(404);
  });
});
