import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessEvents } from './access-events';
import { AuditService } from './audit.service';
import { CollabDocumentRegistry } from './collab-document-registry';
import { FOUNDATION_ENTITIES } from './entities';
import { SpaceAccessService } from './space-access.service';

/** Repositories of the foundation entities plus the cross-cutting access, audit and registry services. */
@Module({
  imports: [TypeOrmModule.forFeature(FOUNDATION_ENTITIES)],
  providers: [AuditService, SpaceAccessService, CollabDocumentRegistry, AccessEvents],
  exports: [TypeOrmModule, AuditService, SpaceAccessService, CollabDocumentRegistry, AccessEvents],
})
export class DataAccessModule {}
