import { readBoard, boardOutline, addItem } from '@kehittamo/shared/board-content';
import {
  WORKSHOP_EVENTS,
  type AttendanceRecord,
  type Board,
  type BoardTemplate,
  type LiveAck,
  type LiveCommand,
  type LiveMineEvent,
  type LiveStateEvent,
  type Me,
  type ModelDescription,
  type ModelDescriptionContent,
  type Space,
  type Workshop,
  type WorkshopFeedbackSummary,
  type WorkshopSummary,
} from '@kehittamo/shared/domain';
import type { TestClient } from '@kehittamo/server/testing';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { collabToken, connectStock, until, type StockClient } from './support/collab-clients';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let base: string;
let ws: string;
let projectSpace: string;
let kainuuSpace: string;
let facilitator: TestClient;
let developer: TestClient;
let expert: TestClient;
let observer: TestClient;
const ids: Record<string, string> = {};
const sockets: Socket[] = [];
const stock: StockClient[] = [];

beforeAll(async () => {
  t = await startTestApp({ COLLAB_FLUSH_MS: '50', COLLAB_UNLOAD_AFTER_MS: '200' });
  await t.app.listen(0, '127.0.0.1');
  const port = (t.server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  ws = `ws://127.0.0.1:${port}`;
  facilitator = await t.loginAs('facilitator');
  developer = await t.loginAs('developer');
  expert = await t.loginAs('expert');
  observer = await t.loginAs('observer');
  for (const [name, client] of Object.entries({ facilitator, developer, expert, observer })) {
    ids[name] = ((await client.get('/api/auth/me')).body as Me).id;
  }
  const spaces = (await developer.get('/api/spaces')).body as Space[];
  projectSpace = spaces.find((s) => s.kind === 'project')!.id;
  kainuuSpace = spaces.find((s) => s.kind === 'organisation')!.id;
});
afterEach(() => {
  while (sockets.length) sockets.pop()!.close();
  while (stock.length) stock.pop()!.destroy();
});
afterAll(() => t?.close());

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const inTwoHours = () => new Date(Date.now() + 7200_000).toISOString();

async function createWorkshop(body: Record<string, unknown> = {}, by: TestClient = facilitator): Promise<Workshop> {
  const res = await by.post('/api/workshops', {
    spaceId: projectSpace,
    title: 'Vanhemmuuden tuen työpaja',
    startsAt: inAnHour(),
    endsAt: inTwoHours(),
    participantIds: [ids['developer'], ids['expert']],
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as Workshop;
}

/** A Socket.IO client with the user's session cookie, collecting what it receives. */
async function liveClient(client: TestClient) {
  const socket = io(base, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie: `kh_session=${client.cookies.get('kh_session')}` },
    reconnection: false,
  });
  sockets.push(socket);
  const received = { state: [] as LiveStateEvent[], mine: [] as LiveMineEvent[], facilitator: [] as unknown[], reaction: [] as unknown[] };
  socket.on(WORKSHOP_EVENTS.state, (e: LiveStateEvent) => received.state.push(e));
  socket.on(WORKSHOP_EVENTS.mine, (e: LiveMineEvent) => received.mine.push(e));
  socket.on(WORKSHOP_EVENTS.facilitator, (e: unknown) => received.facilitator.push(e));
  socket.on(WORKSHOP_EVENTS.reaction, (e: unknown) => received.reaction.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.on('ready', () => resolve());
    socket.on('connect_error', reject);
  });
  const emit = (event: string, body: unknown) => socket.emitWithAck(event, body) as Promise<LiveAck>;
  return {
    socket,
    received,
    join: (workshopId: string) => emit(WORKSHOP_EVENTS.join, { workshopId }),
    leave: (workshopId: string) => emit(WORKSHOP_EVENTS.leave, { workshopId }),
    send: (workshopId: string, command: LiveCommand | Record<string, unknown>) => emit(WORKSHOP_EVENTS.command, { workshopId, command }),
    lastState: () => received.state.at(-1),
    lastMine: () => received.mine.filter((m) => m.workshopId).at(-1),
  };
}

async function ok(pending: Promise<LiveAck>): Promise<void> {
  const ack = await pending;
  expect(ack, JSON.stringify(ack)).toEqual({ ok: true });
}

async function boardDoc(client: TestClient, board: { doc: string }): Promise<StockClient> {
  const c = await connectStock(client, ws, board.doc);
  stock.push(c);
  return c;
}

describe('boards and templates', () => {
  it('creates a board from a built-in template with its frames, reads and renames it', async () => {
    const templates = (await developer.get('/api/board-templates')).body as BoardTemplate[];
    expect(templates.map((x) => x.id).slice(0, 5)).toEqual(['empty', 'support', 'start-stop-continue', 'swot', 'journey']);
    expect(templates.find((x) => x.id === 'swot')?.frames).toEqual(['Vahvuudet', 'Heikkoudet', 'Mahdollisuudet', 'Uhat']);
    const created = await developer.post('/api/boards', { spaceId: kainuuSpace, title: 'SWOT', templateId: 'swot' });
    expect(created.status, created.text).toBe(201);
    const board = created.body as Board;
    expect(board.anonymous).toBe(false);
    const client = await boardDoc(developer, board);
    expect(boardOutline(readBoard(client.doc)).frames.map((f) => f.frame.text)).toEqual(['Vahvuudet', 'Heikkoudet', 'Mahdollisuudet', 'Uhat']);
    expect((await developer.get(`/api/boards/${board.id}`)).body).toMatchObject({ id: board.id, title: 'SWOT' });
    const renamed = await developer.patch(`/api/boards/${board.id}`, { title: 'SWOT 2' });
    expect(renamed.body).toMatchObject({ title: 'SWOT 2' });
  });

  it('refuses an unknown template and a blank title with the fields named', async () => {
    const res = await developer.post('/api/boards', { spaceId: kainuuSpace, title: ' ', templateId: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('title');
    const unknown = await developer.post('/api/boards', { spaceId: kainuuSpace, title: 'X', templateId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([{ field: 'templateId', problems: ['no template "nope"'] }]);
  });

  it('lets admins (only) save a board as a template, without its notes', async () => {
    const board = (await developer.post('/api/boards', { spaceId: projectSpace, title: 'Pohja', templateId: 'start-stop-continue' })).body as Board;
    const client = await boardDoc(developer, board);
    const frame = boardOutline(readBoard(client.doc)).frames[0].frame.id;
    addItem(client.doc, { type: 'note', text: 'henkilökohtainen', frame, author: 'Kehittäjä (demo)' });
    await until(async () => (await developer.get(`/api/boards/${board.id}`)).status === 200);
    expect((await developer.post('/api/board-templates', { boardId: board.id, name: 'Oma' })).status).toBe(403);
    const admin = await t.loginAs('admin');
    await new Promise((r) => setTimeout(r, 200));
    const saved = await admin.post('/api/board-templates', { boardId: board.id, name: 'Aloita–lopeta–jatka (oma)' });
    expect(saved.status, saved.text).toBe(201);
    expect((saved.body as BoardTemplate).frames).toEqual(['Aloitetaan', 'Lopetetaan', 'Jatketaan']);
    const fromIt = (await developer.post('/api/boards', { spaceId: projectSpace, title: 'Kopio', templateId: saved.body.id })).body as Board;
    const copy = await boardDoc(developer, fromIt);
    expect(readBoard(copy.doc).some((i) => i.text === 'henkilökohtainen')).toBe(false);
    expect(readBoard(copy.doc).filter((i) => i.type === 'frame')).toHaveLength(3);
  });

  it('turning a board anonymous removes author names already on it', async () => {
    const board = (await developer.post('/api/boards', { spaceId: kainuuSpace, title: 'Nimetön' })).body as Board;
    const client = await boardDoc(developer, board);
    addItem(client.doc, { type: 'note', text: 'minun', author: 'Kehittäjä (demo)' });
    await new Promise((r) => setTimeout(r, 150));
    const res = await developer.patch(`/api/boards/${board.id}`, { anonymous: true });
    expect(res.body).toMatchObject({ anonymous: true });
    await until(() => readBoard(client.doc).every((i) => i.author === undefined));
  });
});

describe('workshops: planning and access', () => {
  it('has a demo workshop led by the demo facilitator, with notes on its board', async () => {
    const list = (await expert.get('/api/workshops')).body as { id: string; title: string; myRole: string }[];
    const demo = list.find((w) => w.title === 'Vanhemmuuden tuen yhteiskehittämisen työpaja');
    expect(demo?.myRole).toBe('participant');
    const workshop = (await facilitator.get(`/api/workshops/${demo!.id}`)).body as Workshop;
    expect(workshop).toMatchObject({ myRole: 'facilitator', status: 'planned' });
    expect(workshop.agenda).toHaveLength(3);
    expect(workshop.models.length).toBeGreaterThan(0);
    const summary = (await facilitator.get(`/api/workshops/${demo!.id}/summary`)).body as WorkshopSummary;
    expect(summary.boards[0].frames.map((f) => f.title)).toEqual(['Mitä tukea?', 'Milloin?', 'Missä?', 'Kuka?']);
    expect(summary.boards[0].frames[0].notes).toHaveLength(2);
  });

  it('creates a workshop with its own board; the creator facilitates; invited people see their part', async () => {
    const workshop = await createWorkshop({ templateId: 'support', agenda: [{ title: 'Aloitus', minutes: 10, boardId: null, frameId: null }] });
    expect(workshop.myRole).toBe('facilitator');
    expect(workshop.facilitators.map((p) => p.userId)).toEqual([ids['facilitator']]);
    expect(workshop.participants.map((p) => p.displayName).sort()).toEqual(['Kehittäjä (demo)', 'Kokemuskumppani Kuu']);
    // Organisation short name only — never the role that would tell who is an experience expert.
    expect(JSON.stringify(workshop.participants)).not.toMatch(/expert|kokemusasiantuntija/i);
    expect(workshop.boards).toHaveLength(1);
    expect(workshop.agenda[0]).toMatchObject({ title: 'Aloitus', minutes: 10 });
    expect(((await expert.get(`/api/workshops/${workshop.id}`)).body as Workshop).myRole).toBe('participant');
    expect(((await observer.get(`/api/workshops/${workshop.id}`)).body as Workshop).myRole).toBe('observer');
    const list = (await expert.get(`/api/workshops?spaceId=${projectSpace}`)).body as { id: string; myRole: string }[];
    expect(list.find((w) => w.id === workshop.id)?.myRole).toBe('participant');
  });

  it('gives invited experts edit rights on the workshop board (they only comment elsewhere)', async () => {
    const workshop = await createWorkshop();
    const board = workshop.boards[0];
    expect((await collabToken(expert, board.doc)).access).toBe('edit');
    const other = (await developer.post('/api/boards', { spaceId: projectSpace, title: 'Muu' })).body as Board;
    expect((await collabToken(expert, other.doc)).access).toBe('comment');
    expect((await collabToken(observer, board.doc)).access).toBe('view');
  });

  it('refuses bad plans with every problem listed, and saves nothing', async () => {
    const before = await t.count('workshops');
    const res = await facilitator.post('/api/workshops', {
      spaceId: kainuuSpace,
      title: 'Väärin',
      startsAt: inTwoHours(),
      endsAt: inAnHour(),
      participantIds: [ids['observer']],
      agenda: [{ title: '', minutes: 0, boardId: null, frameId: null }],
    });
    expect(res.status).toBe(400);
    const fields = (res.body.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['agenda.0.title', 'agenda.0.minutes']));
    const second = await facilitator.post('/api/workshops', {
      spaceId: kainuuSpace,
      title: 'Väärin',
      startsAt: inTwoHours(),
      endsAt: inAnHour(),
      participantIds: [ids['observer']],
    });
    expect(second.status).toBe(400);
    expect((second.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['endsAt', 'participantIds']);
    expect(await t.count('workshops')).toBe(before);
  });

  it('lets only facilitators change or delete; hides a private-space workshop from other regions', async () => {
    const workshop = await createWorkshop({ spaceId: kainuuSpace, participantIds: [ids['developer']] });
    expect((await developer.patch(`/api/workshops/${workshop.id}`, { title: 'Oma' })).status).toBe(403);
    const bad = await facilitator.patch(`/api/workshops/${workshop.id}`, { title: ' ', endsAt: '2020-01-01T00:00:00Z', surprise: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['surprise', 'title']);
    const early = await facilitator.patch(`/api/workshops/${workshop.id}`, { endsAt: '2020-01-01T00:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.body.fields).toEqual([{ field: 'endsAt', problems: ['must be after startsAt'] }]);
    const changed = await facilitator.patch(`/api/workshops/${workshop.id}`, { title: 'Uusi nimi', facilitatorIds: [ids['facilitator'], ids['developer']] });
    expect(changed.status, changed.text).toBe(200);
    expect((changed.body as Workshop).facilitators).toHaveLength(2);
    expect((await observer.get(`/api/workshops/${workshop.id}`)).status).toBe(404);
    expect((await developer.delete(`/api/workshops/${workshop.id}`)).status).toBe(204);
    expect((await facilitator.get(`/api/workshops/${workshop.id}`)).status).toBe(404);
  });
});

describe('live mode', () => {
  it('refuses facilitator actions from participants and observers; late joiners get the current state', async () => {
    const workshop = await createWorkshop({ agenda: [{ title: 'Ideointi', minutes: 15, boardId: null, frameId: null }] });
    const lead = await liveClient(facilitator);
    const dev = await liveClient(developer);
    const watcher = await liveClient(observer);
    await ok(lead.join(workshop.id));
    await ok(dev.join(workshop.id));
    await ok(watcher.join(workshop.id));
    const refused = await dev.send(workshop.id, { type: 'start' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', statusCode: 403 } });
    expect(await watcher.send(workshop.id, { type: 'hand', raised: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await lead.send(workshop.id, { type: 'timer.start', durationMs: 60_000 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok(lead.send(workshop.id, { type: 'start' }));
    await ok(lead.send(workshop.id, { type: 'agenda.set', itemId: workshop.agenda[0].id }));
    await ok(lead.send(workshop.id, { type: 'timer.start', durationMs: 5 * 60_000 }));
    await ok(lead.send(workshop.id, { type: 'timer.pause' }));
    await ok(lead.send(workshop.id, { type: 'timer.extend', ms: 60_000 }));
    expect(await lead.send(workshop.id, { type: 'timer.pause' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await lead.send(workshop.id, { type: 'timer.start', durationMs: -5 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await lead.send(workshop.id, { type: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await until(() => dev.lastState()?.state.timer?.remainingMs !== undefined && dev.lastState()?.state.timer?.endsAt === null);
    const paused = dev.lastState()!.state.timer!;
    expect(paused.remainingMs).toBeGreaterThan(5 * 60_000);
    expect(paused.remainingMs).toBeLessThanOrEqual(6 * 60_000);
    await ok(lead.send(workshop.id, { type: 'timer.resume' }));
    await ok(lead.send(workshop.id, { type: 'follow', boardId: workshop.mainBoardId, viewport: { x: 100, y: 50, zoom: 1.5 } }));

    // A late joiner (and a reload) sees exactly what the others see.
    const late = await liveClient(expert);
    await ok(late.join(workshop.id));
    await until(() => late.received.state.length > 0);
    const state = late.lastState()!.state;
    expect(state).toMatchObject({ status: 'live', agendaItemId: workshop.agenda[0].id, follow: { viewport: { x: 100, y: 50, zoom: 1.5 }, seq: 1 } });
    expect(state.timer?.endsAt).not.toBeNull();
    const reload = (await expert.get(`/api/workshops/${workshop.id}/live`)).body as LiveStateEvent;
    expect(reload.state).toEqual(state);
    expect(reload.presence.map((p) => p.displayName).sort()).toEqual(['Fasilitaattori (demo)', 'Kehittäjä (demo)', 'Kokemuskumppani Kuu', 'Ohjausryhmä (demo)']);
  });

  it('locks the board: participants can no longer edit it, the facilitator still can', async () => {
    const workshop = await createWorkshop();
    const lead = await liveClient(facilitator);
    await ok(lead.join(workshop.id));
    const board = workshop.boards[0];
    await ok(lead.send(workshop.id, { type: 'lock.board', boardId: board.id, locked: true }));
    expect((await collabToken(developer, board.doc)).access).toBe('comment');
    expect((await collabToken(facilitator, board.doc)).access).toBe('edit');
    await ok(lead.send(workshop.id, { type: 'lock.board', boardId: board.id, locked: false }));
    expect((await collabToken(developer, board.doc)).access).toBe('edit');
    expect(lead.lastState()?.state.lockedBoards).toEqual([]);
    expect(await lead.send(workshop.id, { type: 'lock.board', boardId: '00000000-0000-4000-8000-000000000000', locked: true })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
  });

  it('private writing: each sees only their own notes; the reveal puts them on the board without anyone\'s id', async () => {
    const workshop = await createWorkshop({ anonymous: true, templateId: 'swot' });
    const board = workshop.boards[0];
    const viewer = await boardDoc(facilitator, board);
    const frame = boardOutline(readBoard(viewer.doc)).frames[0].frame.id;
    const lead = await liveClient(facilitator);
    const dev = await liveClient(developer);
    const exp = await liveClient(expert);
    for (const c of [lead, dev, exp]) await ok(c.join(workshop.id));
    expect(await dev.send(workshop.id, { type: 'private.add', text: 'liian aikaisin', colour: 'yellow' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok(lead.send(workshop.id, { type: 'start' }));
    await ok(lead.send(workshop.id, { type: 'private.start', boardId: board.id, frameId: frame }));
    await ok(dev.send(workshop.id, { type: 'private.add', text: 'Kehittäjän ajatus', colour: 'green' }));
    await ok(exp.send(workshop.id, { type: 'private.add', text: 'Kokemuskumppanin ajatus', colour: 'pink' }));
    expect(await exp.send(workshop.id, { type: 'private.add', text: '', colour: 'pink' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await until(() => exp.lastMine()?.privateNotes.length === 1 && dev.lastMine()?.privateNotes.length === 1);
    expect(dev.received.mine.flatMap((m) => m.privateNotes).map((n) => n.text)).not.toContain('Kokemuskumppanin ajatus');
    expect(exp.received.mine.flatMap((m) => m.privateNotes).map((n) => n.text)).not.toContain('Kehittäjän ajatus');
    // Nothing is on the shared board yet.
    expect(readBoard(viewer.doc).filter((i) => i.type === 'note')).toHaveLength(0);
    // Only facilitators end it; a participant's edit of someone else's note is not found.
    expect(await dev.send(workshop.id, { type: 'private.reveal' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const expertNote = exp.lastMine()!.privateNotes[0];
    expect(await dev.send(workshop.id, { type: 'private.edit', id: expertNote.id, text: 'muutettu' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await ok(exp.send(workshop.id, { type: 'private.edit', id: expertNote.id, text: 'Kokemuskumppanin ajatus, tarkennettu' }));
    await until(() => lead.received.facilitator.some((e) => (e as { privateNoteCount: number }).privateNoteCount === 2));
    await ok(lead.send(workshop.id, { type: 'private.reveal' }));
    await until(() => readBoard(viewer.doc).filter((i) => i.type === 'note').length === 2);
    const notes = readBoard(viewer.doc).filter((i) => i.type === 'note');
    expect(notes.map((n) => n.text).sort()).toEqual(['Kehittäjän ajatus', 'Kokemuskumppanin ajatus, tarkennettu']);
    expect(notes.every((n) => n.frame === frame && n.author === undefined)).toBe(true);
    // Anonymous: no user id (nor name) anywhere in the document's bytes or the API's answers.
    const state = Buffer.from(Y.encodeStateAsUpdate(viewer.doc)).toString('latin1');
    const summary = JSON.stringify((await facilitator.get(`/api/workshops/${workshop.id}/summary`)).body);
    for (const id of [ids['developer'], ids['expert']]) {
      expect(state).not.toContain(id);
      expect(summary).not.toContain(id);
    }
    expect(summary).not.toContain('Kokemuskumppani Kuu');
    await until(() => dev.lastMine()?.privateNotes.length === 0);
  });

  it('private writing started anonymous reveals without names on a board that shows them', async () => {
    const workshop = await createWorkshop();
    const viewer = await boardDoc(facilitator, workshop.boards[0]);
    const lead = await liveClient(facilitator);
    const dev = await liveClient(developer);
    for (const c of [lead, dev]) await ok(c.join(workshop.id));
    await ok(lead.send(workshop.id, { type: 'start' }));
    await ok(lead.send(workshop.id, { type: 'private.start', boardId: workshop.mainBoardId, anonymous: true }));
    await ok(dev.send(workshop.id, { type: 'private.add', text: 'Nimetön ajatus', colour: 'blue' }));
    await ok(lead.send(workshop.id, { type: 'private.reveal' }));
    await until(() => readBoard(viewer.doc).some((i) => i.text === 'Nimetön ajatus'));
    expect(readBoard(viewer.doc).find((i) => i.text === 'Nimetön ajatus')?.author).toBeUndefined();
    await ok(lead.send(workshop.id, { type: 'private.start', boardId: workshop.mainBoardId }));
    await ok(dev.send(workshop.id, { type: 'private.add', text: 'Nimellinen ajatus', colour: 'blue' }));
    await ok(lead.send(workshop.id, { type: 'private.reveal' }));
    await until(() => readBoard(viewer.doc).some((i) => i.text === 'Nimellinen ajatus'));
    expect(readBoard(viewer.doc).find((i) => i.text === 'Nimellinen ajatus')?.author).toBe('Kehittäjä (demo)');
  });

  it('dot voting: limits enforced by the server, tallies hidden until revealed, then ranked', async () => {
    const workshop = await createWorkshop();
    const board = workshop.boards[0];
    const editor = await boardDoc(facilitator, board);
    const a = addItem(editor.doc, { type: 'note', text: 'A' });
    const b = addItem(editor.doc, { type: 'note', text: 'B' });
    const frame = addItem(editor.doc, { type: 'frame', text: 'Kehys', x: 5000, y: 5000 });
    await new Promise((r) => setTimeout(r, 200));
    const lead = await liveClient(facilitator);
    const dev = await liveClient(developer);
    const exp = await liveClient(expert);
    for (const c of [lead, dev, exp]) await ok(c.join(workshop.id));
    await ok(lead.send(workshop.id, { type: 'start' }));
    expect(await dev.send(workshop.id, { type: 'vote', itemId: a })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await lead.send(workshop.id, { type: 'voting.start', boardId: board.id, votesPerPerson: 2, perNoteLimit: 3 })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    await ok(lead.send(workshop.id, { type: 'voting.start', boardId: board.id, votesPerPerson: 2, perNoteLimit: 1 }));
    await ok(dev.send(workshop.id, { type: 'vote', itemId: a }));
    expect(await dev.send(workshop.id, { type: 'vote', itemId: a })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/one note/) } });
    await ok(dev.send(workshop.id, { type: 'vote', itemId: b }));
    expect(await dev.send(workshop.id, { type: 'vote', itemId: b })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await exp.send(workshop.id, { type: 'vote', itemId: frame })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await exp.send(workshop.id, { type: 'vote', itemId: 'no-such-note' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // Many clicks at once: the limit still holds.
    const burst = await Promise.all([1, 2, 3, 4].map(() => exp.send(workshop.id, { type: 'vote', itemId: a })));
    expect(burst.filter((r) => r.ok)).toHaveLength(1);
    await until(() => exp.lastMine()?.votes.length === 1 && exp.lastMine()?.votesLeft === 1);
    await until(() => dev.lastState()?.votesCast === 3);
    expect(dev.lastState()!.tallies).toBeNull();
    expect((await developer.get(`/api/workshops/${workshop.id}/live`)).body.tallies).toBeNull();
    await ok(exp.send(workshop.id, { type: 'unvote', itemId: a }));
    await ok(exp.send(workshop.id, { type: 'vote', itemId: b }));
    expect(await dev.send(workshop.id, { type: 'voting.reveal' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(lead.send(workshop.id, { type: 'voting.reveal' }));
    await until(() => dev.lastState()?.tallies !== null && dev.lastState()?.tallies !== undefined);
    expect(dev.lastState()!.tallies).toEqual([
      { itemId: b, votes: 2 },
      { itemId: a, votes: 1 },
    ]);
    expect(await dev.send(workshop.id, { type: 'vote', itemId: a })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const summary = (await developer.get(`/api/workshops/${workshop.id}/summary`)).body as WorkshopSummary;
    expect(summary.votes.map((v) => [v.text, v.votes])).toEqual([
      ['B', 2],
      ['A', 1],
    ]);
  });

  it('hands, pause requests (facilitators only) and reactions', async () => {
    const workshop = await createWorkshop();
    const lead = await liveClient(facilitator);
    const dev = await liveClient(developer);
    for (const c of [lead, dev]) await ok(c.join(workshop.id));
    await ok(dev.send(workshop.id, { type: 'hand', raised: true }));
    await until(() => !!lead.lastState()?.presence.find((p) => p.displayName === 'Kehittäjä (demo)')?.handRaised);
    await ok(dev.send(workshop.id, { type: 'pause', on: true }));
    await until(() => lead.received.facilitator.some((e) => (e as { pauseRequests: unknown[] }).pauseRequests.length === 1));
    expect(dev.received.facilitator).toHaveLength(0);
    await until(() => dev.lastMine()?.pauseRequested === true);
    // A reload (a new connection) still knows.
    const again = await liveClient(developer);
    await ok(again.join(workshop.id));
    await until(() => again.lastMine()?.pauseRequested === true);
    await ok(dev.send(workshop.id, { type: 'react', reaction: 'heart' }));
    await until(() => lead.received.reaction.length === 1);
    expect(lead.received.reaction[0]).toEqual({ workshopId: workshop.id, reaction: 'heart' });
    expect(await dev.send(workshop.id, { type: 'react', reaction: 'bomb' } as Record<string, unknown>)).toMatchObject({ ok: false });
  });

  it('records attendance for facilitators and coordinators only', async () => {
    const workshop = await createWorkshop();
    const dev = await liveClient(developer);
    await ok(dev.join(workshop.id));
    await ok(dev.leave(workshop.id));
    const exp = await liveClient(expert);
    await ok(exp.join(workshop.id));
    exp.socket.close();
    await until(async () => {
      const rows = (await facilitator.get(`/api/workshops/${workshop.id}/attendance`)).body as AttendanceRecord[];
      return rows.length === 2 && rows.every((r) => r.lastLeftAt !== null);
    });
    const rows = (await facilitator.get(`/api/workshops/${workshop.id}/attendance`)).body as AttendanceRecord[];
    expect(rows.find((r) => r.displayName === 'Kokemuskumppani Kuu')).toMatchObject({ role: 'expert', organisation: 'KAINUU', facilitator: false });
    expect((await developer.get(`/api/workshops/${workshop.id}/attendance`)).status).toBe(403);
    const coordinator = await t.loginAs('coordinator');
    expect((await coordinator.get(`/api/workshops/${workshop.id}/attendance`)).status).toBe(200);
    const csv = await facilitator.get(`/api/workshops/${workshop.id}/attendance.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('"Kokemuskumppani Kuu","KAINUU","expert"');
  });
});

describe('after the workshop', () => {
  it('takes feedback once per person, anonymously; averages only from three answers', async () => {
    const workshop = await createWorkshop({ participantIds: [ids['developer'], ids['expert'], ids['observer']] });
    const answer = { heard: 9, mattered: 8, suited: 7, overall: 8 };
    expect((await developer.post(`/api/workshops/${workshop.id}/feedback`, answer)).status).toBe(204);
    expect((await developer.post(`/api/workshops/${workshop.id}/feedback`, answer)).status).toBe(409);
    expect((await expert.post(`/api/workshops/${workshop.id}/feedback`, { ...answer, heard: 11 })).status).toBe(400);
    expect((await expert.post(`/api/workshops/${workshop.id}/feedback`, { heard: 5, mattered: 6, suited: 9, overall: 6 })).status).toBe(204);
    let summary = (await facilitator.get(`/api/workshops/${workshop.id}/feedback`)).body as WorkshopFeedbackSummary;
    expect(summary).toEqual({ responses: 2, averages: null, answered: false });
    expect((await observer.post(`/api/workshops/${workshop.id}/feedback`, { heard: 10, mattered: 10, suited: 8, overall: 10 })).status).toBe(204);
    summary = (await facilitator.get(`/api/workshops/${workshop.id}/feedback`)).body as WorkshopFeedbackSummary;
    expect(summary).toEqual({ responses: 3, averages: { heard: 8, mattered: 8, suited: 8, overall: 8 }, answered: false });
    const columns = (await t.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'workshop_feedback'`)).map(
      (c: { column_name: string }) => c.column_name,
    );
    expect(columns).not.toContain('user_id');
  });

  it('exports a summary as Markdown and PDF, and sends chosen notes to a model description section', async () => {
    const workshop = await createWorkshop({ templateId: 'support' });
    const board = workshop.boards[0];
    const editor = await boardDoc(developer, board);
    const frame = boardOutline(readBoard(editor.doc)).frames[0].frame.id;
    const first = addItem(editor.doc, { type: 'note', text: 'Perhetyöntekijä mukaan kotikäynnille', frame, author: 'Kehittäjä (demo)' });
    const second = addItem(editor.doc, { type: 'note', text: 'Vanhemmille vertaisryhmä', frame });
    await new Promise((r) => setTimeout(r, 200));
    const md = await developer.get(`/api/workshops/${workshop.id}/summary.md`);
    expect(md.status).toBe(200);
    expect(md.text).toContain('### Mitä tukea?');
    expect(md.text).toContain('Perhetyöntekijä mukaan kotikäynnille — Kehittäjä \\(demo\\)');
    const pdf = await developer.get(`/api/workshops/${workshop.id}/summary.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const model = (await developer.post('/api/model-descriptions', { spaceId: projectSpace, name: 'Tuen malli' })).body as ModelDescription;
    const sent = await developer.post(`/api/workshops/${workshop.id}/send-to-model`, { boardId: board.id, itemIds: [first, second], modelId: model.id, section: 'basicIdea' });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body).toEqual({ modelId: model.id, section: 'basicIdea', appended: 2 });
    await until(async () => {
      const content = (await developer.get(`/api/model-descriptions/${model.id}/content`)).body as ModelDescriptionContent;
      return (content.sections.basicIdea.content?.length ?? 0) === 3;
    });
    const content = (await developer.get(`/api/model-descriptions/${model.id}/content`)).body as ModelDescriptionContent;
    const paragraphs = content.sections.basicIdea.content!.map((p) => p.content?.[0]);
    expect(paragraphs[0]?.text).toBe('Perhetyöntekijä mukaan kotikäynnille');
    expect(paragraphs[2]?.text).toMatch(/^Lähde: työpaja ”Vanhemmuuden tuen työpaja”/);
    expect(paragraphs[2]?.marks).toContainEqual({ type: 'link', attrs: { href: `/workshops/${workshop.id}/summary` } });
    const bad = await developer.post(`/api/workshops/${workshop.id}/send-to-model`, { boardId: board.id, itemIds: ['nope'], modelId: model.id, section: 'basicIdea' });
    expect(bad.status).toBe(400);
    expect((await observer.post(`/api/workshops/${workshop.id}/send-to-model`, { boardId: board.id, itemIds: [first], modelId: model.id, section: 'basicIdea' })).status).toBe(403);
  });
});
