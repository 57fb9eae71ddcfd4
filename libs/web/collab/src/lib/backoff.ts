/** First reconnect waits about this long (before jitter). */
export const RECONNECT_INITIAL_MS = 500;
/** No reconnect ever waits longer than this. */
export const RECONNECT_MAX_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 = the first retry): exponential,
 * 0.5 s doubling up to 30 s, with "equal jitter" — a random point in the upper half of the
 * step — so that clients dropped together (a server restart) do not all return in the
 * same instant, yet none retries sooner than half its step.
 *
 * @param random a number in [0, 1); `Math.random` unless a test fixes it.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(RECONNECT_MAX_MS, RECONNECT_INITIAL_MS * 2 ** Math.max(0, Math.floor(attempt)));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
