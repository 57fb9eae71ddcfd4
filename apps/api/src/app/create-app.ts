import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ApiExceptionFilter,
  createValidationPipe,
  csrfMiddleware,
  securityHeadersMiddleware,
  type AppConfig,
} from '@kehittamo/server/core';
import cookieParser from 'cookie-parser';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { CollabServer } from '@kehittamo/collab/server';
import { migrateAndSeed } from '../database/migrate';
import { MaterialProcessingService } from '@kehittamo/server/materials';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { AppModule } from './app.module';
import { APP_VERSION } from './version';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Paths the single-page app must never answer for. */
const SERVER_PATHS = /^\/(api|socket\.io|collab)(\/|$)/;

/** `1` → hop count; `loopback` or `10.0.0.0/8, 127.0.0.1` → Express's address list. */
function parseTrustProxy(value: string): number | string[] {
  return /^\d+$/.test(value) ? Number(value) : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Where the built web app lives: WEB_DIST, next to the API build, or the workspace's dist. */
function findWebDist(config: AppConfig): string | null {
  const candidates = config.WEB_DIST
    ? [resolve(config.WEB_DIST)]
    : [resolve(__dirname, '../web/browser'), resolve(process.cwd(), 'dist/apps/web/browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Builds the whole server — REST under /api, OpenAPI at /api/docs, Socket.IO, the web
 * app with SPA fallback — migrated and seeded, but not yet listening. main.ts and the
 * integration tests both use this, so tests run exactly what production runs.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1),
    bodyParser: false,
  });
  app.set('trust proxy', parseTrustProxy(config.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(securityHeadersMiddleware({ secure: config.secureCookies }));
  // Body-parser errors happen before Nest's filters: answer them with the same ApiError body.
  const parseJson = express.json({ limit: '1mb' });
  // A model description's JSON export (taken back by import) can be larger than any other body.
  const parseLargeJson = express.json({ limit: '16mb' });
  const errorFilter = new ApiExceptionFilter();
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    (req.path === '/api/model-descriptions/import' ? parseLargeJson : parseJson)(req, res, (error?: unknown) => {
      if (!error) return next();
      const body = errorFilter.toApiError(error);
      res.status(body.statusCode).json(body);
    }),
  );
  app.use(cookieParser());
  app.use(
    '/api',
    csrfMiddleware({
      allowedOrigins: config.allowedOrigins,
      secureCookies: config.secureCookies,
      exemptPaths: ['/auth/login', '/auth/password-reset/request', '/auth/password-reset/confirm', '/invitations/accept'],
    }),
  );
  if (config.REDIS_URL) {
    const adapter = new RedisIoAdapter(app, config.REDIS_URL);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kehittämö API')
      .setDescription('Co-development platform for child-protection development work')
      .setVersion(APP_VERSION)
      .addCookieAuth('kh_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const webDist = findWebDist(config);
  if (webDist) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  } else {
    Logger.warn('The web app is not built (npm run build): only the API is served', 'Bootstrap');
  }

  await app.init();
  await migrateAndSeed(app.get(DataSource), config);
  // The background job of the material library needs its tables.
  await app.get(MaterialProcessingService).start();
  app.get(CollabServer).attach(app.getHttpServer());
  return app;
}
