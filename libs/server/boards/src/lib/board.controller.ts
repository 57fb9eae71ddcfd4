import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Board } from '@kehittamo/shared/domain';
import { BoardService } from './board.service';
import { CreateBoardDto } from './dto/create-board.dto';

@ApiTags('boards')
@Controller()
export class BoardController {
  constructor(private readonly boards: BoardService) {}

  /** Needs edit rights in the space. */
  @Post('boards')
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateBoardDto): Promise<Board> {
    return this.boards.create(user, dto);
  }

  @Get('spaces/:id/boards')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe({ version: '4' })) spaceId: string): Promise<Board[]> {
    return this.boards.listInSpace(user, spaceId);
  }
}
