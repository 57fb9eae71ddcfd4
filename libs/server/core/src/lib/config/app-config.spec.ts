import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses defaults and the embedded database when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.demoSeedEnabled).toBe(true);
    expect(config.allowedOrigins).toEqual(['http://localhost:3000']);
  });

  it('turns demo seeding off by default against a real database', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' });
    expect(config.demoSeedEnabled).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', DEMO_SEED: 'true' }).demoSeedEnabled).toBe(true);
  });

  it('lists every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT');
      expect((e as Error).message).toContain('LOG_LEVEL');
    }
  });

  it('parses comma-separated origins', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.fi, https://b.fi' }).allowedOrigins).toEqual([
      'https://a.fi',
      'https://b.fi',
    ]);
  });

  it('requires the initial admin email and password together, and a real email', () => {
    expect(() => loadConfig({ INITIAL_ADMIN_EMAIL: 'a@b.fi' })).toThrowError(/set together/);
    expect(() => loadConfig({ INITIAL_ADMIN_EMAIL: 'not-an-email', INITIAL_ADMIN_PASSWORD: 'long-enough-pw' })).toThrowError(/INITIAL_ADMIN_EMAIL/);
    expect(loadConfig({ INITIAL_ADMIN_EMAIL: 'a@b.fi', INITIAL_ADMIN_PASSWORD: 'long-enough-pw' }).INITIAL_ADMIN_EMAIL).toBe('a@b.fi');
  });
});
