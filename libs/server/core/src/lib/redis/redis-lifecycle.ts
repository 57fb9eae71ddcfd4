import type { Logger } from '@nestjs/common';

/** The part of an ioredis client this needs (keeps ioredis out of the signature). */
interface RedisEvents {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/**
 * Logs a Redis outage once when it starts and once when it ends. Without an 'error'
 * listener ioredis prints "Unhandled error event" on every reconnect attempt; the clients
 * reconnect by themselves, readiness reports the outage.
 */
export function logRedisOutages(client: RedisEvents, logger: Logger, label: string): void {
  let down = false;
  client.on('error', (error) => {
    if (down) return;
    down = true;
    logger.warn(`${label}: Redis unreachable (${error.message}); reconnecting`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log(`${label}: Redis reachable again`);
  });
}

/**
 * Closes a client after the commands already sent have been answered (QUIT is queued behind
 * them), so libraries that unsubscribe without awaiting on shutdown do not leave rejected
 * promises behind; gives up waiting after `timeoutMs` (e.g. while Redis is unreachable).
 */
export async function closeRedisGracefully(client: { quit(): Promise<unknown>; disconnect(): void }, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.quit().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  client.disconnect();
}
