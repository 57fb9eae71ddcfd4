import { AppException, loadConfig } from '@kehittamo/server/core';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  const config = loadConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '5', LOGIN_WINDOW_SECONDS: '60' });

  it('blocks an account after repeated failures from one address, with a retry time', () => {
    const limiter = new LoginRateLimiter(config);
    for (let i = 0; i < 3; i++) {
      limiter.assertAllowed('a@b.fi', '1.1.1.1', 1000 + i);
      limiter.recordFailure('a@b.fi', '1.1.1.1', 1000 + i);
    }
    try {
      limiter.assertAllowed('A@b.fi', '1.1.1.1', 2000);
      expect.unreachable();
    } catch (e) {
      expect((e as AppException).code).toBe('rate_limited');
      expect((e as AppException).extra.retryAfterSeconds).toBe(59);
    }
    // another address is not punished for it
    expect(() => limiter.assertAllowed('a@b.fi', '2.2.2.2', 2000)).not.toThrow();
  });

  it('forgets failures after the window and after a success', () => {
    const limiter = new LoginRateLimiter(config);
    for (let i = 0; i < 3; i++) limiter.recordFailure('a@b.fi', 'ip', 0);
    expect(() => limiter.assertAllowed('a@b.fi', 'ip', 61_000)).not.toThrow();
    for (let i = 0; i < 3; i++) limiter.recordFailure('c@b.fi', 'ip2', 0);
    limiter.recordSuccess('c@b.fi', 'ip2');
    expect(() => limiter.assertAllowed('c@b.fi', 'ip2', 1)).not.toThrow();
  });

  it('caps all attempts per address', () => {
    const limiter = new LoginRateLimiter(config);
    for (let i = 0; i < 5; i++) limiter.assertAllowed(`u${i}@b.fi`, 'ip', i);
    expect(() => limiter.assertAllowed('u9@b.fi', 'ip', 10)).toThrow(AppException);
  });
});
