import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessEvents } from './access-events';
import { AuditService } from './audit.service';
import { CollabDocumentRegistry } from './collab-document-registry';
import { FOUNDATION_ENTITIES } from './entities';
import { DomainEvents } from './domain-events';
import { RealtimeBus } from './realtime-bus';
import { SpaceAccessService } from './space-access.service';

/** Repositories of the foundation entities plus the cross-cutting access, audit and registry services. */
@Module({
  imports: [TypeOrmModule.forFeature(FOUNDATION_ENTITIES)],
  providers: [AuditService, SpaceAccessService, CollabDocumentRegistry, AccessEvents, DomainEvents, RealtimeBus],
  exports: [TypeOrmModule, AuditService, SpaceAccessService, CollabDocumentRegistry, AccessEvents, DomainEvents, RealtimeBus],
})
export class DataAccessModule {}
