import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { OrganisationController, ProjectController, SpaceController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { AuditQueryService, ProjectService } from './project-and-audit.service';
import { SpaceService } from './space.service';

/** Organisations, members, spaces, the project and the audit log. */
@Module({
  imports: [DataAccessModule],
  controllers: [OrganisationController, SpaceController, ProjectController],
  providers: [OrganisationService, SpaceService, ProjectService, AuditQueryService],
  exports: [SpaceService],
})
export class OrganisationsModule {}
