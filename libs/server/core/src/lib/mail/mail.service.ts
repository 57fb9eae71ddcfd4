import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../tokens';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through SMTP when `SMTP_URL` is set. Without it nothing is sent:
 * links are shown to the inviter instead, and the last messages stay in memory
 * (`outbox`) so that tests can follow them. Message content is never logged.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  readonly outbox: MailMessage[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  /** Returns whether the message left through SMTP. Failures are logged, not thrown. */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport) {
      this.outbox.push(message);
      if (this.outbox.length > 100) this.outbox.shift();
      return false;
    }
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
      return true;
    } catch (error) {
      this.logger.warn(`SMTP delivery failed: ${(error as Error).message}`);
      return false;
    }
  }
}
