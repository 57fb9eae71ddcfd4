import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiTags } from '@nestjs/swagger';
import { CollabServer } from '@kehittamo/collab/server';
import { OBJECT_STORAGE, type ObjectStorage } from '@kehittamo/server/materials';
import { APP_CONFIG, AppException, MailService, Public, type AppConfig } from '@kehittamo/server/core';
import { LANGUAGES, LIMITS, type HealthStatus, type PublicConfig } from '@kehittamo/shared/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_VERSION } from './version';

@ApiTags('system')
@Controller()
export class SystemController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly collab: CollabServer,
    @Inject(OBJECT_STORAGE) private readonly materialStorage: ObjectStorage,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  health(): HealthStatus {
    return { status: 'ok' };
  }

  /** The material file storage (local folder or S3 bucket) answers within 5 s. */
  private async materialStorageCheck(): Promise<'ok' | 'error'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 5000)));
    try {
      await Promise.race([this.materialStorage.check(), timeout]);
      return 'ok';
    } catch {
      return 'error';
    } finally {
      clearTimeout(timer);
    }
  }

  /** Readiness: the database answers, collaborative documents load and are stored, material storage answers, Redis (if used) is connected. 503 otherwise. */
  @Public()
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthStatus> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'error' as const,
    );
    // A document whose updates cannot be stored keeps them queued: not ready until they are.
    const collab = await this.collab.health();
    const checks: Record<string, 'ok' | 'error'> = { database, collabStorage: collab.storage ? 'ok' : 'error', materialStorage: await this.materialStorageCheck() };
    // With REDIS_URL: an instance cut off from the others would serve diverging documents.
    if (collab.redis !== null) checks['collabRedis'] = collab.redis ? 'ok' : 'error';
    const healthy = Object.values(checks).every((check) => check === 'ok');
    if (!healthy) res.status(503);
    return { status: healthy ? 'ok' : 'error', checks };
  }

  /**
   * This instance's collaboration metrics for Prometheus, behind `Authorization: Bearer
   * METRICS_TOKEN`. Without METRICS_TOKEN configured the endpoint does not exist.
   */
  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  metrics(@Headers('authorization') authorization: string | undefined): string {
    const token = this.config.METRICS_TOKEN;
    if (!token) throw new AppException('not_found', 'Not found');
    const given = Buffer.from(authorization?.replace(/^Bearer /i, '') ?? '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppException('unauthenticated', 'A valid metrics token is required');
    }
    return this.collab.metricsText();
  }

  /** The whitelisted settings the browser may know. */
  @Public()
  @Get('config')
  publicConfig(): PublicConfig {
    return {
      version: APP_VERSION,
      languages: [...LANGUAGES],
      defaultLanguage: 'fi',
      mailConfigured: this.mail.configured,
      demo: this.config.demoSeedEnabled,
      passwordMinLength: LIMITS.passwordMin,
      materialMaxBytes: this.config.MATERIAL_MAX_BYTES,
    };
  }
}
