import { hashToken } from '@kehittamo/server/core';
import type { ApiError, InvitationCreated, Me, Organisation } from '@kehittamo/shared/domain';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t?.close());

const tokenOf = (url: string) => new URL(url).searchParams.get('token') as string;

async function organisationId(shortName: string): Promise<string> {
  const coordinator = await t.loginAs('coordinator');
  const list = (await coordinator.get('/api/organisations')).body as Organisation[];
  return list.find((o) => o.shortName === shortName)!.id;
}

describe('login and logout', () => {
  it('sets an httpOnly SameSite session cookie and returns the user', async () => {
    const client = t.client();
    const res = await client.post('/api/auth/login', { email: 'Developer@demo.kehittamo.fi', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('kh_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = (await client.get('/api/auth/me')).body as Me;
    expect(me.email).toBe('developer@demo.kehittamo.fi');
    expect(me.memberships.map((m) => m.role)).toEqual(['developer']);
  });

  it('answers a wrong password and an unknown email alike with 401', async () => {
    const wrong = await t.client().post('/api/auth/login', { email: 'observer@demo.kehittamo.fi', password: 'nope-nope-nope' });
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody@demo.kehittamo.fi', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as ApiError).code).toBe('invalid_credentials');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const client = await t.loginAs('facilitator');
    const stolen = client.cookies.get('kh_session')!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const replay = t.client();
    replay.cookies.set('kh_session', stolen);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('logs out every device with logout-all', async () => {
    const phone = await t.loginAs('observer');
    const laptop = await t.loginAs('observer');
    expect((await phone.post('/api/auth/logout-all')).status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses state-changing requests without the CSRF token, and from a foreign origin', async () => {
    const client = await t.loginAs('developer');
    const noToken = await client.send('patch', '/api/auth/me', { displayName: 'Changed' }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect((noToken.body as ApiError).code).toBe('csrf_invalid');
    const foreign = await t
      .client()
      .send('post', '/api/auth/login', { email: 'developer@demo.kehittamo.fi', password: DEMO_PASSWORD });
    expect(foreign.status).toBe(200);
    const evil = await (await import('supertest'))
      .default(t.server)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ email: 'developer@demo.kehittamo.fi', password: DEMO_PASSWORD });
    expect(evil.status).toBe(403);
    expect(((await client.get('/api/auth/me')).body as Me).displayName).toBe('Kehittäjä (demo)');
  });

  it('rate-limits login flooding with a clear 429 and Retry-After', async () => {
    const victim = await t.buildUser('developer', 'ESAVO');
    const client = t.client();
    const attempt = () => client.post('/api/auth/login', { email: victim.email, password: 'wrong-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect((blocked.body as ApiError).code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits: the limiter does not reveal it.
    const right = await client.post('/api/auth/login', { email: victim.email, password: victim.password });
    expect(right.status).toBe(429);
    expect(await t.count(`sessions WHERE user_id = '${victim.id}'`)).toBe(0);
  });
});

describe('profile', () => {
  it('updates display name and language; the real name can be cleared', async () => {
    const client = await t.loginAs('expert');
    const res = await client.patch('/api/auth/me', { displayName: 'Kuutamo', language: 'sv', realName: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Kuutamo', language: 'sv', realName: null });
    expect(((await client.get('/api/auth/me')).body as Me).language).toBe('sv');
  });

  it('changes the password, ending the other sessions but keeping this one', async () => {
    const user = await t.buildUser('facilitator', 'KAINUU');
    const here = await t.loginAsUser(user);
    const elsewhere = await t.loginAsUser(user);
    const bad = await here.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'uusi-salasana-123' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('currentPassword');
    const ok = await here.post('/api/auth/password', { currentPassword: user.password, newPassword: 'uusi-salasana-123' });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    const again = await t.client().post('/api/auth/login', { email: user.email, password: 'uusi-salasana-123' });
    expect(again.status).toBe(200);
  });
});

describe('password reset', () => {
  const lastResetToken = (email: string) => {
    const message = [...t.mail.outbox].reverse().find((m) => m.to === email)!;
    return tokenOf(message.text.match(/https?:\/\/\S+/)![0]);
  };

  it('answers 202 for known and unknown emails alike and mails only the known', async () => {
    const before = t.mail.outbox.length;
    const unknown = await t.client().post('/api/auth/password-reset/request', { email: 'ghost@demo.kehittamo.fi' });
    expect(unknown.status).toBe(202);
    expect(t.mail.outbox.length).toBe(before);
    const known = await t.client().post('/api/auth/password-reset/request', { email: 'observer@demo.kehittamo.fi' });
    expect(known.status).toBe(202);
    expect(t.mail.outbox.length).toBe(before + 1);
  });

  it('sets a new password with a single-use link and ends every session', async () => {
    const user = await t.buildUser('developer', 'PSAVO');
    const session = await t.loginAsUser(user);
    await t.client().post('/api/auth/password-reset/request', { email: user.email });
    const token = lastResetToken(user.email);
    const done = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'vaihdettu-salasana' });
    expect(done.status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const reused = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'kolmas-salasana-1' });
    expect(reused.status).toBe(400);
    expect((reused.body as ApiError).code).toBe('token_used');
    const login = await t.client().post('/api/auth/login', { email: user.email, password: 'vaihdettu-salasana' });
    expect(login.status).toBe(200);
  });

  it('refuses an expired or unknown link', async () => {
    await t.client().post('/api/auth/password-reset/request', { email: 'coordinator@demo.kehittamo.fi' });
    const token = lastResetToken('coordinator@demo.kehittamo.fi');
    await t.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashToken(token)]);
    const expired = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'ei-kelpaa-enaa-1' });
    expect(expired.status).toBe(400);
    expect((expired.body as ApiError).code).toBe('token_expired');
    const unknown = await t.client().post('/api/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'ei-kelpaa-enaa-1' });
    expect((unknown.body as ApiError).code).toBe('token_invalid');
    expect((await t.client().post('/api/auth/login', { email: 'coordinator@demo.kehittamo.fi', password: DEMO_PASSWORD })).status).toBe(200);
  });
});

describe('invitations', () => {
  it('lets a coordinator invite an expert who joins under a display name', async () => {
    const coordinator = await t.loginAs('coordinator');
    const kainuu = await organisationId('KAINUU');
    const created = await coordinator.post('/api/invitations', { email: 'Uusi.Kumppani@example.fi', organisationId: kainuu, role: 'expert' });
    expect(created.status).toBe(201);
    const invitation = created.body as InvitationCreated;
    expect(invitation.url).toContain('/invitation?token=');
    expect(invitation.emailSent).toBe(false);
    const token = tokenOf(invitation.url);

    const preview = await t.client().get(`/api/invitations/preview/${token}`);
    expect(preview.body).toMatchObject({ email: 'uusi.kumppani@example.fi', role: 'expert', existingAccount: false });

    const newcomer = t.client();
    const accepted = await newcomer.post('/api/invitations/accept', {
      token,
      displayName: 'Tähtisade',
      password: 'oma-salasana-123',
      realName: 'Maija Meikäläinen',
      language: 'en',
    });
    expect(accepted.status).toBe(200);
    const me = (await newcomer.get('/api/auth/me')).body as Me;
    expect(me).toMatchObject({ displayName: 'Tähtisade', language: 'en', realName: 'Maija Meikäläinen' });
    // An expert's role is private until they choose to show it.
    expect(me.memberships).toEqual([expect.objectContaining({ organisationId: kainuu, role: 'expert', roleVisible: false })]);

    // The expert sees the project space and Kainuu's private space, with comment rights.
    const spaces = (await newcomer.get('/api/spaces')).body as { kind: string; organisationId: string | null; access: string }[];
    expect(spaces.map((s) => [s.kind, s.access]).sort()).toEqual([
      ['organisation', 'comment'],
      ['project', 'comment'],
    ]);

    // Single use.
    const again = await t.client().post('/api/invitations/accept', { token, displayName: 'Toinen', password: 'oma-salasana-123' });
    expect(again.status).toBe(400);
    expect((again.body as ApiError).code).toBe('token_used');
  });

  it('refuses expired and revoked invitations and creates no account', async () => {
    const coordinator = await t.loginAs('coordinator');
    const kainuu = await organisationId('KAINUU');
    const users = await t.count('users');
    const expiring = (await coordinator.post('/api/invitations', { email: 'late@example.fi', organisationId: kainuu, role: 'developer' })).body as InvitationCreated;
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    const expired = await t.client().post('/api/invitations/accept', { token: tokenOf(expiring.url), displayName: 'Myöhäinen', password: 'salasana-12345' });
    expect((expired.body as ApiError).code).toBe('token_expired');

    const revoking = (await coordinator.post('/api/invitations', { email: 'revoked@example.fi', organisationId: kainuu, role: 'developer' })).body as InvitationCreated;
    expect((await coordinator.delete(`/api/invitations/${revoking.id}`)).status).toBe(204);
    const revoked = await t.client().post('/api/invitations/accept', { token: tokenOf(revoking.url), displayName: 'Peruttu', password: 'salasana-12345' });
    expect((revoked.body as ApiError).code).toBe('token_invalid');
    expect(await t.count('users')).toBe(users);
  });

  it('adds an existing account to another organisation only with its own password', async () => {
    const admin = await t.loginAs('admin');
    const esavo = await organisationId('ESAVO');
    const invitation = (await admin.post('/api/invitations', { email: 'observer@demo.kehittamo.fi', organisationId: esavo, role: 'observer' })).body as InvitationCreated;
    const preview = (await t.client().get(`/api/invitations/preview/${tokenOf(invitation.url)}`)).body;
    expect(preview.existingAccount).toBe(true);
    const wrong = await t.client().post('/api/invitations/accept', { token: tokenOf(invitation.url), password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const right = t.client();
    expect((await right.post('/api/invitations/accept', { token: tokenOf(invitation.url), password: DEMO_PASSWORD })).status).toBe(200);
    const me = (await right.get('/api/auth/me')).body as Me;
    expect(me.memberships.map((m) => m.organisationShortName).sort()).toEqual(['ESAVO', 'ISO']);
  });

  it('lets only admins invite admins, and not ordinary members at all', async () => {
    const kainuu = await organisationId('KAINUU');
    const coordinator = await t.loginAs('coordinator');
    expect((await coordinator.post('/api/invitations', { email: 'boss@example.fi', organisationId: kainuu, role: 'admin' })).status).toBe(403);
    const developer = await t.loginAs('developer');
    expect((await developer.post('/api/invitations', { email: 'friend@example.fi', organisationId: kainuu, role: 'developer' })).status).toBe(403);
  });

  it('records security events in the audit log without personal content', async () => {
    const admin = await t.loginAs('admin');
    const page = (await admin.get('/api/audit?limit=200')).body as { items: { action: string; detail: object }[] };
    const actions = new Set(page.items.map((e) => e.action));
    for (const action of ['login', 'login_failed', 'invitation_created', 'invitation_accepted', 'password_reset_completed', 'logout']) {
      expect(actions.has(action), action).toBe(true);
    }
    const text = JSON.stringify(page.items);
    expect(text).not.toContain('@');
    expect(text).not.toContain('Maija');
  });
});

describe('reset links made by a coordinator', () => {
  it('gives the coordinator a single-use link for a member, which sets a new password', async () => {
    const coordinator = await t.loginAs('coordinator');
    const member = await t.buildUser('expert', 'KAINUU');
    const res = await coordinator.post(`/api/organisations/${member.organisationId}/members/${member.id}/password-reset`);
    expect(res.status).toBe(201);
    expect(res.body.url).toContain('/reset-password?token=');
    expect(res.body.emailSent).toBe(false);
    const token = tokenOf(res.body.url);
    expect((await t.client().post('/api/auth/password-reset/confirm', { token, password: 'uusi-oma-salasana' })).status).toBe(204);
    expect((await t.client().post('/api/auth/login', { email: member.email, password: 'uusi-oma-salasana' })).status).toBe(200);
    const [event] = await t.db.query(
      `SELECT actor_id FROM audit_events WHERE action = 'password_reset_requested' AND target_id = $1`,
      [member.id],
    );
    expect(event.actor_id).not.toBeNull();
  });

  it('refuses members, strangers and coordinators reaching for an admin', async () => {
    const member = await t.buildUser('developer', 'KAINUU');
    const path = `/api/organisations/${member.organisationId}/members/${member.id}/password-reset`;
    expect((await (await t.loginAs('facilitator')).post(path)).status).toBe(403);
    expect((await (await t.loginAs('observer')).post(path)).status).toBe(404);
    expect((await t.client().post(path)).status).toBe(401);
    const [admin] = await t.db.query(
      `SELECT m.user_id, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'admin@demo.kehittamo.fi'`,
    );
    const coordinator = await t.loginAs('coordinator');
    expect((await coordinator.post(`/api/organisations/${admin.organisation_id}/members/${admin.user_id}/password-reset`)).status).toBe(403);
    expect(await t.count(`password_resets WHERE user_id = '${admin.user_id}'`)).toBe(0);
  });
});
