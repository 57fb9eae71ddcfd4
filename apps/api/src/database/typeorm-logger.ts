import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's own loggers print query parameters and PostgreSQL's error details, which can
 * hold emails, names or text. This one logs only the SQLSTATE code, the constraint and the
 * statement's first words — enough to find the bug, nothing about the person.
 */
export class PrivacyPreservingTypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    return;
  }

  // Parameters are deliberately not taken: they are where personal data would be.
  logQueryError(error: string | Error, query: string): void {
    const pg = error as Error & { code?: string; constraint?: string; table?: string };
    const statement = query.trim().split(/\s+/).slice(0, 4).join(' ');
    this.logger.error(
      `query failed: sqlstate=${pg.code ?? '?'}${pg.constraint ? ` constraint=${pg.constraint}` : ''}${pg.table ? ` table=${pg.table}` : ''} statement="${statement} …"`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.trim().split(/\s+/).slice(0, 4).join(' ')} …`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
