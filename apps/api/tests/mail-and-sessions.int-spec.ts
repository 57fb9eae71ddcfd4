import type { InvitationCreated, Organisation } from '@kehittamo/shared/domain';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startTestApp, type TestApp } from './support/test-app';

describe('mail through SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://kehittamo.example.fi' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails the invitation link and tells the inviter it was sent', async () => {
    const coordinator = await t.loginAs('coordinator');
    const kainuu = ((await coordinator.get('/api/organisations')).body as Organisation[]).find((o) => o.shortName === 'KAINUU')!;
    const invitation = (await coordinator.post('/api/invitations', { email: 'posti@example.fi', organisationId: kainuu.id, role: 'developer' }))
      .body as InvitationCreated;
    expect(invitation.emailSent).toBe(true);
    expect(invitation.url.startsWith('https://kehittamo.example.fi/invitation?token=')).toBe(true);
    const mail = smtp.received.find((m) => m.to.includes('posti@example.fi'))!;
    expect(mail.body).toContain(new URL(invitation.url).searchParams.get('token'));
    expect((await t.client().get('/api/config')).body.mailConfigured).toBe(true);
  });

  it('mails a password reset link', async () => {
    await t.client().post('/api/auth/password-reset/request', { email: 'observer@demo.kehittamo.fi' });
    await vi.waitFor(() => expect(smtp.received.some((m) => m.to.includes('observer@demo.kehittamo.fi'))).toBe(true));
    const mail = smtp.received.find((m) => m.to.includes('observer@demo.kehittamo.fi'))!;
    expect(mail.body).toContain('https://kehittamo.example.fi/reset-password?token=');
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('stores only a hash of the session secret', async () => {
    const client = await t.loginAs('developer');
    const secret = client.cookies.get('kh_session')!;
    const rows: { token_hash: string }[] = await t.db.query(`SELECT token_hash FROM sessions`);
    expect(rows.some((r) => r.token_hash === secret)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('ends an expired session and removes it', async () => {
    const client = await t.loginAs('observer');
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = 'observer@demo.kehittamo.fi'`);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [id]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await t.count(`sessions WHERE user_id = '${id}'`)).toBe(0);
  });

  it('ignores a forged or oversized session cookie', async () => {
    const client = t.client();
    client.cookies.set('kh_session', 'x'.repeat(5000));
    expect((await client.get('/api/auth/me')).status).toBe(401);
    client.cookies.set('kh_session', 'forged');
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
