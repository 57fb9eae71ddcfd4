import type { TestClient } from '@kehittamo/server/testing';
import type { BudgetOverview, CostEntry, ExpertEngagementSummary, ExpertLedger, Indicator, ModelDescription, Organisation, ProgressPermissions, ProgressReport, ProgressTask, Space, WorkPackageProgress } from '@kehittamo/shared/domain';
import { strFromU8, unzipSync } from 'fflate';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
const users = {} as Record<'admin' | 'coordinator' | 'developer' | 'facilitator' | 'expert' | 'observer', TestClient>;
const org: Record<string, string> = {};
let tp1: WorkPackageProgress;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'coordinator', 'developer', 'facilitator', 'expert', 'observer'] as const) users[role] = await t.loginAs(role);
  for (const o of (await users.coordinator.get('/api/organisations')).body as Organisation[]) org[o.shortName] = o.id;
  tp1 = (await users.developer.get('/api/progress/work-packages/TP1')).body;
});
afterAll(() => t?.close());

describe('budget', () => {
  it("gives each organisation's net costs with the 20 % / 80 % split, adding up to the project plan's totals", async () => {
    const res = await users.coordinator.get('/api/progress/budget');
    expect(res.status, res.text).toBe(200);
    const budget = res.body as BudgetOverview;
    expect(budget.total).toMatchObject({ netCosts: 2_248_352, ownShare: 449_671, euShare: 1_798_681 });
    const iso = budget.organisations.find((o) => o.shortName === 'ISO')!;
    expect(iso).toMatchObject({ netCosts: 439_685, ownShare: 87_937, euShare: 351_748 });
    for (const o of budget.organisations) {
      expect(o.ownShare + o.euShare).toBe(o.netCosts);
      expect(Math.abs(o.ownShare - o.netCosts * 0.2)).toBeLessThan(1);
      expect(o.remaining).toBeCloseTo(o.netCosts - o.actual, 2);
    }
    // The demo costs: 15 months of salaries from 8/2024 and one trip per organisation.
    expect(iso.actual).toBe(15 * 10_500 + 1_250);
    expect(budget.total.actual).toBe(15 * (10_500 + 13_800 + 14_200 + 15_100) + 4 * 1_250);
    expect(budget.months[0]).toMatchObject({ period: '2024-08', actual: 10_500 + 13_800 + 14_200 + 15_100 });
    expect(budget.months.at(-1)!.cumulativeActual).toBe(budget.total.actual);
  });

  it('keeps the budget from experience experts and lets observers read it', async () => {
    expect((await users.expert.get('/api/progress/budget')).status).toBe(403);
    expect((await users.expert.get('/api/progress/costs')).status).toBe(403);
    expect((await users.observer.get('/api/progress/budget')).status).toBe(200);
    expect(((await users.expert.get('/api/progress/permissions')).body as ProgressPermissions).canSeeBudget).toBe(false);
  });

  it("lets a developer enter their own organisation's costs only, and shows them in the actuals at once", async () => {
    const before = ((await users.developer.get('/api/progress/budget')).body as BudgetOverview).organisations.find((o) => o.shortName === 'KAINUU')!;
    const added = await users.developer.post('/api/progress/costs', { organisationId: org.KAINUU, period: '2025-11', category: 'services', amount: 2499.5, note: 'Työnohjaus' });
    expect(added.status, added.text).toBe(201);
    expect(added.body as CostEntry).toMatchObject({ period: '2025-11', category: 'services', amount: 2499.5, organisationShortName: 'KAINUU' });
    const after = ((await users.developer.get('/api/progress/budget')).body as BudgetOverview).organisations.find((o) => o.shortName === 'KAINUU')!;
    expect(after.actual).toBeCloseTo(before.actual + 2499.5, 2);
    expect(after.byCategory.services).toBeCloseTo(before.byCategory.services + 2499.5, 2);

    expect((await users.developer.post('/api/progress/costs', { organisationId: org.ISO, period: '2025-11', category: 'travel', amount: 100 })).status).toBe(403);
    expect((await users.observer.post('/api/progress/costs', { organisationId: org.ISO, period: '2025-11', category: 'travel', amount: 100 })).status).toBe(403);
    expect((await users.coordinator.post('/api/progress/costs', { organisationId: org.PSAVO, period: '2025-11', category: 'travel', amount: 100 })).status).toBe(201);

    const bad = await users.developer.post('/api/progress/costs', { organisationId: org.KAINUU, period: '2025-13', category: 'food', amount: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'category', 'period']);

    expect((await users.developer.delete(`/api/progress/costs/${added.body.id}`)).status).toBe(204);
    const restored = ((await users.developer.get('/api/progress/budget')).body as BudgetOverview).organisations.find((o) => o.shortName === 'KAINUU')!;
    expect(restored.actual).toBeCloseTo(before.actual, 2);
  });
});

describe('work packages, tasks and milestones', () => {
  it('lists TP1–TP5 with objectives, tasks, status counts and overdue items for everyone, experts too', async () => {
    const res = await users.expert.get('/api/progress/work-packages');
    expect(res.status).toBe(200);
    const packages = res.body as WorkPackageProgress[];
    expect(packages.map((p) => p.code)).toEqual(['TP1', 'TP2', 'TP3', 'TP4', 'TP5']);
    expect(packages[0].objective).toContain('monialaisen tiimin');
    const pilot = packages[0].tasks.find((x) => x.title === 'Monialaisen tiimin pilotti')!;
    // Its sub-tasks follow it; two of three are done.
    const index = packages[0].tasks.indexOf(pilot);
    expect(packages[0].tasks.slice(index + 1, index + 4).every((x) => x.parentId === pilot.id)).toBe(true);
    expect(pilot.suggestion).toEqual({ percent: 67, basis: { subtasksDone: 2, subtasks: 3, models: 0, modelPercent: null } });
    expect(pilot.canEdit).toBe(false);
    const tp5 = packages[4];
    expect(tp5.overdue).toBeGreaterThanOrEqual(1); // the delayed interim report, due 31.10.2025
    expect(tp5.statusCounts.delayed).toBe(1);
  });

  it('lets a developer plan their organisation’s tasks and sub-tasks, and suggests % from sub-tasks and linked models', async () => {
    const spaces = (await users.developer.get('/api/spaces')).body as Space[];
    const model = (await users.developer.post('/api/model-descriptions', { spaceId: spaces.find((s) => s.kind === 'project')!.id, name: 'Tiimimallin kuvaus' }))
      .body as ModelDescription;
    const created = await users.developer.post('/api/progress/tasks', {
      workPackageId: tp1.id,
      organisationId: org.KAINUU,
      kind: 'task',
      title: 'Tiimimallin juurruttaminen',
      startsOn: '2026-01-01',
      dueOn: '2026-11-30',
      modelIds: [model.id],
    });
    expect(created.status, created.text).toBe(201);
    const task = created.body as ProgressTask;
    expect(task).toMatchObject({ status: 'not-started', percent: 0, canEdit: true, models: [{ id: model.id, name: 'Tiimimallin kuvaus', phase: 'idea' }] });
    // A new description: nothing filled, first phase → 0 %.
    expect(task.suggestion).toEqual({ percent: 0, basis: { subtasksDone: 0, subtasks: 0, models: 1, modelPercent: 0 } });

    const sub = await users.developer.post('/api/progress/tasks', { workPackageId: tp1.id, organisationId: org.KAINUU, kind: 'task', title: 'Esihenkilöiden perehdytys', dueOn: '2026-05-31', parentId: task.id, status: 'done' });
    expect(sub.status, sub.text).toBe(201);
    expect(sub.body.percent).toBe(100);
    await users.developer.post('/api/progress/tasks', { workPackageId: tp1.id, organisationId: org.KAINUU, kind: 'task', title: 'Prosessikuvaus', dueOn: '2026-08-31', parentId: task.id });
    await users.developer.put(`/api/model-descriptions/${model.id}/phase`, { phase: 'established' });

    const updated = await users.developer.patch(`/api/progress/tasks/${task.id}`, { status: 'on-track', percent: 45 });
    expect(updated.status, updated.text).toBe(200);
    // Sub-tasks 1/2 = 50 %; the model: (0 filled + last phase 100 %) / 2 = 50 % → 50.
    expect(updated.body).toMatchObject({ status: 'on-track', percent: 45, suggestion: { percent: 50, basis: { subtasksDone: 1, subtasks: 2, models: 1, modelPercent: 50 } } });
  });

  it('refuses what does not fit, listing every problem', async () => {
    const iso = (await users.coordinator.get('/api/progress/work-packages/TP4')).body as WorkPackageProgress;
    const isoTask = iso.tasks.find((x) => x.kind === 'task')!;
    expect((await users.developer.patch(`/api/progress/tasks/${isoTask.id}`, { percent: 90 })).status).toBe(403);
    expect((await users.developer.post('/api/progress/tasks', { workPackageId: tp1.id, organisationId: org.ISO, kind: 'task', title: 'X', dueOn: '2026-01-01' })).status).toBe(403);
    for (const who of ['observer', 'expert'] as const) {
      expect((await users[who].post('/api/progress/tasks', { workPackageId: tp1.id, organisationId: org.KAINUU, kind: 'task', title: 'X', dueOn: '2026-01-01' })).status).toBe(403);
    }
    const bad = await users.developer.post('/api/progress/tasks', { workPackageId: tp1.id, organisationId: org.KAINUU, kind: 'phase', title: '', dueOn: '31.12.2026', percent: 120 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dueOn', 'kind', 'percent', 'title']);
    const milestoneUnderIso = await users.developer.post('/api/progress/tasks', {
      workPackageId: tp1.id,
      organisationId: org.KAINUU,
      kind: 'milestone',
      title: 'Väärä',
      startsOn: '2026-12-01',
      dueOn: '2026-01-01',
      parentId: isoTask.id,
    });
    expect(milestoneUnderIso.status).toBe(400);
    expect(milestoneUnderIso.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['parentId', 'startsOn']);
    expect((await users.developer.get('/api/progress/work-packages/TP9')).status).toBe(404);
  });

  it("lets coordinators write a work package's objective, and nobody else", async () => {
    const res = await users.coordinator.put('/api/progress/work-packages/tp2/objective', { objective: 'Uusi tavoite: osaaminen vahvistuu.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.objective).toBe('Uusi tavoite: osaaminen vahvistuu.');
    expect((await users.developer.put('/api/progress/work-packages/TP2/objective', { objective: 'Ei' })).status).toBe(403);
    const permissions = (await users.developer.get('/api/progress/permissions')).body as ProgressPermissions;
    expect(permissions).toEqual({ canManage: false, editableOrganisationIds: [org.KAINUU], canSeeBudget: true });
  });
});

describe('periodic progress reports', () => {
  it('goes draft → submitted → returned with a comment → submitted → approved, keeping every step', async () => {
    const created = await users.developer.post('/api/progress/reports', { organisationId: org.KAINUU, period: '2025-Q3' });
    expect(created.status, created.text).toBe(201);
    const report = created.body as ProgressReport;
    expect(report).toMatchObject({ period: '2025-Q3', startsOn: '2025-07-01', endsOn: '2025-09-30', status: 'draft', canEdit: true, canDecide: false });
    expect((await users.developer.post('/api/progress/reports', { organisationId: org.KAINUU, period: '2025-Q3' })).status).toBe(409);

    const empty = await users.developer.post(`/api/progress/reports/${report.id}/submit`);
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: { field: string }) => f.field)).toEqual(['done', 'next']);
    await users.developer.patch(`/api/progress/reports/${report.id}`, { done: 'Pilotti käynnistyi kolmessa perheessä.', next: 'Väliarviointi.', risks: 'Sijaisuudet.' });
    const submitted = await users.developer.post(`/api/progress/reports/${report.id}/submit`);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', canEdit: false });
    expect((await users.developer.patch(`/api/progress/reports/${report.id}`, { done: 'Muutos' })).status).toBe(409);

    expect((await users.developer.post(`/api/progress/reports/${report.id}/decision`, { decision: 'approve' })).status).toBe(403);
    const noReason = await users.coordinator.post(`/api/progress/reports/${report.id}/decision`, { decision: 'return' });
    expect(noReason.status).toBe(400);
    const returned = await users.coordinator.post(`/api/progress/reports/${report.id}/decision`, { decision: 'return', comment: 'Lisää luvut perheistä.' });
    expect(returned.body).toMatchObject({ status: 'returned', coordinatorComment: 'Lisää luvut perheistä.' });
    await users.developer.patch(`/api/progress/reports/${report.id}`, { done: 'Pilotti käynnistyi kolmessa perheessä (12 henkilöä).' });
    await users.developer.post(`/api/progress/reports/${report.id}/submit`);
    expect((await users.coordinator.get(`/api/progress/reports/${report.id}`)).body.canDecide).toBe(true);
    const approved = await users.coordinator.post(`/api/progress/reports/${report.id}/decision`, { decision: 'approve', comment: 'Kiitos!' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'edited', 'submitted', 'returned', 'edited', 'submitted', 'approved']);
    expect(approved.body.history[3]).toMatchObject({ comment: 'Lisää luvut perheistä.' });
    expect((await users.coordinator.post(`/api/progress/reports/${report.id}/decision`, { decision: 'return', comment: 'Vielä' })).status).toBe(409);

    const listed = (await users.observer.get(`/api/progress/reports?organisationId=${org.KAINUU}&status=approved`)).body as ProgressReport[];
    // The demo's approved spring report, and this one, newest quarter first.
    expect(listed.map((r) => r.period)).toEqual(['2026-Q2', '2025-Q3']);
    expect(listed[1].id).toBe(report.id);
    expect((await users.developer.post('/api/progress/reports', { organisationId: org.ISO, period: '2025-Q3' })).status).toBe(403);
    expect((await users.developer.post('/api/progress/reports', { organisationId: org.KAINUU, period: '2025-Q5' })).status).toBe(400);
  });
});

describe('indicators', () => {
  it('adds entered values up across organisations and quarters, and counts workshops and expert comments by itself', async () => {
    const list = async (client = users.coordinator) => (await client.get('/api/progress/indicators')).body as Indicator[];
    const indicators = await list(users.expert);
    const trained = indicators.find((i) => i.name === 'Koulutetut työntekijät')!;
    expect(trained).toMatchObject({ unit: 'henkilöä', target: 300, source: 'manual', current: 20 + 35 + 18 + 30 + 25 + 40 });
    expect(trained.totals).toEqual([
      { period: '2025-Q3', value: 20 + 18 + 25 },
      { period: '2025-Q4', value: 35 + 30 + 40 },
    ]);

    // Kainuu corrects its autumn figure and adds the next quarter.
    const set = (period: string, value: number, organisationId = org.KAINUU, client = users.developer) =>
      client.put(`/api/progress/indicators/${trained.id}/values`, { organisationId, period, value });
    expect((await set('2025-Q4', 32)).status).toBe(200);
    const updated = (await set('2026-Q1', 12)).body as Indicator;
    expect(updated.totals).toEqual([
      { period: '2025-Q3', value: 63 },
      { period: '2025-Q4', value: 107 },
      { period: '2026-Q1', value: 12 },
    ]);
    expect(updated.values.filter((v) => v.organisationShortName === 'KAINUU').map((v) => [v.period, v.value])).toEqual([
      ['2025-Q3', 18],
      ['2025-Q4', 32],
      ['2026-Q1', 12],
    ]);
    expect((await set('2026-Q1', 5, org.ISO)).status).toBe(403);
    expect((await set('2026-Q1', 5, org.KAINUU, users.expert)).status).toBe(403);
    const bad = await users.developer.put(`/api/progress/indicators/${trained.id}/values`, { organisationId: org.KAINUU, period: '2026-05', value: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['period', 'value']);

    // Counted: the demo workshop is in the future, so none yet; an expert's comment counts for their organisation.
    const comments = indicators.find((i) => i.source === 'expert-contributions')!;
    const spaces = (await users.expert.get('/api/spaces')).body as Space[];
    const model = (await users.developer.post('/api/model-descriptions', { spaceId: spaces.find((s) => s.kind === 'project')!.id, name: 'Mittarimalli' })).body as ModelDescription;
    expect((await users.expert.post('/api/comment-threads', { target: { kind: 'model', id: model.id }, body: 'Hyvä alku.' })).status).toBe(201);
    const counted = (await list()).find((i) => i.id === comments.id)!;
    expect(counted.current).toBe(comments.current + 1);
    expect(counted.values.every((v) => v.organisationShortName === 'KAINUU')).toBe(true);
    expect((await users.coordinator.put(`/api/progress/indicators/${comments.id}/values`, { organisationId: org.KAINUU, period: '2026-Q1', value: 3 })).status).toBe(409);

    const created = await users.coordinator.post('/api/progress/indicators', { name: 'Perheiden palautteet', unit: 'kpl', target: 100 });
    expect(created.status, created.text).toBe(201);
    expect((await users.developer.post('/api/progress/indicators', { name: 'X', unit: 'kpl' })).status).toBe(403);
  });
});

describe('exports', () => {
  /** The text of a DOCX: every w:t run of word/document.xml. */
  function docxText(body: Buffer): string {
    const xml = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']);
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  }

  async function pdfText(body: Buffer): Promise<string> {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(body), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages.join('\n');
  }

  const binary = (res: { body: unknown }) => res.body as Buffer;
  const download = (client: TestClient, path: string) => client.download(path);

  it('writes the funder report for a quarter as DOCX and PDF with the plan, the actuals and the highlights', async () => {
    const docx = await download(users.coordinator, '/api/progress/export/funder-report.docx?period=2026-Q3');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toContain('vaiheraportti-2026-Q3.docx');
    const text = docxText(binary(docx));
    expect(text).toContain('Raportointijakso 2026-Q3 (1.7.2026–30.9.2026)');
    expect(text).toContain('2 248 352 €'); // total net costs
    expect(text).toContain('449 671 €');
    expect(text).toContain('1 798 681 €');
    expect(text).toContain('TP4 Kokemusasiantuntijuus kehittämisessä');
    expect(text).toContain('Koulutetut työntekijät');
    // Etelä-Savo's submitted summer report is a highlight.
    expect(text).toContain('FIT-mittarien kokeilu laajeni kahteen uuteen tiimiin.');

    const pdf = await download(users.coordinator, '/api/progress/export/funder-report.pdf?period=2026-Q3');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfContent = await pdfText(binary(pdf));
    expect(pdfContent).toContain('2 248 352 €');
    expect(pdfContent).toContain('Työpakettien tilanne');

    expect((await users.expert.get('/api/progress/export/funder-report.pdf?period=2026-Q3')).status).toBe(403);
    expect((await users.coordinator.get('/api/progress/export/funder-report.pdf?period=2026-7')).status).toBe(400);
    expect((await users.coordinator.get('/api/progress/export/funder-report.xls?period=2026-Q3')).status).toBe(404);
  });

  it('exports the tables as CSV for a Finnish spreadsheet, with the right figures', async () => {
    const budget = await download(users.observer, '/api/progress/export/budget.csv');
    expect(budget.status).toBe(200);
    const lines = binary(budget).subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"Toteuttaja";"Kustannusarvio €";"Omarahoitus €";"EU-rahoitus €";"Toteutunut €";"Jäljellä €";"Käytetty %";"Kuukausikulutus €";"Ennuste €"');
    const total = lines.at(-1)!.split(';');
    expect(total.slice(0, 4)).toEqual(['"Yhteensä"', '2248352', '449671', '1798681']);
    const tasks = binary(await download(users.expert, '/api/progress/export/tasks.csv')).toString('utf8');
    expect(tasks).toContain('"TP1";"KAINUU";"tehtävä";"Monialaisen tiimin pilotti"');
    expect((await users.expert.get('/api/progress/export/budget.csv')).status).toBe(403);
    expect((await users.coordinator.get('/api/progress/export/users.csv')).status).toBe(404);
  });
});

describe('experience-expert engagement ledger', () => {
  it('adds up workshop attendance and entered tasks per expert for coordinators, audits the payroll export, and shows others only safe aggregates', async () => {
    const experts = [await t.buildUser('expert', 'KAINUU'), await t.buildUser('expert', 'ESAVO'), await t.buildUser('expert', 'PSAVO')];
    const expertId = async (u: { email: string }) => (await t.db.query(`SELECT id FROM users WHERE email = $1`, [u.email]))[0].id as string;
    const [first, second, third] = await Promise.all(experts.map(expertId));
    // A workshop of 09:00–12:00 on 10.2.2026 that the first expert attended from 09:30 to the end (two connections), the second 10:00–11:00.
    const [workshop]: { id: string }[] = await t.db.query(`SELECT id FROM workshops LIMIT 1`);
    await t.db.query(`UPDATE workshops SET starts_at = '2026-02-10 09:00+02', ends_at = '2026-02-10 12:00+02' WHERE id = $1`, [workshop.id]);
    await t.db.query(
      `INSERT INTO workshop_attendance (workshop_id, user_id, connection_id, joined_at, left_at) VALUES
         ($1, $2, 'a', '2026-02-10 09:30+02', '2026-02-10 10:30+02'), ($1, $2, 'b', '2026-02-10 10:30+02', NULL),
         ($1, $3, 'c', '2026-02-10 10:00+02', '2026-02-10 11:00+02')`,
      [workshop.id, first, second],
    );
    const entry = await users.coordinator.post('/api/progress/expert-ledger', { expertId: first, date: '2026-02-20', description: 'Kommentointi: tiimimalli', hours: 2.5, travelCosts: 32.4 });
    expect(entry.status, entry.text).toBe(201);
    await users.coordinator.post('/api/progress/expert-ledger', { expertId: third, date: '2026-03-02', description: 'Haastattelu', hours: 1 });

    const res = await users.coordinator.get('/api/progress/expert-ledger?from=2026-01-01&to=2026-03-31');
    expect(res.status, res.text).toBe(200);
    const ledger = res.body as ExpertLedger;
    const totalOf = (id: string) => ledger.totals.find((x) => x.expertId === id)!;
    expect(totalOf(first)).toMatchObject({ engagements: 2, hours: 2.5 + 2.5, travelCosts: 32.4 });
    expect(totalOf(second)).toMatchObject({ engagements: 1, hours: 1 });
    expect(ledger.rows.find((r) => r.expertId === first && r.kind === 'workshop')).toMatchObject({ date: '2026-02-10', hours: 2.5 });

    // Payroll: coordinators only, and the download is audited.
    const csv = await users.coordinator.download('/api/progress/export/expert-ledger.csv?from=2026-01-01&to=2026-03-31');
    expect(csv.status).toBe(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('"Kommentointi: tiimimalli";2,5;32,4');
    const [audit] = await t.db.query(`SELECT detail FROM audit_events WHERE action = 'export' AND target_type = 'expert-ledger' ORDER BY created_at DESC LIMIT 1`);
    expect(audit.detail).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    for (const who of ['developer', 'facilitator', 'observer', 'expert'] as const) {
      expect((await users[who].get('/api/progress/expert-ledger?from=2026-01-01&to=2026-03-31')).status, who).toBe(403);
      expect((await users[who].get('/api/progress/export/expert-ledger.csv?from=2026-01-01&to=2026-03-31')).status, who).toBe(403);
    }
    expect((await users.coordinator.post('/api/progress/expert-ledger', { expertId: (await users.developer.get('/api/auth/me')).body.id, date: '2026-02-20', description: 'X', hours: 1 })).status).toBe(400);

    // Everyone else: quarters, with too-small groups hidden.
    const summary = (await users.expert.get('/api/progress/expert-engagement')).body as ExpertEngagementSummary;
    expect(summary.quarters.find((q) => q.period === '2026-Q1')).toEqual({ period: "2026-Q1", suppressed: false, experts: 3, engagements: 4, hours: 7 });
    await users.coordinator.post('/api/progress/expert-ledger', { expertId: first, date: '2026-05-05', description: 'Yksin', hours: 1 });
    const alone = ((await users.observer.get('/api/progress/expert-engagement')).body as ExpertEngagementSummary).quarters.find((q) => q.period === '2026-Q2');
    expect(alone).toEqual({ period: '2026-Q2', suppressed: true, experts: null, engagements: null, hours: null });
  });
});
