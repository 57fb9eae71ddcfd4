import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AppException, CurrentUser, attachmentDisposition, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Material, MaterialSummary, MaterialTagCount, MaterialUsage, Page } from '@kehittamo/shared/domain';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { CreateMaterialDto, DownloadQueryDto, MaterialQueryDto, SpaceFilterDto, UpdateMaterialDto, UploadQueryDto, UsefulDto } from './dto/material.dto';
import { MaterialFileService } from './material-file.service';
import { MaterialProcessingService } from './material-processing.service';
import { MaterialService } from './material.service';
import { UploadAbortedError } from './upload/receive-upload';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Downloads are never rendered by the browser: no sniffing, no scripts, no framing. */
function sendStream(res: Response, stream: Readable, headers: Record<string, string>): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-cache');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** An upload refused before its body was read: close the connection rather than read the rest. */
async function closingOnRefusal<T>(req: Request, res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!req.complete) res.setHeader('Connection', 'close');
    // Nobody is left to read the answer, but the log must not call it a server error.
    if (error instanceof UploadAbortedError) throw AppException.validation([{ field: 'file', problems: ['the upload was interrupted'] }]);
    throw error;
  }
}

@ApiTags('materials')
@Controller('materials')
export class MaterialController {
  constructor(
    private readonly materials: MaterialService,
    private readonly files: MaterialFileService,
    private readonly processing: MaterialProcessingService,
  ) {}

  /** Materials the caller may see (or one space's), filtered; with `q`, Finnish full-text search with snippets. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MaterialQueryDto): Promise<Page<MaterialSummary>> {
    return this.materials.list(user, query);
  }

  @Get('tags')
  tags(@CurrentUser() user: AuthenticatedUser, @Query() query: SpaceFilterDto): Promise<MaterialTagCount[]> {
    return this.materials.tags(user, query.spaceId);
  }

  /** A link or a note (files: POST /api/materials/upload). Needs edit rights in the space. */
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateMaterialDto): Promise<Material> {
    return this.materials.create(user, dto);
  }

  /**
   * A file as multipart/form-data: metadata fields (title, description, tags and workPackages
   * comma-separated, type, language, organisationId) and one part named `file`. The type is
   * decided by the content; too large → 413, malformed → 400.
   */
  @Post('upload')
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: UploadQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Material> {
    return closingOnRefusal(req, res, () => this.files.uploadNew(user, query.spaceId, req));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<Material> {
    return this.materials.get(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateMaterialDto): Promise<Material> {
    return this.materials.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    await this.materials.delete(user, id);
    this.processing.kick();
  }

  /** Replaces the file: a new version (multipart, one part named `file`); the old ones are kept. */
  @Post(':id/versions')
  @ApiConsumes('multipart/form-data')
  uploadVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Material> {
    return closingOnRefusal(req, res, () => this.files.uploadVersion(user, id, req));
  }

  @Get(':id/download')
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Query() query: DownloadQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.download(user, id, query.version);
    sendStream(res, file.stream, {
      'Content-Type': file.mime,
      'Content-Disposition': attachmentDisposition(file.filename),
      'Content-Length': String(file.size),
      'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
    });
  }

  /** A PNG made by the server (image thumbnail or a PDF's first page): safe to show inline. */
  @Get(':id/preview')
  async preview(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const stream = await this.files.preview(user, id);
    sendStream(res, stream, { 'Content-Type': 'image/png' });
  }

  @Put(':id/useful')
  useful(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UsefulDto): Promise<MaterialUsage> {
    return this.materials.setUseful(user, id, dto.useful);
  }
}
