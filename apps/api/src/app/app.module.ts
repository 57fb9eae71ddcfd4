import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiExceptionFilter, CoreModule, type AppConfig } from '@kehittamo/server/core';
import { AuthModule } from '@kehittamo/server/auth';
import { BoardsModule } from '@kehittamo/server/boards';
import { CommentModule } from '@kehittamo/server/comments';
import { MaterialsModule } from '@kehittamo/server/materials';
import { ProgressModule } from '@kehittamo/server/progress';
import { ModelDescriptionsModule } from '@kehittamo/server/model-descriptions';
import { CollabModule } from '@kehittamo/collab/server';
import { FOUNDATION_ENTITIES } from '@kehittamo/server/data-access';
import { OrganisationsModule } from '@kehittamo/server/organisations';
import { MIGRATIONS } from '../database/migrations';
import { RealtimeModule } from '../realtime/realtime.module';
import { PrivacyPreservingTypeOrmLogger } from '../database/typeorm-logger';
import { SystemController } from './system.controller';

/** The composition root: config, database, and every feature module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          entities: FOUNDATION_ENTITIES,
          migrations: MIGRATIONS,
          // Migrations run in createApp under an advisory lock, so replicas never race.
          migrationsRun: false,
          migrationsTransactionMode: 'each',
          synchronize: false,
          logger: new PrivacyPreservingTypeOrmLogger(),
          extra: { max: 10 },
        }),
        AuthModule,
        OrganisationsModule,
        RealtimeModule,
        BoardsModule,
        ModelDescriptionsModule,
        CommentModule,
        MaterialsModule,
        ProgressModule,
        CollabModule,
      ],
      controllers: [SystemController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
