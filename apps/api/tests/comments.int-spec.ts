import { DigestService } from '@kehittamo/server/comments';
import type { TestClient } from '@kehittamo/server/testing';
import {
  mentionToken,
  parseCommentBody,
  type CommentBlock,
  type CommentInbox,
  type CommentInline,
  type CommentThreadList,
  type CommentThreadView,
  type Me,
  type MentionCandidate,
  type ModelDescription,
  type NotificationList,
  type NotificationSettings,
  type Space,
} from '@kehittamo/shared/domain';
import { encodeAnchorPosition } from '@kehittamo/shared/model-content';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let smtp: TestSmtp;
let baseUrl: string;
let projectSpace: string;
let kainuuSpace: string;
let model: ModelDescription;
let kainuuModel: ModelDescription;
const users: Record<'expert' | 'developer' | 'facilitator' | 'coordinator' | 'observer', { client: TestClient; id: string; name: string }> = {} as never;
const sockets: Socket[] = [];

/** A valid anchor: two relative positions in a section's text (as the editor makes them). */
function anchor(quote = 'lause'): { start: string; end: string; quote: string } {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Tämä on lause.');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  doc.getXmlFragment('section:basicIdea').insert(0, [p]);
  return { start: encodeAnchorPosition(text, 8), end: encodeAnchorPosition(text, 13), quote };
}

async function open(client: TestClient, body: string, extra: Record<string, unknown> = {}, target: Record<string, unknown> = { kind: 'model', id: model.id, part: 'section:basicIdea' }) {
  return client.post('/api/comment-threads', { target, body, ...extra });
}

async function openOk(client: TestClient, body: string, extra: Record<string, unknown> = {}): Promise<CommentThreadView> {
  const res = await open(client, body, extra);
  expect(res.status, res.text).toBe(201);
  return res.body as CommentThreadView;
}

async function threadsOn(client: TestClient, status = 'open', id = model.id): Promise<CommentThreadView[]> {
  const res = await client.get(`/api/comment-threads?kind=model&id=${id}&status=${status}`);
  expect(res.status, res.text).toBe(200);
  return (res.body as CommentThreadList).threads;
}

async function notificationsOf(client: TestClient): Promise<NotificationList> {
  return (await client.get('/api/notifications?limit=100')).body as NotificationList;
}

function socketFor(client: TestClient): Promise<{ socket: Socket; events: { event: string; payload: unknown }[] }> {
  const events: { event: string; payload: unknown }[] = [];
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie: `kh_session=${client.cookies.get('kh_session')}` },
    reconnection: false,
  });
  sockets.push(socket);
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  return new Promise((resolve, reject) => {
    socket.on('ready', () => resolve({ socket, events }));
    socket.on('connect_error', reject);
  });
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://kehittamo.example.fi', NOTIFICATION_DIGEST_HOUR: '0' });
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  for (const role of ['expert', 'developer', 'facilitator', 'coordinator', 'observer'] as const) {
    const client = await t.loginAs(role);
    const me = (await client.get('/api/auth/me')).body as Me;
    users[role] = { client, id: me.id, name: me.displayName };
  }
  const spaces = (await users.developer.client.get('/api/spaces')).body as Space[];
  projectSpace = spaces.find((s) => s.kind === 'project')!.id;
  kainuuSpace = spaces.find((s) => s.kind === 'organisation')!.id;
  model = (await users.developer.client.post('/api/model-descriptions', { spaceId: projectSpace, name: 'Vanhemmuuden tuen tiimimalli' })).body;
  kainuuModel = (await users.developer.client.post('/api/model-descriptions', { spaceId: kainuuSpace, name: 'Kainuun oma malli' })).body;
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await t?.close();
  await smtp?.close();
});

describe('threads and replies', () => {
  it('lets an experience expert comment on a text range with comment rights only, under their display name and chosen badge', async () => {
    const thread = await openOk(users.expert.client, 'Tämä kohta on **tärkeä** perheille.', { anchor: anchor(), expertBadge: true });
    expect(thread.anchor?.quote).toBe('lause');
    expect(thread.target).toEqual({ kind: 'model', id: model.id, part: 'section:basicIdea' });
    expect(thread.comments[0]).toMatchObject({ authorName: users.expert.name, expertBadge: true, mine: true, state: 'published' });
    expect(thread.link).toBe(`/models/${model.id}?thread=${thread.id}`);
    const seen = (await threadsOn(users.developer.client)).find((x) => x.id === thread.id)!;
    expect(seen.comments[0]).toMatchObject({ authorName: users.expert.name, expertBadge: true, mine: false });
    expect(seen.comments[0].can).toMatchObject({ edit: false, withdraw: false, decide: true });
  });

  it('refuses the badge to someone who is not an experience expert, and commenting to a viewer', async () => {
    const badge = await open(users.developer.client, 'Hyvä huomio', { expertBadge: true });
    expect(badge.status).toBe(400);
    expect(badge.body.fields[0].field).toBe('expertBadge');
    const viewer = await open(users.observer.client, 'Katselija kommentoi');
    expect(viewer.status).toBe(403);
  });

  it('hides threads of a private space from outsiders (404)', async () => {
    const own = await open(users.developer.client, 'Kainuun sisäinen huomio', {}, { kind: 'model', id: kainuuModel.id, part: null });
    expect(own.status, own.text).toBe(201);
    const outsider = users.coordinator.client; // ISO: not in Kainuu's private space
    expect((await outsider.get(`/api/comment-threads?kind=model&id=${kainuuModel.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/comment-threads/${own.body.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/comment-threads/${own.body.id}/comments`, { body: 'Hei' })).status).toBe(404);
    const all = (await outsider.get('/api/comment-threads?status=all')).body as CommentThreadList;
    expect(all.threads.some((x) => x.id === own.body.id)).toBe(false);
  });

  it('replies, reacts, edits and withdraws; a withdrawn comment leaves no text or name behind', async () => {
    const thread = await openOk(users.expert.client, 'Voisiko tätä selkeyttää?');
    const replied = (await users.developer.client.post(`/api/comment-threads/${thread.id}/comments`, { body: 'Kiitos, selkeytetään.' })).body as CommentThreadView;
    expect(replied.comments.map((c) => c.body)).toEqual(['Voisiko tätä selkeyttää?', 'Kiitos, selkeytetään.']);
    const reacted = (await users.expert.client.post(`/api/comments/${replied.comments[1].id}/reactions`, { key: 'heart' })).body as CommentThreadView;
    expect(reacted.comments[1].reactions).toEqual([{ key: 'heart', count: 1, mine: true }]);
    const unreacted = (await users.expert.client.post(`/api/comments/${replied.comments[1].id}/reactions`, { key: 'heart' })).body as CommentThreadView;
    expect(unreacted.comments[1].reactions).toEqual([]);
    expect((await users.expert.client.post(`/api/comments/${replied.comments[1].id}/reactions`, { key: 'poop' })).status).toBe(400);

    expect((await users.developer.client.patch(`/api/comments/${thread.comments[0].id}`, { body: 'Muokattu' })).status).toBe(403);
    const edited = (await users.expert.client.patch(`/api/comments/${thread.comments[0].id}`, { body: 'Voisiko tätä kohtaa selkeyttää?' })).body as CommentThreadView;
    expect(edited.comments[0].editedAt).not.toBeNull();

    expect((await users.developer.client.delete(`/api/comments/${thread.comments[0].id}`)).status).toBe(403);
    expect((await users.expert.client.delete(`/api/comments/${thread.comments[0].id}`)).status).toBe(204);
    const after = (await users.developer.client.get(`/api/comment-threads/${thread.id}`)).body as CommentThreadView;
    expect(after.comments[0]).toMatchObject({ state: 'withdrawn', body: '', authorName: null, expertBadge: false });
    const [row] = await t.db.query(`SELECT body, author_id FROM comments WHERE id = $1`, [thread.comments[0].id]);
    expect(row).toEqual({ body: '', author_id: null });
  });

  it('deletes a thread whose only comment is withdrawn', async () => {
    const thread = await openOk(users.expert.client, 'Peruttava ajatus');
    expect((await users.expert.client.delete(`/api/comments/${thread.comments[0].id}`)).status).toBe(204);
    expect((await users.expert.client.get(`/api/comment-threads/${thread.id}`)).status).toBe(404);
    expect(await t.db.query(`SELECT 1 FROM comment_threads WHERE id = $1`, [thread.id])).toEqual([]);
  });

  it('resolves and reopens (opener, editors, coordinators — not other commenters); resolved threads stay retrievable', async () => {
    const thread = await openOk(users.expert.client, 'Ratkaistava asia');
    const other = await t.buildUser('expert', 'KAINUU');
    const otherClient = await t.loginAsUser(other);
    expect((await otherClient.post(`/api/comment-threads/${thread.id}/resolve`)).status).toBe(403);
    const resolved = (await users.developer.client.post(`/api/comment-threads/${thread.id}/resolve`)).body as CommentThreadView;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: users.developer.name });
    expect((await threadsOn(users.expert.client)).some((x) => x.id === thread.id)).toBe(false);
    expect((await threadsOn(users.expert.client, 'resolved')).some((x) => x.id === thread.id)).toBe(true);
    expect((await notificationsOf(users.expert.client)).notifications.some((n) => n.kind === 'resolved' && n.threadId === thread.id)).toBe(true);
    const reopened = (await users.expert.client.post(`/api/comment-threads/${thread.id}/reopen`)).body as CommentThreadView;
    expect(reopened.status).toBe('open');
  });

  it('anchors board notes and workshops too, and refuses targets it cannot place', async () => {
    const board = (await users.developer.client.post('/api/boards', { spaceId: projectSpace, title: 'Taulu' })).body as { id: string };
    const note = await open(users.expert.client, 'Lappuun liittyvä kysymys', {}, { kind: 'board-note', id: board.id, part: 'note_1' });
    expect(note.status, note.text).toBe(201);
    expect(note.body.link).toBe(`/spaces/${projectSpace}/boards/${board.id}?thread=${note.body.id}`);
    const noPart = await open(users.expert.client, 'Ilman lappua', {}, { kind: 'board-note', id: board.id });
    expect(noPart.status).toBe(400);
    const badAnchor = await open(users.expert.client, 'Rikottu ankkuri', { anchor: { start: '!!', end: 'xx', quote: 'x' } });
    expect(badAnchor.status).toBe(400);
    expect(badAnchor.body.fields[0].field).toBe('anchor');
    const step = await open(users.expert.client, 'Rakenteen osasta', { anchor: anchor('osa') }, { kind: 'model', id: model.id, part: 'step:3f0e8c36-5b7a' });
    expect(step.status, step.text).toBe(201);
    const noSection = await open(users.expert.client, 'Tuntematon osio', {}, { kind: 'model', id: model.id, part: 'section:nope' });
    expect(noSection.status).toBe(400);
    expect(noSection.body.fields[0].field).toBe('target.part');
    const missing = await open(users.expert.client, 'Ei ole', {}, { kind: 'workshop', id: '3f0e8c36-5b7a-4a8e-9d55-0d2a8f6f1c11' });
    expect(missing.status).toBe(404);
  });

  it('lists mentionable members by display name only', async () => {
    const res = await users.expert.client.get(`/api/spaces/${projectSpace}/mentionable?q=keh`);
    const list = res.body as MentionCandidate[];
    expect(list.some((m) => m.displayName === users.developer.name)).toBe(true);
    expect(Object.keys(list[0]).sort()).toEqual(['displayName', 'id']);
    expect((await users.coordinator.client.get(`/api/spaces/${kainuuSpace}/mentionable`)).status).toBe(404);
  });
});

describe('facilitator-only comments', () => {
  it('are invisible to others in lists, search, notifications and Socket.IO events', async () => {
    const developerSocket = await socketFor(users.developer.client);
    const facilitatorSocket = await socketFor(users.facilitator.client);
    // A mention of someone who could not read it is refused rather than silently dropped.
    const refused = await open(users.expert.client, `Yksityinen huoli ${mentionToken({ id: users.developer.id, displayName: users.developer.name })}`, {
      visibility: 'facilitators',
    });
    expect(refused.status).toBe(400);
    const thread = await openOk(
      users.expert.client,
      `Luottamuksellinen havainto kuuntelemisesta ${mentionToken({ id: users.facilitator.id, displayName: users.facilitator.name })}`,
      { visibility: 'facilitators' },
    );
    expect(thread.private).toBe(true);

    expect((await threadsOn(users.developer.client)).some((x) => x.id === thread.id)).toBe(false);
    expect((await users.developer.client.get(`/api/comment-threads/${thread.id}`)).status).toBe(404);
    const search = (await users.developer.client.get('/api/comment-threads?q=luottamuksellinen&status=all')).body as CommentThreadList;
    expect(search.threads).toEqual([]);
    expect((await users.developer.client.post(`/api/comments/${thread.comments[0].id}/reactions`, { key: 'heart' })).status).toBe(404);

    expect((await threadsOn(users.facilitator.client)).some((x) => x.id === thread.id)).toBe(true);
    expect(((await users.coordinator.client.get('/api/comment-threads?q=luottamuksellinen&status=all')).body as CommentThreadList).threads.map((x) => x.id)).toEqual([
      thread.id,
    ]);
    expect((await notificationsOf(users.facilitator.client)).notifications.some((n) => n.kind === 'mention' && n.threadId === thread.id)).toBe(true);

    // A public thread in the same space, so the developer's socket demonstrably receives events.
    const open2 = await openOk(users.expert.client, 'Julkinen huomio');
    await vi.waitFor(() => expect(developerSocket.events.some((e) => (e.payload as { threadId?: string })?.threadId === open2.id)).toBe(true));
    await vi.waitFor(() => expect(facilitatorSocket.events.some((e) => (e.payload as { threadId?: string })?.threadId === thread.id)).toBe(true));
    expect(facilitatorSocket.events.some((e) => e.event === 'notification')).toBe(true);
    expect(developerSocket.events.some((e) => JSON.stringify(e.payload).includes(thread.id))).toBe(false);
    expect(developerSocket.events.some((e) => JSON.stringify(e.payload).includes('Luottamuksellinen'))).toBe(false);

    // Replies in a private thread stay private, whatever the writer asks.
    const reply = (await users.facilitator.client.post(`/api/comment-threads/${thread.id}/comments`, { body: 'Kiitos, palataan tähän.', visibility: 'space' }))
      .body as CommentThreadView;
    expect(reply.comments[1].visibility).toBe('facilitators');
  });

  it('keeps a facilitator-only reply in a public thread from everyone else', async () => {
    const thread = await openOk(users.developer.client, 'Miten vanhempia tuetaan iltaisin?');
    const withReply = (await users.expert.client.post(`/api/comment-threads/${thread.id}/comments`, { body: 'Vain ohjaajille: oma kokemukseni yöajoista.', visibility: 'facilitators' }))
      .body as CommentThreadView;
    expect(withReply.comments.map((c) => c.visibility)).toEqual(['space', 'facilitators']);
    const seenByDeveloper = (await users.developer.client.get(`/api/comment-threads/${thread.id}`)).body as CommentThreadView;
    expect(seenByDeveloper.comments.map((c) => c.id)).toEqual([thread.comments[0].id]);
    expect(((await users.developer.client.get('/api/comment-threads?q=yöajoista&status=all')).body as CommentThreadList).threads).toEqual([]);
    // The opener is told about a reply only if they may read it.
    expect((await notificationsOf(users.developer.client)).notifications.some((n) => n.commentId === withReply.comments[1].id)).toBe(false);
    const seenByFacilitator = (await users.facilitator.client.get(`/api/comment-threads/${thread.id}`)).body as CommentThreadView;
    expect(seenByFacilitator.comments).toHaveLength(2);
    expect(((await users.coordinator.client.get('/api/comment-threads?q=yöajoista&status=all')).body as CommentThreadList).threads.map((x) => x.id)).toEqual([thread.id]);
  });
});

describe('you said, we did', () => {
  it('records an outcome, links it to the next version, tells the commenter and shows it in their inbox', async () => {
    const thread = await openOk(users.expert.client, 'Lisätkää nuoren oma ääni tavoitteisiin.');
    const commentId = thread.comments[0].id;
    expect((await users.expert.client.put(`/api/comments/${commentId}/outcome`, { kind: 'accepted', reason: 'Hyvä' })).status).toBe(403);
    expect((await users.developer.client.put(`/api/comments/${commentId}/outcome`, { kind: 'maybe', reason: '' })).status).toBe(400);
    const decided = (await users.developer.client.put(`/api/comments/${commentId}/outcome`, { kind: 'changed', reason: 'Lisäsimme tavoitteisiin nuoren oman osion.' }))
      .body as CommentThreadView;
    expect(decided.comments[0].outcome).toMatchObject({ kind: 'changed', decidedBy: users.developer.name, version: null });
    const outcomeNote = (await notificationsOf(users.expert.client)).notifications.find((n) => n.kind === 'outcome' && n.commentId === commentId)!;
    expect(outcomeNote).toMatchObject({ outcome: 'changed', actorName: users.developer.name });

    const version = (await users.developer.client.post(`/api/model-descriptions/${model.id}/versions`, { name: 'Nuoren ääni lisätty' })).body as { id: string; number: number };
    await vi.waitFor(async () => {
      const now = (await users.expert.client.get(`/api/comment-threads/${thread.id}`)).body as CommentThreadView;
      expect(now.comments[0].outcome?.version).toMatchObject({ id: version.id, number: version.number, name: 'Nuoren ääni lisätty' });
    });
    await vi.waitFor(async () =>
      expect((await notificationsOf(users.expert.client)).notifications.some((n) => n.kind === 'version' && n.commentId === commentId)).toBe(true),
    );
    const inbox = (await users.expert.client.get('/api/me/comment-inbox')).body as CommentInbox;
    expect(inbox.threads.find((x) => x.id === thread.id)?.comments[0].outcome?.kind).toBe('changed');
  });
});

describe('sensitive-data guard and moderation', () => {
  it('refuses identifying details with a plain warning, saves nothing, and can hold the comment for review instead', async () => {
    const before = await t.count('comments');
    const body = 'Soittakaa äidille numeroon 040 123 4567, hetu 131052-308T.';
    const refused = await open(users.expert.client, body);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sensitive_content');
    expect(refused.body.findings.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['phone', 'personal-id']));
    expect(JSON.stringify(refused.body)).not.toContain('131052');
    expect(await t.count('comments')).toBe(before);

    const held = await openOk(users.expert.client, body, { holdForReview: true });
    expect(held.comments[0].state).toBe('held');
    expect((await threadsOn(users.developer.client)).some((x) => x.id === held.id)).toBe(false);
    const review = (await users.coordinator.client.get('/api/comment-threads/review')).body as CommentThreadList;
    expect(review.threads.map((x) => x.id)).toContain(held.id);
    expect((await notificationsOf(users.coordinator.client)).notifications.some((n) => n.kind === 'review' && n.threadId === held.id && n.excerpt === null)).toBe(true);
    expect((await users.developer.client.post(`/api/comments/${held.comments[0].id}/approve`)).status).toBe(404);
    const approved = (await users.coordinator.client.post(`/api/comments/${held.comments[0].id}/approve`)).body as CommentThreadView;
    expect(approved.comments[0].state).toBe('published');
    expect((await threadsOn(users.developer.client)).some((x) => x.id === held.id)).toBe(true);
  });

  it('lets coordinators hide a comment with a reason kept in the audit log', async () => {
    const thread = await openOk(users.developer.client, 'Asiaton kommentti');
    expect((await users.expert.client.post(`/api/comments/${thread.comments[0].id}/hide`, { reason: 'Ei kuulu tähän' })).status).toBe(403);
    const hidden = (await users.coordinator.client.post(`/api/comments/${thread.comments[0].id}/hide`, { reason: 'Ei kuulu tähän' })).body as CommentThreadView;
    expect(hidden.comments[0]).toMatchObject({ state: 'hidden', hiddenReason: 'Ei kuulu tähän' });
    const seen = (await users.expert.client.get(`/api/comment-threads/${thread.id}`)).body as CommentThreadView;
    expect(seen.comments[0]).toMatchObject({ state: 'hidden', body: '', hiddenReason: null });
    const [audit] = await t.db.query(`SELECT action, detail FROM audit_events WHERE target_id = $1`, [thread.comments[0].id]);
    expect(audit).toEqual({ action: 'comment_hidden', detail: { reason: 'Ei kuulu tähän' } });
  });

  it('neutralises or rejects an XSS payload corpus', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '[klikkaa](javascript:alert(1))',
      '[klikkaa](JaVaScRiPt:alert(1))',
      '[klikkaa](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[klikkaa](vbscript:msgbox(1))',
      '[klikkaa](https://ok.fi" onclick="alert(1))',
      '"><iframe src=javascript:alert(1)>',
      '**<b onmouseover=alert(1)>x</b>**',
    ];
    const unsafeLinks = (nodes: (CommentBlock | CommentInline)[]): string[] =>
      nodes.flatMap((n) => {
        if (n.type === 'link') return /^(https?:\/\/|mailto:)/i.test(n.href) && !/["'<>\s]/.test(n.href) ? unsafeLinks(n.children) : [n.href];
        if (n.type === 'paragraph' || n.type === 'bold' || n.type === 'italic') return unsafeLinks(n.children);
        if (n.type === 'list') return n.items.flatMap((item) => unsafeLinks(item));
        return [];
      });
    for (const payload of payloads) {
      const res = await open(users.developer.client, payload);
      if (res.status === 400) {
        expect(res.body.fields[0].field).toBe('body');
        continue;
      }
      expect(res.status, payload).toBe(201);
      const stored = (res.body as CommentThreadView).comments[0].body;
      expect(stored).toBe(payload);
      expect(unsafeLinks(parseCommentBody(stored)), payload).toEqual([]);
    }
    expect((await open(users.developer.client, '[klikkaa](javascript:alert(1))')).status).toBe(400);
  });

  it('limits how many comments one person can write in a short time', async () => {
    const busy = await t.loginAsUser(await t.buildUser('developer', 'KAINUU'));
    for (let i = 0; i < 20; i += 1) expect((await open(busy, `Kommentti ${i}`)).status).toBe(201);
    const limited = await open(busy, 'Yksi liikaa');
    expect(limited.status).toBe(429);
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('e-mail', () => {
  it('mails immediately with the text of a public comment, and only a link for a private thread', async () => {
    const facilitatorMail = () => smtp.received.filter((m) => m.to.includes('facilitator@demo.kehittamo.fi'));
    const settings = (await users.facilitator.client.put('/api/me/notification-settings', { email: 'immediately' })).body as NotificationSettings;
    expect(settings).toEqual({ email: 'immediately', emailAvailable: true });
    const mention = mentionToken({ id: users.facilitator.id, displayName: users.facilitator.name });
    await openOk(users.expert.client, `Julkinen ajatus vertaistuesta ${mention}`);
    await vi.waitFor(() => expect(facilitatorMail().some((m) => m.body.includes('Julkinen ajatus vertaistuesta'))).toBe(true));
    const privateThread = await openOk(users.expert.client, `Salainen huoli jaksamisesta ${mention}`, { visibility: 'facilitators' });
    await vi.waitFor(() => expect(facilitatorMail().some((m) => m.body.includes(`thread=${privateThread.id}`))).toBe(true));
    const privateMail = facilitatorMail().find((m) => m.body.includes(`thread=${privateThread.id}`))!;
    expect(privateMail.body).not.toContain('Salainen huoli');
    expect(privateMail.body).toContain(`https://kehittamo.example.fi/models/${model.id}?thread=${privateThread.id}`);
  });

  it('batches a daily digest once a day', async () => {
    const reader = await t.buildUser('developer', 'PSAVO');
    const readerClient = await t.loginAsUser(reader);
    expect(((await readerClient.get('/api/me/notification-settings')).body as NotificationSettings).email).toBe('daily');
    const mention = mentionToken({ id: reader.id, displayName: reader.displayName });
    await openOk(users.expert.client, `Ensimmäinen huomio ${mention}`);
    await openOk(users.developer.client, `Toinen huomio ${mention}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.some((m) => m.to.includes(reader.email))).toBe(false);
    const digests = t.app.get(DigestService);
    expect(await digests.sendDueDigests(new Date())).toBeGreaterThanOrEqual(1);
    const mails = smtp.received.filter((m) => m.to.includes(reader.email));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('Ensimmäinen huomio');
    expect(mails[0].body).toContain('Toinen huomio');
    await openOk(users.expert.client, `Kolmas huomio ${mention}`);
    await digests.sendDueDigests(new Date());
    expect(smtp.received.filter((m) => m.to.includes(reader.email))).toHaveLength(1);
  });

  it('marks notifications read and counts what is left', async () => {
    const list = await notificationsOf(users.facilitator.client);
    expect(list.unread).toBeGreaterThan(0);
    const after = (await users.facilitator.client.post('/api/notifications/read', {})).body as { unread: number };
    expect(after.unread).toBe(0);
  });
});

describe('without SMTP', () => {
  it('keeps e-mail off with a clear flag and never fails a comment', async () => {
    const plain = await startTestApp();
    try {
      const expert = await plain.loginAs('expert');
      const settings = (await expert.get('/api/me/notification-settings')).body as NotificationSettings;
      expect(settings.emailAvailable).toBe(false);
      const spaces = (await expert.get('/api/spaces')).body as Space[];
      const developer = await plain.loginAs('developer');
      const me = (await developer.get('/api/auth/me')).body as Me;
      await developer.put('/api/me/notification-settings', { email: 'immediately' });
      const m = (await developer.post('/api/model-descriptions', { spaceId: spaces.find((s) => s.kind === 'project')!.id, name: 'Malli' })).body;
      const res = await expert.post('/api/comment-threads', { target: { kind: 'model', id: m.id }, body: `Hei ${mentionToken({ id: me.id, displayName: me.displayName })}` });
      expect(res.status, res.text).toBe(201);
      expect(((await developer.get('/api/notifications')).body as NotificationList).unread).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
