import type { ApiError, Organisation } from '@kehittamo/shared/domain';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let kainuu: string;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.loginAs('admin');
  kainuu = ((await admin.get('/api/organisations')).body as Organisation[]).find((o) => o.shortName === 'KAINUU')!.id;
});
afterAll(() => t?.close());

const fieldsOf = (body: ApiError) => (body.fields ?? []).map((f) => f.field).sort();

describe('bad input gets a 400 that lists every problem and saves nothing', () => {
  it('refuses unknown fields, wrong types and too long strings in one answer', async () => {
    const admin = await t.loginAs('admin');
    const before = await t.count('invitations');
    const res = await admin.post('/api/invitations', {
      email: 'x'.repeat(250) + '@example.fi',
      organisationId: 42,
      role: 'boss',
      isAdmin: true,
    });
    expect(res.status).toBe(400);
    const body = res.body as ApiError;
    expect(body.code).toBe('validation_failed');
    expect(fieldsOf(body)).toEqual(['email', 'isAdmin', 'organisationId', 'role']);
    expect(body.message).toContain('isAdmin');
    expect(await t.count('invitations')).toBe(before);
  });

  it('refuses a too long display name and keeps the old one', async () => {
    const expert = await t.loginAs('expert');
    const res = await expert.patch('/api/auth/me', { displayName: 'k'.repeat(61), language: 'de' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['displayName', 'language']);
    expect((await expert.get('/api/auth/me')).body.displayName).toBe('Kokemuskumppani Kuu');
  });

  it('refuses a body that is not JSON, and a body that is too large', async () => {
    const admin = await t.loginAs('admin');
    const notJson = await admin.send('post', '/api/organisations', undefined);
    expect(notJson.status).toBe(400);
    const request = (await import('supertest')).default;
    const broken = await request(t.server)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.fi", "password": ');
    expect(broken.status).toBe(400);
    expect((broken.body as ApiError).code).toBe('validation_failed');
    const huge = await request(t.server)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.fi', password: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    expect((huge.body as ApiError).code).toBe('payload_too_large');
  });

  it('refuses malformed ids with 400 and unknown ids with 404', async () => {
    const admin = await t.loginAs('admin');
    expect((await admin.get('/api/spaces/not-a-uuid')).status).toBe(400);
    expect((await admin.get('/api/spaces/6f1c0b8e-6a4f-4a43-9d51-3f2a0f0f0f0f')).status).toBe(404);
    expect((await admin.get('/api/no-such-endpoint')).status).toBe(404);
  });

  it('refuses a duplicate organisation short name with 409 and saves nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = await t.count('organisations');
    const res = await admin.post('/api/organisations', { name: 'Toinen Kainuu', shortName: 'KAINUU', kind: 'region' });
    expect(res.status).toBe(409);
    expect(await t.count('organisations')).toBe(before);
  });

  it('keeps at least one admin', async () => {
    const admin = await t.loginAs('admin');
    const [{ id, organisation_id }] = await t.db.query(
      `SELECT u.id, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.role = 'admin'`,
    );
    const res = await admin.patch(`/api/organisations/${organisation_id}/members/${id}`, { role: 'developer' });
    expect(res.status).toBe(409);
    expect((res.body as ApiError).code).toBe('last_admin');
    expect((await admin.delete(`/api/organisations/${organisation_id}/members/${id}`)).status).toBe(409);
  });

  it('applies a role change to the member’s space rights and records it', async () => {
    const coordinator = await t.loginAs('coordinator');
    const user = await t.buildUser('developer', 'KAINUU');
    const res = await coordinator.patch(`/api/organisations/${kainuu}/members/${user.id}`, { role: 'observer' });
    expect(res.status).toBe(200);
    const rights: { access: string }[] = await t.db.query(`SELECT access FROM space_members WHERE user_id = $1`, [user.id]);
    expect(rights.map((r) => r.access)).toEqual(['view', 'view']);
    const [event] = await t.db.query(`SELECT detail FROM audit_events WHERE action = 'role_changed' AND target_id = $1`, [user.id]);
    expect(event.detail).toEqual({ from: 'developer', to: 'observer' });
  });

  it('removes a member from the organisation’s private spaces and the project space', async () => {
    const coordinator = await t.loginAs('coordinator');
    const user = await t.buildUser('facilitator', 'KAINUU');
    expect((await coordinator.delete(`/api/organisations/${kainuu}/members/${user.id}`)).status).toBe(204);
    expect(await t.count(`space_members WHERE user_id = '${user.id}'`)).toBe(0);
    const client = await t.loginAsUser(user);
    expect(((await client.get('/api/spaces')).body as unknown[]).length).toBe(0);
  });
});

describe('system endpoints', () => {
  it('reports liveness, readiness and public config', async () => {
    const client = t.client();
    expect((await client.get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await client.get('/api/health/ready')).body).toEqual({ status: 'ok', checks: { database: 'ok', collabStorage: 'ok', materialStorage: 'ok' } });
    const config = (await client.get('/api/config')).body;
    expect(config).toMatchObject({ defaultLanguage: 'fi', languages: ['fi', 'sv', 'en'], mailConfigured: false });
    expect(JSON.stringify(config)).not.toContain('postgres');
  });

  it('serves the OpenAPI description', async () => {
    const res = await t.client().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/spaces', '/api/invitations']));
  });

  it('sends security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('a real deployment without demo data', () => {
  it('seeds the project structure, no demo users, and the initial admin from the environment', async () => {
    const prod = await startTestApp({ DEMO_SEED: 'false', INITIAL_ADMIN_EMAIL: 'Yllapito@Example.fi', INITIAL_ADMIN_PASSWORD: 'alku-salasana-123' });
    try {
      expect(await prod.count('organisations')).toBe(4);
      expect(await prod.count('work_packages')).toBe(5);
      expect(await prod.count('users')).toBe(1);
      const admin = await prod.loginAsUser({ email: 'yllapito@example.fi', password: 'alku-salasana-123' });
      const me = (await admin.get('/api/auth/me')).body;
      expect(me.isAdmin).toBe(true);
      expect(((await admin.get('/api/spaces')).body as unknown[]).length).toBe(2);
    } finally {
      await prod.close();
    }
  });
});
