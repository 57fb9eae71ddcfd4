import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type {
  InnokylaCopy,
  ModelDescription,
  ModelDescriptionContent,
  ModelDescriptionExport,
  ModelDescriptionSummary,
  ModelPhase,
  ModelVersion,
  ModelVersionComparison,
  ModelVersionDetail,
} from '@kehittamo/shared/domain';
import type { Response } from 'express';
import {
  ChangeModelPhaseDto,
  CompareVersionsQueryDto,
  CreateModelDescriptionDto,
  CreateModelVersionDto,
  ImportModelDescriptionDto,
  ImportQueryDto,
  LockModelDescriptionDto,
  ModelDescriptionQueryDto,
  SetModelPhasesDto,
  UpdateModelDescriptionDto,
} from './dto/model-description.dto';
import { ModelDescriptionService } from './model-description.service';
import { ModelExportService, type ExportFormat } from './model-export.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import { ModelVersionService } from './model-version.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('model descriptions')
@Controller('model-descriptions')
export class ModelDescriptionController {
  constructor(
    private readonly models: ModelDescriptionService,
    private readonly lifecycle: ModelLifecycleService,
    private readonly versions: ModelVersionService,
    private readonly exports: ModelExportService,
  ) {}

  /** Needs edit rights in the space. */
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateModelDescriptionDto): Promise<ModelDescription> {
    return this.models.create(user, dto);
  }

  /** Every description the caller may see (or one space's), filtered; with `q`, ranked Finnish full-text search with snippets. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ModelDescriptionQueryDto): Promise<ModelDescriptionSummary[]> {
    return this.models.list(user, query);
  }

  @Get('phases')
  phases(): Promise<ModelPhase[]> {
    return this.models.phases();
  }

  /** Admins: the phase list, in order (a phase in use cannot be removed: 409). */
  @Put('phases')
  setPhases(@CurrentUser() user: AuthenticatedUser, @Body() dto: SetModelPhasesDto): Promise<ModelPhase[]> {
    return this.models.setPhases(user, dto.phases);
  }

  /** Takes back a JSON export as a new description in the space (content checked against the editor schema). */
  @Post('import')
  import(@CurrentUser() user: AuthenticatedUser, @Query() query: ImportQueryDto, @Body() dto: ImportModelDescriptionDto): Promise<ModelDescription> {
    return this.lifecycle.import(user, query.spaceId, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ModelDescription> {
    return this.models.get(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateModelDescriptionDto): Promise<ModelDescription> {
    return this.models.update(user, id, dto);
  }

  /** Records the change in the phase history and saves the content as a version. */
  @Put(':id/phase')
  changePhase(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: ChangeModelPhaseDto): Promise<ModelDescription> {
    return this.lifecycle.changePhase(user, id, dto.phase);
  }

  /** Coordinators and admins: a locked description is read-only for everyone. */
  @Put(':id/lock')
  lock(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: LockModelDescriptionDto): Promise<ModelDescription> {
    return this.models.setLocked(user, id, dto.locked);
  }

  /** The current content (projection, a couple of seconds behind live editing at most). */
  @Get(':id/content')
  async content(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ModelDescriptionContent> {
    return this.exports.currentContent(user, id);
  }

  @Get(':id/versions')
  listVersions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ModelVersion[]> {
    return this.versions.list(user, id);
  }

  @Post(':id/versions')
  createVersion(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: CreateModelVersionDto): Promise<ModelVersion> {
    return this.versions.create(user, id, dto.name);
  }

  @Get(':id/versions/compare')
  compare(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: CompareVersionsQueryDto): Promise<ModelVersionComparison> {
    return this.versions.compare(user, id, query.from, query.to.toLowerCase());
  }

  @Get(':id/versions/:versionId')
  getVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
  ): Promise<ModelVersionDetail> {
    return this.versions.get(user, id, versionId);
  }

  /** Restores as a new change everyone sees; answers the version that saved the content before it. */
  @Post(':id/versions/:versionId/restore')
  @HttpCode(200)
  restore(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
  ): Promise<ModelVersion> {
    return this.versions.restore(user, id, versionId);
  }

  @Get(':id/export/innokyla')
  innokyla(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<InnokylaCopy> {
    return this.exports.innokylaCopy(user, id);
  }

  @Get(':id/export/json')
  exportJson(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<ModelDescriptionExport> {
    return this.exports.json(user, id, res);
  }

  /** Markdown, DOCX or PDF of the whole description, as a download. */
  @Get(':id/export/:format')
  async exportFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('format') format: string,
    @Query('lang') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.file(user, id, format as ExportFormat, lang);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', file.disposition);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(file.body.byteLength));
    res.end(file.body);
  }
}
