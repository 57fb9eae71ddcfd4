import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type AuthenticatedUser } from '@kehittamo/server/core';
import type { AuditEvent, Member, Organisation, Page, Project, Space, SpaceMember } from '@kehittamo/shared/domain';
import { AuditQueryDto, CreateOrganisationDto, CreateSpaceDto, SetSpaceMemberDto, UpdateMemberDto } from './dto/organisation.dto';
import { OrganisationService } from './organisation.service';
import { AuditQueryService, ProjectService } from './project-and-audit.service';
import { SpaceService } from './space.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateOrganisationDto): Promise<Organisation> {
    return this.organisations.create(user, dto);
  }

  @Get(':id/members')
  members(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<Member[]> {
    return this.organisations.members(user, id);
  }

  @Patch(':id/members/:userId')
  updateMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<Member> {
    return this.organisations.updateMember(user, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('userId', uuid) userId: string): Promise<void> {
    return this.organisations.removeMember(user, id, userId);
  }
}

@ApiTags('spaces')
@Controller('spaces')
export class SpaceController {
  constructor(private readonly spaces: SpaceService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser): Promise<Space[]> {
    return this.spaces.list(user);
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateSpaceDto): Promise<Space> {
    return this.spaces.create(user, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<Space> {
    return this.spaces.get(user, id);
  }

  @Get(':id/members')
  members(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<SpaceMember[]> {
    return this.spaces.members(user, id);
  }

  @Put(':id/members/:userId')
  setMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: SetSpaceMemberDto,
  ): Promise<SpaceMember> {
    return this.spaces.setMember(user, id, userId, dto.access);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('userId', uuid) userId: string): Promise<void> {
    return this.spaces.removeMember(user, id, userId);
  }
}

@ApiTags('project')
@Controller()
export class ProjectController {
  constructor(
    private readonly projects: ProjectService,
    private readonly auditQuery: AuditQueryService,
  ) {}

  /** Public: the project's name and work packages are not secret (shown on the login page). */
  @Public()
  @Get('project')
  project(): Promise<Project> {
    return this.projects.current();
  }

  @Get('audit')
  audit(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditQueryDto): Promise<Page<AuditEvent>> {
    return this.auditQuery.list(user, query);
  }
}
