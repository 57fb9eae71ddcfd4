import { digestInstant } from './digest.service';
import { notificationMail } from './notification-mail';

describe('notification e-mail', () => {
  it('writes one subject for a single notification and a counted one for a digest, in the reader\'s language', () => {
    const item = { kind: 'mention' as const, actorName: 'Kuu', targetTitle: 'Tiimimalli', excerpt: 'Hyvä ajatus', url: 'https://k.fi/models/1?thread=2' };
    expect(notificationMail('fi', [item], 'https://k.fi/inbox').subject).toBe('Kehittämö: uusi ilmoitus');
    const digest = notificationMail('sv', [item, { ...item, kind: 'reply', excerpt: null }], 'https://k.fi/inbox');
    expect(digest.subject).toBe('Kehittämö: 2 nya aviseringar');
    expect(digest.text).toContain('Kuu nämnde dig i en kommentar: Tiimimalli');
    expect(digest.text.match(/Hyvä ajatus/g)).toHaveLength(1);
    expect(digest.text).toContain('https://k.fi/inbox');
  });

  it('names nobody when the actor is gone', () => {
    const mail = notificationMail('en', [{ kind: 'resolved', actorName: null, targetTitle: 'Malli', excerpt: null, url: 'u' }], 'i');
    expect(mail.text).toContain('Someone marked the discussion resolved: Malli');
  });
});

describe('digest hour', () => {
  it('is the hour in Finnish time, in winter (UTC+2) and in summer (UTC+3)', () => {
    expect(digestInstant(new Date('2026-01-15T12:00:00Z'), 7).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(digestInstant(new Date('2026-07-15T12:00:00Z'), 7).toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('uses the Finnish date just after midnight there', () => {
    // 23:30 UTC on 15 January is already 16 January in Finland.
    expect(digestInstant(new Date('2026-01-15T23:30:00Z'), 7).toISOString()).toBe('2026-01-16T05:00:00.000Z');
  });
});
