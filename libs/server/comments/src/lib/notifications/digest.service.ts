import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, MailService, type AppConfig } from '@kehittamo/server/core';
import type { Language } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import { returnedRows } from '../comment-rows';
import { NotificationService } from './notification.service';

const CHECK_EVERY_MS = 10 * 60 * 1000;
const ZONE = 'Europe/Helsinki';

/** The instant of today's digest hour in Finnish time (today as seen in Finland at `now`). */
export function digestInstant(now: Date, hour: number): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', timeZoneName: 'longOffset' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts['timeZoneName'] ?? '');
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const utc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), hour, 0, 0);
  return new Date(utc - offsetMinutes * 60_000);
}

/**
 * Daily e-mail digests for users who chose "daily": once a day after NOTIFICATION_DIGEST_HOUR
 * (Finnish time), one message with what they have not read or been mailed yet. Each user's digest
 * is claimed with one conditional UPDATE, so several API instances never send it twice.
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digest');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mail.configured) return;
    this.timer = setInterval(() => {
      this.sendDueDigests(new Date()).catch((error: unknown) => this.logger.warn(`digest run failed: ${(error as Error).message}`));
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends every digest that is due at `now`; returns how many e-mails left. */
  async sendDueDigests(now: Date): Promise<number> {
    if (!this.mail.configured) return 0;
    const due = digestInstant(now, this.config.NOTIFICATION_DIGEST_HOUR);
    if (now < due) return 0;
    const candidates: { id: string; email: string; language: Language }[] = await this.db.query(
      `SELECT u.id, u.email, u.language FROM users u
        WHERE u.email_notifications = 'daily' AND (u.last_digest_at IS NULL OR u.last_digest_at < $1)
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at <= $2)`,
      [due, now],
    );
    let sent = 0;
    for (const user of candidates) {
      const claimed: unknown[] = await this.db.query(
        `UPDATE users SET last_digest_at = $2 WHERE id = $1 AND (last_digest_at IS NULL OR last_digest_at < $3) RETURNING id`,
        [user.id, now, due],
      );
      if (returnedRows(claimed).length === 0) continue;
      const pending = await this.notifications.pendingForDigest(user.id, now);
      if (await this.notifications.mailTo(user, pending)) sent += 1;
    }
    return sent;
  }
}
