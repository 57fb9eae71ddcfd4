import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Board, BoardTemplate } from '@kehittamo/shared/domain';
import { BoardService } from './board.service';
import { BoardTemplateService } from './board-template.service';
import { CreateBoardDto, SaveBoardTemplateDto, UpdateBoardDto } from './dto/board.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('boards')
@Controller()
export class BoardController {
  constructor(
    private readonly boards: BoardService,
    private readonly templates: BoardTemplateService,
  ) {}

  /** Needs edit rights in the space. */
  @Post('boards')
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateBoardDto): Promise<Board> {
    return this.boards.create(user, dto);
  }

  @Get('spaces/:id/boards')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) spaceId: string): Promise<Board[]> {
    return this.boards.listInSpace(user, spaceId);
  }

  @Get('boards/:id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<Board> {
    return this.boards.find(user, id);
  }

  /** Needs edit rights in the space. */
  @Patch('boards/:id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateBoardDto): Promise<Board> {
    return this.boards.update(user, id, dto);
  }

  @Get('board-templates')
  listTemplates(@CurrentUser() user: AuthenticatedUser): Promise<BoardTemplate[]> {
    return this.templates.list(user);
  }

  /** Administrators only. */
  @Post('board-templates')
  saveTemplate(@CurrentUser() user: AuthenticatedUser, @Body() dto: SaveBoardTemplateDto): Promise<BoardTemplate> {
    return this.templates.save(user, dto.boardId, dto.name);
  }

  /** Administrators only. */
  @Delete('board-templates/:id')
  @HttpCode(204)
  async deleteTemplate(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    await this.templates.remove(user, id);
  }
}
