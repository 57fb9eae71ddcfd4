import { Logger, type INestApplication } from '@nestjs/common';
import { ConfigError, loadConfig, startEmbeddedDatabase, type EmbeddedDatabase } from '@kehittamo/server/core';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | null = null;
  let app: INestApplication | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`);
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      logger.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${config.DATA_DIR}`);
      embedded = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
      databaseUrl = embedded.url;
    }
    app = await createApp(config, databaseUrl);
    await app.listen(config.PORT);
    logger.log(`Kehittämö is running at ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
  } catch (error) {
    logger.error(`Start-up failed: ${(error as Error).message}`);
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void bootstrap();
