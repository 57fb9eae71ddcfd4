import { RECONNECT_MAX_MS, reconnectDelay } from './backoff';

describe('reconnect backoff', () => {
  it('doubles from 0.5 s and stops growing at 30 s', () => {
    const steps = Array.from({ length: 10 }, (_, attempt) => reconnectDelay(attempt, () => 1));
    expect(steps).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('spreads clients over the upper half of each step, never sooner', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
    expect(reconnectDelay(50, () => 0)).toBe(RECONNECT_MAX_MS / 2);
    for (let i = 0; i < 200; i++) {
      const delay = reconnectDelay(20);
      expect(delay).toBeGreaterThanOrEqual(RECONNECT_MAX_MS / 2);
      expect(delay).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    }
  });

  it('treats nonsense attempts as the first one', () => {
    expect(reconnectDelay(-3, () => 1)).toBe(500);
  });
});
