import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppException, type AppConfig } from '@kehittamo/server/core';

/**
 * Sliding-window limits on login: failures per (account, client address) and all
 * attempts per client address. Kept in process memory: with several API replicas
 * each enforces its own window (see docs/operations.md).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly attempts = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws 429 when the caller must wait; otherwise counts the attempt. */
  assertAllowed(email: string, ip: string, now = Date.now()): void {
    const windowMs = this.config.LOGIN_WINDOW_SECONDS * 1000;
    const failures = this.recent(this.failures, this.failureKey(email, ip), now, windowMs);
    const attempts = this.recent(this.attempts, ip, now, windowMs);
    const blockedBy =
      failures.length >= this.config.LOGIN_MAX_FAILURES
        ? failures
        : attempts.length >= this.config.LOGIN_MAX_ATTEMPTS_PER_IP
          ? attempts
          : null;
    if (blockedBy) {
      const retryAfterSeconds = Math.max(1, Math.ceil((blockedBy[0] + windowMs - now) / 1000));
      throw new AppException('rate_limited', `Too many login attempts. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
    attempts.push(now);
    this.attempts.set(ip, attempts);
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    const key = this.failureKey(email, ip);
    const list = this.recent(this.failures, key, now, this.config.LOGIN_WINDOW_SECONDS * 1000);
    list.push(now);
    this.failures.set(key, list);
  }

  recordSuccess(email: string, ip: string): void {
    this.failures.delete(this.failureKey(email, ip));
  }

  private failureKey(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  private recent(map: Map<string, number[]>, key: string, now: number, windowMs: number): number[] {
    const list = (map.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length === 0) map.delete(key);
    return list;
  }
}
