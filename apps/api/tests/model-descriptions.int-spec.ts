import { CollabCloseCode } from '@kehittamo/shared/collab-protocol';
import type {
  InnokylaCopy,
  ModelDescription,
  ModelDescriptionContent,
  ModelDescriptionExport,
  ModelDescriptionSummary,
  ModelPhase,
  ModelVersion,
  ModelVersionComparison,
  ModelVersionDetail,
  Space,
} from '@kehittamo/shared/domain';
import type { TestClient } from '@kehittamo/server/testing';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { connectStock, until, type StockClient } from './support/collab-clients';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let ws: string;
let projectSpace: string;
let kainuuSpace: string;
let developer: TestClient;
const open: StockClient[] = [];

beforeAll(async () => {
  t = await startTestApp({ COLLAB_FLUSH_MS: '50', COLLAB_UNLOAD_AFTER_MS: '200' });
  await t.app.listen(0, '127.0.0.1');
  ws = `ws://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  developer = await t.loginAs('developer');
  const spaces = (await developer.get('/api/spaces')).body as Space[];
  projectSpace = spaces.find((s) => s.kind === 'project')!.id;
  kainuuSpace = spaces.find((s) => s.kind === 'organisation')!.id;
});
afterEach(() => {
  while (open.length) open.pop()!.destroy();
});
afterAll(() => t?.close());

async function create(client: TestClient, spaceId: string, name: string): Promise<ModelDescription> {
  const res = await client.post('/api/model-descriptions', { spaceId, name });
  expect(res.status, res.text).toBe(201);
  return res.body as ModelDescription;
}

async function editor(client: TestClient, doc: string): Promise<StockClient> {
  const c = await connectStock(client, ws, doc);
  open.push(c);
  return c;
}

/** Types a paragraph into a section the way the Tiptap editor stores it. */
function typeInto(doc: Y.Doc, section: string, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(`section:${section}`);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
  });
}

const content = async (client: TestClient, id: string) => (await client.get(`/api/model-descriptions/${id}/content`)).body as ModelDescriptionContent;
const sectionText = (c: ModelDescriptionContent, key: keyof ModelDescriptionContent['sections']) =>
  JSON.stringify(c.sections[key]);

describe('model descriptions: create, read, rights', () => {
  it('creates a description with its document; space members read it, outsiders get 404, view-only cannot create', async () => {
    const model = await create(developer, kainuuSpace, 'Perhetyön vahvistaminen');
    expect(model.doc).toBe(`model.${model.id}`);
    expect(model.phase).toBe('idea');
    expect(model.access).toBe('edit');
    expect(model.completeness).toMatchObject({ filled: 0, total: 9 });
    expect(model.phaseHistory).toEqual([expect.objectContaining({ from: null, to: 'idea' })]);

    // The observer (ISO) does not belong to Kainuu's private space: the description does not exist for them.
    const observer = await t.loginAs('observer');
    expect((await observer.get(`/api/model-descriptions/${model.id}`)).status).toBe(404);
    expect(((await observer.get('/api/model-descriptions')).body as ModelDescriptionSummary[]).map((m) => m.id)).not.toContain(model.id);
    expect((await observer.post('/api/model-descriptions', { spaceId: projectSpace, name: 'x' })).status).toBe(403);
    expect((await observer.post('/api/model-descriptions', { spaceId: kainuuSpace, name: 'x' })).status).toBe(404);

    // The expert reads (comment rights) but cannot change anything.
    const expert = await t.loginAs('expert');
    const seen = (await expert.get(`/api/model-descriptions/${model.id}`)).body as ModelDescription;
    expect(seen.access).toBe('comment');
    expect((await expert.patch(`/api/model-descriptions/${model.id}`, { name: 'Uusi' })).status).toBe(403);
    expect((await expert.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'ready' })).status).toBe(403);
    expect((await expert.post(`/api/model-descriptions/${model.id}/versions`, { name: 'v' })).status).toBe(403);
  });

  it('answers bad input with 400 listing the problems', async () => {
    const bad = await developer.post('/api/model-descriptions', { spaceId: 'nope', name: '   ', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'name', 'spaceId']);
    const model = await create(developer, kainuuSpace, 'Virheet');
    const wp = await developer.patch(`/api/model-descriptions/${model.id}`, { workPackages: ['TP9'], tags: ['<script>'] });
    expect(wp.status).toBe(400);
    expect(wp.body.message).toMatch(/workPackages/);
    expect(wp.body.message).toMatch(/tags/);
    const phase = await developer.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'valmis-ehka' });
    expect(phase.status).toBe(400);
    expect(phase.body.message).toMatch(/idea, in-development, piloting, ready, established/);
    expect((await developer.get('/api/model-descriptions/not-a-uuid')).status).toBe(400);
  });

  it('updates name, work packages and tags; records every phase change with an automatic version', async () => {
    const model = await create(developer, projectSpace, 'Verkostotyö');
    const updated = (await developer.patch(`/api/model-descriptions/${model.id}`, { name: 'Verkostotyön malli', workPackages: ['TP2', 'TP3'], tags: ['Verkosto', 'perhe'] }))
      .body as ModelDescription;
    expect(updated).toMatchObject({ name: 'Verkostotyön malli', workPackages: ['TP2', 'TP3'], tags: ['verkosto', 'perhe'] });

    await developer.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'in-development' });
    const moved = (await developer.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'piloting' })).body as ModelDescription;
    expect(moved.phase).toBe('piloting');
    expect(moved.phaseHistory.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, 'idea', 'Kehittäjä (demo)'],
      ['idea', 'in-development', 'Kehittäjä (demo)'],
      ['in-development', 'piloting', 'Kehittäjä (demo)'],
    ]);
    const versions = (await developer.get(`/api/model-descriptions/${model.id}/versions`)).body as ModelVersion[];
    expect(versions.map((v) => [v.kind, v.name])).toEqual([
      ['phase', 'Kehitteillä → Pilotoinnissa'],
      ['phase', 'Idea → Kehitteillä'],
    ]);
    // Filters
    const byWp = (await developer.get('/api/model-descriptions?wp=TP3&phase=piloting&tag=verkosto')).body as ModelDescriptionSummary[];
    expect(byWp.map((m) => m.id)).toEqual([model.id]);
    expect(((await developer.get('/api/model-descriptions?wp=TP1&tag=verkosto')).body as unknown[]).length).toBe(0);
  });
});

describe('co-editing, completeness, versions', () => {
  it('two stock clients co-edit; the server computes completeness from the projection', async () => {
    const model = await create(developer, kainuuSpace, 'Kotiin annettava tuki');
    const a = await editor(developer, model.doc);
    const b = await editor(await t.loginAs('facilitator'), model.doc);
    const longText = 'Perheen arki vahvistuu kun vanhemmuutta tuetaan kotona säännöllisesti ja yhdessä sovitusti. '.repeat(5);
    typeInto(a.doc, 'basicIdea', longText);
    typeInto(b.doc, 'environment', 'Kainuun perhepalvelut');
    a.doc.getMap('facts').set('summary', 'Lyhyt kuvaus mallista');
    await until(() => b.doc.getXmlFragment('section:basicIdea').length === 1 && a.doc.getXmlFragment('section:environment').length === 1);

    // Projections follow within a couple of seconds; completeness and the list come from them.
    await until(async () => {
      const m = (await developer.get(`/api/model-descriptions/${model.id}`)).body as ModelDescription;
      return m.completeness.fields.basicIdea === 'filled' && m.completeness.fields.environment === 'started';
    }, 8000);
    const m = (await developer.get(`/api/model-descriptions/${model.id}`)).body as ModelDescription;
    expect(m.completeness.fields).toMatchObject({ basicIdea: 'filled', environment: 'started', summary: 'started', tips: 'empty', structure: 'empty' });
    expect(m.completeness.filled).toBe(1);
    expect(m.summary).toBe('Lyhyt kuvaus mallista');
  });

  it('creates, views, compares and restores versions; a connected client sees the restore live', async () => {
    const model = await create(developer, kainuuSpace, 'Vertaistukiryhmä');
    const a = await editor(developer, model.doc);
    const b = await editor(await t.loginAs('facilitator'), model.doc);
    typeInto(a.doc, 'tips', 'Aloita pienellä ryhmällä');
    await until(() => b.doc.getXmlFragment('section:tips').length === 1);
    const v1 = (await developer.post(`/api/model-descriptions/${model.id}/versions`, { name: 'Ensimmäinen luonnos' })).body as ModelVersion;
    expect(v1).toMatchObject({ number: 1, name: 'Ensimmäinen luonnos', kind: 'manual', createdBy: 'Kehittäjä (demo)' });

    typeInto(b.doc, 'tips', 'Kutsu kokemusasiantuntija mukaan');
    await until(() => a.doc.getXmlFragment('section:tips').length === 2);
    const detail = (await developer.get(`/api/model-descriptions/${model.id}/versions/${v1.id}`)).body as ModelVersionDetail;
    expect(sectionText(detail.content, 'tips')).toContain('Aloita pienellä ryhmällä');
    expect(sectionText(detail.content, 'tips')).not.toContain('kokemusasiantuntija');

    const diff = (await developer.get(`/api/model-descriptions/${model.id}/versions/compare?from=${v1.id}&to=current`)).body as ModelVersionComparison;
    const tips = diff.fields.find((f) => f.field === 'tips')!;
    expect(tips.changed).toBe(true);
    expect(tips.changes.filter((c) => c.op === 'insert').map((c) => c.text).join('')).toContain('kokemusasiantuntija');
    expect(diff.fields.find((f) => f.field === 'basicIdea')!.changed).toBe(false);

    const backup = (await developer.post(`/api/model-descriptions/${model.id}/versions/${v1.id}/restore`)).body as ModelVersion;
    expect(backup).toMatchObject({ number: 2, kind: 'restore' });
    // Both clients see the old content, as a change: nothing was reloaded.
    await until(() => b.doc.getXmlFragment('section:tips').length === 1 && a.doc.getXmlFragment('section:tips').length === 1);
    expect(b.doc.getXmlFragment('section:tips').toString()).toContain('Aloita pienellä ryhmällä');
    expect(b.doc.getXmlFragment('section:tips').toString()).not.toContain('kokemusasiantuntija');
    // The content before the restore is kept as version 2.
    const kept = (await developer.get(`/api/model-descriptions/${model.id}/versions/${backup.id}`)).body as ModelVersionDetail;
    expect(sectionText(kept.content, 'tips')).toContain('kokemusasiantuntija');
    // Versions of another description are not reachable through this one.
    const other = await create(developer, kainuuSpace, 'Toinen');
    expect((await developer.get(`/api/model-descriptions/${other.id}/versions/${v1.id}`)).status).toBe(404);
  });
});

describe('content safety', () => {
  it('closes the socket of a client that writes a node outside the schema or a javascript: link; nothing is stored', async () => {
    const model = await create(developer, kainuuSpace, 'Turvallisuus');
    const good = await editor(developer, model.doc);
    const bad = await editor(developer, model.doc);
    const socketClosed = new Promise<{ code: number }>((resolve) =>
      bad.provider.on('connection-close', (event: { code: number } | null) => resolve({ code: event?.code ?? 0 })),
    );
    bad.doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      p.insert(0, [text]);
      bad.doc.getXmlFragment('section:tips').insert(0, [p]);
      text.insert(0, 'klikkaa', { link: { href: 'javascript:alert(1)' } });
    });
    expect((await socketClosed).code).toBe(CollabCloseCode.contentRefused);
    bad.provider.shouldConnect = false;
    typeInto(good.doc, 'basicIdea', 'Turvallinen teksti');
    await until(async () => JSON.stringify(await content(developer, model.id)).includes('Turvallinen teksti'));
    expect(JSON.stringify(await content(developer, model.id))).not.toContain('javascript');
  });

  it('refuses an import with dangerous content with 400 naming each problem', async () => {
    const exported: ModelDescriptionExport = {
      format: 'kehittamo.model-description',
      formatVersion: 1,
      name: 'Vaarallinen',
      phase: 'idea',
      workPackages: [],
      tags: [],
      exportedAt: new Date().toISOString(),
      content: {
        facts: { coverImageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' },
        sections: {
          basicIdea: { type: 'doc', content: [{ type: 'script', content: [] }] },
          environment: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
        },
        structure: [],
      } as unknown as ModelDescriptionContent,
    };
    const res = await developer.post(`/api/model-descriptions/import?spaceId=${kainuuSpace}`, exported);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'content.facts.coverImageUrl',
      'content.sections.basicIdea.content.0.type',
      'content.sections.environment.content.0.content.0.marks.0.attrs.href',
    ]);
  });
});

describe('search', () => {
  it('finds inflected Finnish forms, ranks name hits first and highlights matches; private spaces stay private', async () => {
    const a = await create(developer, kainuuSpace, 'Vanhemmuuden tukeminen arjessa');
    const b = await create(developer, kainuuSpace, 'Koulun ja kodin yhteistyö');
    const c = await editor(developer, b.doc);
    typeInto(c.doc, 'basicIdea', 'Malli vahvistaa vanhemmuutta koulun tapaamisissa.');
    const found = async () => ((await developer.get(`/api/model-descriptions?q=vanhemmuus&spaceId=${kainuuSpace}`)).body as ModelDescriptionSummary[]).map((h) => h.id);
    await until(async () => (await found()).includes(b.id), 8000);
    const hits = (await developer.get(`/api/model-descriptions?q=vanhemmuus&spaceId=${kainuuSpace}`)).body as ModelDescriptionSummary[];
    const ids = hits.map((h) => h.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const snippet = hits.find((h) => h.id === b.id)!.snippet!;
    expect(snippet.some((part) => part.match && /vanhemmuutta/i.test(part.text))).toBe(true);
    // "vanhemmuuden" (genitive) finds "vanhemmuus"/"vanhemmuutta" too.
    expect(((await developer.get(`/api/model-descriptions?q=vanhemmuuden&spaceId=${kainuuSpace}`)).body as ModelDescriptionSummary[]).map((h) => h.id)).toEqual(
      expect.arrayContaining([a.id, b.id]),
    );
    // Only stop words, or operators and quotes: an empty result, never an error.
    for (const q of ['ja', `'):*|&!<->"`, '"', '-']) {
      const res = await developer.get(`/api/model-descriptions?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body).toEqual([]);
    }
    expect((await developer.get(`/api/model-descriptions?q=${'a'.repeat(201)}`)).status).toBe(400);
    const paged = (await developer.get(`/api/model-descriptions?q=vanhemmuus&spaceId=${kainuuSpace}&limit=1&offset=1`)).body as ModelDescriptionSummary[];
    expect(paged.map((h) => h.id)).toEqual([ids[1]]);
    expect((await developer.get('/api/model-descriptions?q=x&limit=0')).status).toBe(400);
    const observer = await t.loginAs('observer');
    const theirs = (await observer.get('/api/model-descriptions?q=vanhemmuus')).body as ModelDescriptionSummary[];
    expect(theirs.map((h) => h.id)).not.toContain(a.id);
  });
});

describe('lock, export and import', () => {
  it('a coordinator locks a description: open editors drop to read-only and changes are refused', async () => {
    const coordinator = await t.loginAs('coordinator');
    const model = await create(coordinator, projectSpace, 'Julkaistu malli');
    expect(((await developer.get(`/api/model-descriptions/${model.id}`)).body as ModelDescription).canLock).toBe(false);
    expect((await developer.put(`/api/model-descriptions/${model.id}/lock`, { locked: true })).status).toBe(403);
    const open = await editor(developer, model.doc);
    const closedSocket = new Promise<number>((resolve) => open.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    const locked = (await coordinator.put(`/api/model-descriptions/${model.id}/lock`, { locked: true })).body as ModelDescription;
    expect(locked).toMatchObject({ locked: true, access: 'comment', canLock: true });
    expect(await closedSocket).toBe(CollabCloseCode.accessChanged);
    open.provider.shouldConnect = false;
    expect((await developer.post('/api/collab/token', { doc: model.doc })).body.access).toBe('comment');
    expect((await developer.patch(`/api/model-descriptions/${model.id}`, { name: 'x' })).status).toBe(409);
    await coordinator.put(`/api/model-descriptions/${model.id}/lock`, { locked: false });
    expect((await developer.post('/api/collab/token', { doc: model.doc })).body.access).toBe('edit');
  });

  it('exports JSON, Markdown, DOCX and PDF and the Innokylä copy; JSON import round-trips losslessly', async () => {
    const model = await create(developer, kainuuSpace, 'Perheiden ryhmätoiminta');
    const c = await editor(developer, model.doc);
    c.doc.transact(() => {
      c.doc.getMap('facts').set('summary', 'Ryhmä vanhemmille');
      c.doc.getMap('facts').set('place', 'Kajaani');
      const steps = c.doc.getArray<Y.Map<unknown>>('structure');
      const step = new Y.Map<unknown>();
      steps.insert(0, [step]);
      step.set('id', 'a1');
      step.set('title', 'Aloitustapaaminen');
      const body = new Y.XmlFragment();
      step.set('body', body);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Tutustutaan')]);
      body.insert(0, [p]);
    });
    typeInto(c.doc, 'targetGroup', 'Lapsiperheet, joissa on lastensuojelun asiakkuus');

    const json = await developer.get(`/api/model-descriptions/${model.id}/export/json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="Perheiden-ryhmatoiminta\.json"; filename\*=UTF-8''Perheiden-ryhm%C3%A4toiminta\.json$/);
    const exported = json.body as ModelDescriptionExport;
    expect(exported.content.facts.place).toBe('Kajaani');
    expect(exported.content.structure[0]).toMatchObject({ id: 'a1', title: 'Aloitustapaaminen' });

    const imported = await developer.post(`/api/model-descriptions/import?spaceId=${projectSpace}`, exported);
    expect(imported.status, imported.text).toBe(201);
    const copy = imported.body as ModelDescription;
    expect(copy).toMatchObject({ name: model.name, spaceId: projectSpace, summary: 'Ryhmä vanhemmille' });
    const again = (await developer.get(`/api/model-descriptions/${copy.id}/export/json`)).body as ModelDescriptionExport;
    expect(again.content).toEqual(exported.content);
    // The imported document opens with its content for editors, too.
    const reader = await editor(developer, copy.doc);
    expect(reader.doc.getXmlFragment('section:targetGroup').toString()).toContain('lastensuojelun asiakkuus');

    const md = await developer.get(`/api/model-descriptions/${model.id}/export/md`);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.headers['x-content-type-options']).toBe('nosniff');
    expect(md.text).toContain('Aloitustapaaminen');
    expect(md.text).toContain('Lapsiperheet, joissa on lastensuojelun asiakkuus');
    const docx = await developer.get(`/api/model-descriptions/${model.id}/export/docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/\.docx/);
    const pdf = await developer.get(`/api/model-descriptions/${model.id}/export/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await developer.get(`/api/model-descriptions/${model.id}/export/exe`)).status).toBe(404);

    const innokyla = (await developer.get(`/api/model-descriptions/${model.id}/export/innokyla`)).body as InnokylaCopy;
    expect(innokyla.fields.find((f) => f.field === 'place')!.text).toBe('Kajaani');
    expect(innokyla.fields.find((f) => f.field === 'structure')!.text).toBe('1. Aloitustapaaminen\nTutustutaan');
    expect((await (await t.loginAs('observer')).get(`/api/model-descriptions/${model.id}/export/pdf`)).status).toBe(404);
  });
});

describe('storage outage', () => {
  it('answers 503 (not 500) when document storage does not answer, and works again after', async () => {
    const model = await create(developer, kainuuSpace, 'Katkon aikana');
    await t.db.query(`ALTER TABLE collab_snapshots RENAME TO collab_snapshots_away`);
    try {
      const res = await developer.get(`/api/model-descriptions/${model.id}/export/json`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('unavailable');
    } finally {
      await t.db.query(`ALTER TABLE collab_snapshots_away RENAME TO collab_snapshots`);
    }
    expect((await developer.get(`/api/model-descriptions/${model.id}/export/json`)).status).toBe(200);
  });
});

describe('configurable phases', () => {
  it('admins change the phase list; phases in use stay; bad lists get 400', async () => {
    const admin = await t.loginAs('admin');
    const before = (await admin.get('/api/model-descriptions/phases')).body as ModelPhase[];
    const scaling: ModelPhase = { key: 'scaling', labels: { fi: 'Levitys', sv: 'Spridning', en: 'Scaling' } };
    expect((await developer.put('/api/model-descriptions/phases', { phases: [...before, scaling] })).status).toBe(403);
    const after = (await admin.put('/api/model-descriptions/phases', { phases: [...before, scaling] })).body as ModelPhase[];
    expect(after.map((p) => p.key)).toEqual([...before.map((p) => p.key), 'scaling']);
    const model = await create(developer, kainuuSpace, 'Levitettävä malli');
    expect(((await developer.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'scaling' })).body as ModelDescription).phase).toBe('scaling');

    const removing = await admin.put('/api/model-descriptions/phases', { phases: before });
    expect(removing.status).toBe(409);
    expect(removing.body.message).toMatch(/scaling/);
    const bad = await admin.put('/api/model-descriptions/phases', { phases: [{ key: 'Iso Vaihe', labels: { fi: '', sv: 'x' } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['phases.0.key', 'phases.0.labels.en', 'phases.0.labels.fi']);
    expect((await admin.put('/api/model-descriptions/phases', { phases: [scaling, scaling] })).status).toBe(400);
  });
});
