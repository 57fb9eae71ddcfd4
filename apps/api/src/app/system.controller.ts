import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, MailService, Public, type AppConfig } from '@kehittamo/server/core';
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
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  health(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. 503 otherwise, so a load balancer stops sending traffic. */
  @Public()
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthStatus> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', checks: { database: 'ok' } };
    } catch {
      res.status(503);
      return { status: 'error', checks: { database: 'error' } };
    }
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
    };
  }
}
