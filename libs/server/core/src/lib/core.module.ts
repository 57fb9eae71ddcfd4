import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { MailService } from './mail/mail.service';
import { APP_CONFIG } from './tokens';

/** Config and mail, available everywhere. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, MailService],
      exports: [APP_CONFIG, MailService],
    };
  }
}
