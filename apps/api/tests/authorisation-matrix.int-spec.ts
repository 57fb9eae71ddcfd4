import { ORGANISATION_ROLES, type InvitationCreated, type Organisation, type OrganisationRole, type Space } from '@kehittamo/shared/domain';
import type { TestClient } from '@kehittamo/server/testing';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every role × every endpoint: who may, and what the others get. 404 means the object is
 * invisible to the caller; 403 means they see it but may not do this.
 * Demo users: admin, coordinator, observer in ISO (the main project); developer,
 * facilitator, expert in Kainuu.
 */
type Who = OrganisationRole | 'anonymous';
const WHO: Who[] = [...ORGANISATION_ROLES, 'anonymous'];

interface Fixture {
  org: Record<string, string>;
  space: { project: string; iso: string; kainuu: string; esavo: string };
  user: Record<OrganisationRole, string>;
  /** The demo workshop (project space): the facilitator leads; developer, expert and coordinator are invited. */
  workshop: { id: string; board: string };
}

interface Case {
  name: string;
  /** Expected status per caller. */
  expect: Record<Who, number>;
  run(client: TestClient, f: Fixture, who: Who): Promise<{ status: number }>;
}

const all = (status: number, except: Partial<Record<Who, number>> = {}): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, except[w] ?? status])) as Record<Who, number>;

const ISO_ONLY = { admin: 200, coordinator: 200, observer: 200 } as const;
const KAINUU_ONLY = { developer: 200, facilitator: 200, expert: 200 } as const;

let t: TestApp;
const models = new Map<string, Promise<string>>();
/** One model per space, made by the developer (who can edit in both the project and Kainuu's space). */
function modelIn(spaceId: string): Promise<string> {
  if (!models.has(spaceId)) {
    models.set(
      spaceId,
      t.loginAs('developer').then(async (developer) => (await developer.post('/api/model-descriptions', { spaceId, name: 'Matriisin malli' })).body.id as string),
    );
  }
  return models.get(spaceId) as Promise<string>;
}

/**
 * A fresh comment by an experience expert on the project model: the demo expert's own (to withdraw),
 * or a new expert's, so the many rows stay under one person's comment rate limit.
 */
async function expertComment(f: Fixture, demoExpert = false): Promise<string> {
  const expert = demoExpert ? await t.loginAs('expert') : await t.loginAsUser(await t.buildUser('expert', 'KAINUU'));
  const res = await expert.post('/api/comment-threads', { target: { kind: 'model', id: await modelIn(f.space.project) }, body: 'Kokemusasiantuntijan huomio' });
  return res.body.comments[0].id as string;
}

const notes = new Map<string, Promise<string>>();
/** A material note by the developer in the space; `fresh` makes a new one (for deletes). */
function noteIn(spaceId: string, fresh = false): Promise<string> {
  const make = () => t.loginAs('developer').then(async (developer) => (await developer.post('/api/materials', { spaceId, kind: 'note', title: 'Matriisin muistiinpano', body: 'Teksti' })).body.id as string);
  if (fresh) return make();
  if (!notes.has(spaceId)) notes.set(spaceId, make());
  return notes.get(spaceId) as Promise<string>;
}

let f: Fixture;

const CASES: Case[] = [
  { name: 'GET /api/auth/me', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/auth/me') },
  {
    name: 'PATCH /api/auth/me',
    expect: all(200, { anonymous: 401 }),
    run: (c) => c.patch('/api/auth/me', { language: 'fi' }),
  },
  { name: 'GET /api/project (public)', expect: all(200), run: (c) => c.get('/api/project') },
  { name: 'GET /api/organisations', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/organisations') },
  {
    name: 'POST /api/organisations',
    expect: all(403, { admin: 201, anonymous: 401 }),
    run: (c, _f, who) => c.post('/api/organisations', { name: `Uusi organisaatio ${who}`, shortName: `NEW-${who}`, kind: 'other' }),
  },
  {
    name: 'GET /api/organisations/:kainuu/members',
    expect: all(404, { admin: 200, coordinator: 200, ...KAINUU_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/organisations/${f.org['KAINUU']}/members`),
  },
  {
    name: 'GET /api/organisations/:iso/members',
    expect: all(404, { ...ISO_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/organisations/${f.org['ISO']}/members`),
  },
  {
    name: 'PATCH /api/organisations/:kainuu/members/:developer (role)',
    expect: { admin: 200, coordinator: 200, observer: 404, developer: 403, facilitator: 403, expert: 403, anonymous: 401 },
    run: (c, f) => c.patch(`/api/organisations/${f.org['KAINUU']}/members/${f.user.developer}`, { role: 'developer' }),
  },
  {
    name: 'DELETE /api/organisations/:kainuu/members/:someone',
    expect: { admin: 204, coordinator: 204, observer: 404, developer: 403, facilitator: 403, expert: 403, anonymous: 401 },
    run: async (c) => {
      const target = await t.buildUser('developer', 'KAINUU');
      return c.delete(`/api/organisations/${target.organisationId}/members/${target.id}`);
    },
  },
  {
    name: 'POST /api/organisations/:kainuu/members/:someone/password-reset',
    expect: { admin: 201, coordinator: 201, observer: 404, developer: 403, facilitator: 403, expert: 403, anonymous: 401 },
    run: async (c) => {
      const target = await t.buildUser('expert', 'KAINUU');
      return c.post(`/api/organisations/${target.organisationId}/members/${target.id}/password-reset`);
    },
  },
  {
    name: 'POST /api/invitations (Kainuu developer)',
    expect: all(403, { admin: 201, coordinator: 201, anonymous: 401 }),
    run: (c, f, who) => c.post('/api/invitations', { email: `matrix-${who}@example.fi`, organisationId: f.org['KAINUU'], role: 'developer' }),
  },
  {
    name: 'GET /api/invitations?organisationId=:kainuu',
    expect: all(404, { admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c, f) => c.get(`/api/invitations?organisationId=${f.org['KAINUU']}`),
  },
  {
    name: 'DELETE /api/invitations/:id',
    expect: all(404, { admin: 204, coordinator: 204, anonymous: 401 }),
    run: async (c, f, who) => {
      const coordinator = await t.loginAs('coordinator');
      const invitation = (await coordinator.post('/api/invitations', { email: `revoke-${who}@example.fi`, organisationId: f.org['KAINUU'], role: 'expert' })).body as InvitationCreated;
      return c.delete(`/api/invitations/${invitation.id}`);
    },
  },
  { name: 'GET /api/spaces', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/spaces') },
  {
    name: 'GET /api/spaces/:project',
    expect: all(200, { anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.project}`),
  },
  {
    name: 'GET /api/spaces/:iso-private',
    expect: all(404, { ...ISO_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.iso}`),
  },
  {
    name: 'GET /api/spaces/:kainuu-private',
    expect: all(404, { ...KAINUU_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.kainuu}`),
  },
  {
    name: 'GET /api/spaces/:esavo-private (nobody here belongs)',
    expect: all(404, { anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.esavo}`),
  },
  {
    name: 'GET /api/spaces/:kainuu-private/members',
    expect: all(404, { ...KAINUU_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.kainuu}/members`),
  },
  {
    name: 'PUT /api/spaces/:project/members/:expert',
    expect: all(403, { admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c, f) => c.put(`/api/spaces/${f.space.project}/members/${f.user.expert}`, { access: 'comment' }),
  },
  {
    name: 'PUT /api/spaces/:kainuu-private/members/:expert',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 403, facilitator: 403, expert: 403, anonymous: 401 },
    run: (c, f) => c.put(`/api/spaces/${f.space.kainuu}/members/${f.user.expert}`, { access: 'comment' }),
  },
  {
    name: 'DELETE /api/spaces/:project/members/:someone',
    expect: all(403, { admin: 204, coordinator: 204, anonymous: 401 }),
    run: async (c, f) => {
      const target = await t.buildUser('developer', 'PSAVO');
      return c.delete(`/api/spaces/${f.space.project}/members/${target.id}`);
    },
  },
  {
    name: 'POST /api/spaces (Kainuu private)',
    expect: all(403, { admin: 201, coordinator: 201, anonymous: 401 }),
    run: (c, f, who) => c.post('/api/spaces', { name: `Kainuun pilotti ${who}`, kind: 'organisation', organisationId: f.org['KAINUU'] }),
  },
  {
    name: 'POST /api/spaces (project-wide)',
    expect: all(403, { admin: 201, coordinator: 201, anonymous: 401 }),
    run: (c, _f, who) => c.post('/api/spaces', { name: `Yhteinen työpaja ${who}`, kind: 'project' }),
  },
  {
    name: 'POST /api/boards (Kainuu private space)',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 201, facilitator: 201, expert: 403, anonymous: 401 },
    run: (c, f) => c.post('/api/boards', { spaceId: f.space.kainuu, title: 'Taulu' }),
  },
  {
    name: 'GET /api/spaces/:kainuu-private/boards',
    expect: all(404, { ...KAINUU_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/spaces/${f.space.kainuu}/boards`),
  },
  {
    name: 'POST /api/collab/token (board in the project space)',
    expect: all(200, { anonymous: 401 }),
    run: async (c, f) => {
      const board = (await (await t.loginAs('developer')).post('/api/boards', { spaceId: f.space.project, title: 'Yhteinen' })).body;
      return c.post('/api/collab/token', { doc: board.doc });
    },
  },
  {
    name: 'POST /api/collab/token (board in Kainuu’s private space)',
    expect: all(404, { ...KAINUU_ONLY, anonymous: 401 }),
    run: async (c, f) => {
      const board = (await (await t.loginAs('developer')).post('/api/boards', { spaceId: f.space.kainuu, title: 'Oma' })).body;
      return c.post('/api/collab/token', { doc: board.doc });
    },
  },
  {
    name: 'GET /api/boards/:demo-workshop-board',
    expect: all(200, { anonymous: 401 }),
    run: (c, f) => c.get(`/api/boards/${f.workshop.board}`),
  },
  {
    name: 'PATCH /api/boards/:demo-workshop-board',
    expect: all(200, { observer: 403, expert: 403, anonymous: 401 }),
    run: (c, f) => c.patch(`/api/boards/${f.workshop.board}`, { title: 'Millaista tukea vanhemmat tarvitsevat?' }),
  },
  {
    name: 'POST /api/board-templates',
    expect: all(403, { admin: 201, anonymous: 401 }),
    run: (c, f, who) => c.post('/api/board-templates', { boardId: f.workshop.board, name: `Pohja ${who}` }),
  },
  {
    name: 'POST /api/workshops (Kainuu private space)',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 201, facilitator: 201, expert: 403, anonymous: 401 },
    run: (c, f) =>
      c.post('/api/workshops', { spaceId: f.space.kainuu, title: 'Työpaja', startsAt: '2026-12-01T08:00:00Z', endsAt: '2026-12-01T10:00:00Z' }),
  },
  {
    name: 'GET /api/workshops/people (Kainuu private space)',
    expect: all(404, { ...KAINUU_ONLY, anonymous: 401 }),
    run: (c, f) => c.get(`/api/workshops/people?spaceId=${f.space.kainuu}`),
  },
  {
    name: 'GET /api/workshops/:demo',
    expect: all(200, { anonymous: 401 }),
    run: (c, f) => c.get(`/api/workshops/${f.workshop.id}`),
  },
  {
    name: 'PATCH /api/workshops/:demo',
    expect: all(403, { facilitator: 200, anonymous: 401 }),
    run: (c, f) => c.patch(`/api/workshops/${f.workshop.id}`, { location: 'Etänä' }),
  },
  {
    name: 'GET /api/workshops/:demo/attendance',
    expect: all(403, { facilitator: 200, admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c, f) => c.get(`/api/workshops/${f.workshop.id}/attendance`),
  },
  {
    name: 'POST /api/workshops/:demo/feedback',
    expect: all(204, { admin: 403, observer: 403, anonymous: 401 }),
    run: (c, f) => c.post(`/api/workshops/${f.workshop.id}/feedback`, { heard: 8, mattered: 8, suited: 8, overall: 8 }),
  },
  {
    name: 'GET /api/workshops/feedback/trend (Kainuu)',
    expect: all(403, { admin: 200, coordinator: 200, facilitator: 200, anonymous: 401 }),
    run: (c, f) => c.get(`/api/workshops/feedback/trend?organisationId=${f.org['KAINUU']}`),
  },
  {
    name: 'GET /api/audit',
    expect: all(403, { admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c) => c.get('/api/audit'),
  },
  {
    name: 'POST /api/auth/logout',
    expect: all(204, { anonymous: 401 }),
    run: (c) => c.post('/api/auth/logout'),
  },
  // Comments: follow the rights in the target's space; outcomes need edit rights; moderation is for coordinators and facilitators.
  {
    name: 'POST /api/comment-threads (Kainuu private model)',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 201, facilitator: 201, expert: 201, anonymous: 401 },
    run: async (c, f, who) => c.post('/api/comment-threads', { target: { kind: 'model', id: await modelIn(f.space.kainuu) }, body: `Kommentti ${who}` }),
  },
  {
    name: 'GET /api/comment-threads?kind=model&id=:kainuu-model',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 200, facilitator: 200, expert: 200, anonymous: 401 },
    run: async (c, f) => c.get(`/api/comment-threads?kind=model&id=${await modelIn(f.space.kainuu)}`),
  },
  {
    name: 'POST /api/comment-threads (project model)',
    expect: all(201, { observer: 403, anonymous: 401 }),
    run: async (c, f, who) => c.post('/api/comment-threads', { target: { kind: 'model', id: await modelIn(f.space.project) }, body: `Kommentti ${who}` }),
  },
  {
    name: 'PUT /api/comments/:expert-comment/outcome (project)',
    expect: all(200, { observer: 403, expert: 403, anonymous: 401 }),
    run: async (c, f) => c.put(`/api/comments/${await expertComment(f)}/outcome`, { kind: 'accepted', reason: 'Otetaan mukaan' }),
  },
  {
    name: 'POST /api/comments/:expert-comment/hide (project)',
    expect: all(403, { coordinator: 200, facilitator: 200, anonymous: 401 }),
    run: async (c, f) => c.post(`/api/comments/${await expertComment(f)}/hide`, { reason: 'Testi' }),
  },
  {
    name: 'DELETE /api/comments/:expert-comment (withdraw)',
    expect: all(403, { expert: 204, anonymous: 401 }),
    run: async (c, f) => c.delete(`/api/comments/${await expertComment(f, true)}`),
  },
  // Materials: read with any rights in the space, add with edit rights; change and delete: the one who added it, coordinators and admins.
  {
    name: 'GET /api/materials/:kainuu-note',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 200, facilitator: 200, expert: 200, anonymous: 401 },
    run: async (c, f) => c.get(`/api/materials/${await noteIn(f.space.kainuu)}`),
  },
  {
    name: 'POST /api/materials (project note)',
    expect: all(201, { observer: 403, expert: 403, anonymous: 401 }),
    run: (c, f, who) => c.post('/api/materials', { spaceId: f.space.project, kind: 'note', title: `Muistiinpano ${who}`, body: 'Teksti' }),
  },
  {
    name: "PATCH /api/materials/:developer's-project-note",
    expect: all(403, { admin: 200, coordinator: 200, developer: 200, anonymous: 401 }),
    run: async (c, f) => c.patch(`/api/materials/${await noteIn(f.space.project)}`, { description: 'Päivitetty' }),
  },
  {
    name: "DELETE /api/materials/:developer's-project-note",
    expect: all(403, { admin: 204, coordinator: 204, developer: 204, anonymous: 401 }),
    run: async (c, f) => c.delete(`/api/materials/${await noteIn(f.space.project, true)}`),
  },
  {
    name: 'PUT /api/materials/:project-note/useful',
    expect: all(200, { anonymous: 401 }),
    run: async (c, f) => c.put(`/api/materials/${await noteIn(f.space.project)}/useful`, { useful: true }),
  },
  {
    name: 'POST /api/material-collections (project)',
    expect: all(201, { observer: 403, expert: 403, anonymous: 401 }),
    run: (c, f, who) => c.post('/api/material-collections', { spaceId: f.space.project, title: `Polku ${who}` }),
  },
  // Project management: everyone reads progress; experts never the budget; developers and facilitators enter their own organisation's tasks and costs; coordinators and admins everything.
  { name: 'GET /api/progress/work-packages', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/progress/work-packages') },
  { name: 'GET /api/progress/budget', expect: all(200, { expert: 403, anonymous: 401 }), run: (c) => c.get('/api/progress/budget') },
  {
    name: 'POST /api/progress/costs (Kainuu)',
    expect: all(201, { observer: 403, expert: 403, anonymous: 401 }),
    run: (c, f) => c.post('/api/progress/costs', { organisationId: f.org['KAINUU'], period: '2025-12', category: 'other', amount: 10 }),
  },
  {
    name: 'POST /api/progress/costs (ISO)',
    expect: all(403, { admin: 201, coordinator: 201, anonymous: 401 }),
    run: (c, f) => c.post('/api/progress/costs', { organisationId: f.org['ISO'], period: '2025-12', category: 'other', amount: 10 }),
  },
  {
    name: 'POST /api/progress/tasks (Kainuu, TP1)',
    expect: all(201, { observer: 403, expert: 403, anonymous: 401 }),
    run: async (c, f, who) => {
      const tp1 = await (await t.loginAs('coordinator')).get('/api/progress/work-packages/TP1');
      return c.post('/api/progress/tasks', { workPackageId: tp1.body.id, organisationId: f.org['KAINUU'], kind: 'task', title: `Tehtävä ${who}`, dueOn: '2026-06-30' });
    },
  },
  {
    name: 'GET /api/progress/expert-ledger',
    expect: all(403, { admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c) => c.get('/api/progress/expert-ledger?from=2026-01-01&to=2026-03-31'),
  },
  { name: 'GET /api/progress/expert-engagement', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/progress/expert-engagement') },
  {
    name: 'GET /api/progress/export/funder-report.docx',
    expect: all(200, { expert: 403, anonymous: 401 }),
    run: (c) => c.get('/api/progress/export/funder-report.docx?period=2026-Q3'),
  },
  {
    name: 'PUT /api/progress/work-packages/TP2/objective',
    expect: all(403, { admin: 200, coordinator: 200, anonymous: 401 }),
    run: (c) => c.put('/api/progress/work-packages/TP2/objective', { objective: 'Tavoite' }),
  },
  { name: 'GET /api/comment-threads/review', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/comment-threads/review') },
  { name: 'GET /api/me/comment-inbox', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/me/comment-inbox') },
  { name: 'GET /api/notifications', expect: all(200, { anonymous: 401 }), run: (c) => c.get('/api/notifications') },
  {
    name: 'GET /api/spaces/:kainuu-private/mentionable',
    expect: { admin: 404, coordinator: 404, observer: 404, developer: 200, facilitator: 200, expert: 200, anonymous: 401 },
    run: (c, f) => c.get(`/api/spaces/${f.space.kainuu}/mentionable`),
  },
];

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.loginAs('admin');
  const organisations = (await admin.get('/api/organisations')).body as Organisation[];
  const spaces: { id: string; kind: string; organisation_id: string | null; short_name: string | null }[] = await t.db.query(
    `SELECT s.id, s.kind, s.organisation_id, o.short_name FROM spaces s LEFT JOIN organisations o ON o.id = s.organisation_id`,
  );
  const users: { id: string; role: OrganisationRole }[] = await t.db.query(
    `SELECT u.id, m.role FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email LIKE '%@demo.kehittamo.fi'`,
  );
  const spaceOf = (short: string) => spaces.find((s) => s.short_name === short)!.id;
  f = {
    org: Object.fromEntries(organisations.map((o) => [o.shortName, o.id])),
    space: { project: spaces.find((s) => s.kind === 'project')!.id, iso: spaceOf('ISO'), kainuu: spaceOf('KAINUU'), esavo: spaceOf('ESAVO') },
    user: Object.fromEntries(users.map((u) => [u.role, u.id])) as Record<OrganisationRole, string>,
    workshop: await t.db.query(`SELECT id, main_board_id AS board FROM workshops LIMIT 1`).then((rows: { id: string; board: string }[]) => rows[0]),
  };
});
afterAll(() => t?.close());

describe.each(CASES)('$name', (testCase) => {
  it.each(WHO)('as %s', async (who) => {
    const client = who === 'anonymous' ? t.client() : await t.loginAs(who);
    const response = await testCase.run(client, f, who);
    expect(response.status, JSON.stringify((response as { body?: unknown }).body)).toBe(testCase.expect[who]);
  });
});

describe('listings never show what the caller may not see', () => {
  it.each(WHO.filter((w) => w !== 'anonymous') as OrganisationRole[])('%s sees only their spaces', async (role) => {
    const spaces = (await (await t.loginAs(role)).get('/api/spaces')).body as Space[];
    const ids = spaces.map((s) => s.id);
    expect(ids).toContain(f.space.project);
    expect(ids).not.toContain(f.space.esavo);
    const inIso = ['admin', 'coordinator', 'observer'].includes(role);
    expect(ids.includes(f.space.iso)).toBe(inIso);
    expect(ids.includes(f.space.kainuu)).toBe(!inIso);
  });

  it('hides the expert’s role and real name from ordinary members, not from coordinators', async () => {
    const developer = await t.loginAs('developer');
    const seenByPeer = ((await developer.get(`/api/organisations/${f.org['KAINUU']}/members`)).body as { userId: string; role: string | null; realName?: string; email?: string }[]).find(
      (m) => m.userId === f.user.expert,
    )!;
    expect(seenByPeer.role).toBeNull();
    expect(seenByPeer).not.toHaveProperty('realName');
    expect(seenByPeer).not.toHaveProperty('email');
    const spaceMembers = (await developer.get(`/api/spaces/${f.space.kainuu}/members`)).body as { userId: string; role: string | null }[];
    expect(spaceMembers.find((m) => m.userId === f.user.expert)!.role).toBeNull();

    const coordinator = await t.loginAs('coordinator');
    const seenByCoordinator = ((await coordinator.get(`/api/organisations/${f.org['KAINUU']}/members`)).body as { userId: string; role: string; realName: string }[]).find(
      (m) => m.userId === f.user.expert,
    )!;
    expect(seenByCoordinator.role).toBe('expert');
    expect(seenByCoordinator.realName).toBe('Essi Esimerkki');
  });

  it('lets the expert choose to show their role', async () => {
    const expert = await t.loginAs('expert');
    const res = await expert.patch(`/api/organisations/${f.org['KAINUU']}/members/${f.user.expert}`, { roleVisible: true });
    expect(res.status).toBe(200);
    const developer = await t.loginAs('developer');
    const members = (await developer.get(`/api/organisations/${f.org['KAINUU']}/members`)).body as { userId: string; role: string | null }[];
    expect(members.find((m) => m.userId === f.user.expert)!.role).toBe('expert');
    await expert.patch(`/api/organisations/${f.org['KAINUU']}/members/${f.user.expert}`, { roleVisible: false });
  });
});
