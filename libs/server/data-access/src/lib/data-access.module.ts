import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { FOUNDATION_ENTITIES } from './entities';
import { SpaceAccessService } from './space-access.service';

/** Repositories of the foundation entities plus the cross-cutting access and audit services. */
@Module({
  imports: [TypeOrmModule.forFeature(FOUNDATION_ENTITIES)],
  providers: [AuditService, SpaceAccessService],
  exports: [TypeOrmModule, AuditService, SpaceAccessService],
})
export class DataAccessModule {}
