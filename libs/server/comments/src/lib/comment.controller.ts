import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { CommentInbox, CommentThreadList, CommentThreadView, MentionCandidate } from '@kehittamo/shared/domain';
import { CommentService } from './comment.service';
import {
  CommentOutcomeDto,
  CommentReactionDto,
  CommentThreadQueryDto,
  CreateCommentReplyDto,
  CreateCommentThreadDto,
  HideCommentDto,
  MentionQueryDto,
  UpdateCommentDto,
} from './dto/comment.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('comments')
@Controller()
export class CommentController {
  constructor(private readonly comments: CommentService) {}

  /** Threads on one target (`kind` + `id`), or all the reader may see; `q` searches comment text. */
  @Get('comment-threads')
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CommentThreadQueryDto): Promise<CommentThreadList> {
    return this.comments.list(user, query);
  }

  /** Threads with comments held for review in spaces the reader moderates. */
  @Get('comment-threads/review')
  review(@CurrentUser() user: AuthenticatedUser): Promise<CommentThreadList> {
    return this.comments.review(user);
  }

  @Get('comment-threads/:id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.get(user, id);
  }

  /** Opens a thread; refused with `sensitive_content` (422) when the text looks identifying, unless held for review. */
  @Post('comment-threads')
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCommentThreadDto): Promise<CommentThreadView> {
    return this.comments.createThread(user, body);
  }

  @Post('comment-threads/:id/comments')
  reply(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: CreateCommentReplyDto): Promise<CommentThreadView> {
    return this.comments.reply(user, id, body);
  }

  @Post('comment-threads/:id/resolve')
  @HttpCode(200)
  resolve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.setStatus(user, id, 'resolved');
  }

  @Post('comment-threads/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.setStatus(user, id, 'open');
  }

  @Patch('comments/:id')
  edit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: UpdateCommentDto): Promise<CommentThreadView> {
    return this.comments.edit(user, id, body.body, Boolean(body.holdForReview));
  }

  /** Withdraws the caller's own comment: its text and name are erased. */
  @Delete('comments/:id')
  @HttpCode(204)
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    return this.comments.withdraw(user, id);
  }

  @Post('comments/:id/reactions')
  @HttpCode(200)
  react(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: CommentReactionDto): Promise<CommentThreadView> {
    return this.comments.react(user, id, body.key);
  }

  @Put('comments/:id/outcome')
  setOutcome(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: CommentOutcomeDto): Promise<CommentThreadView> {
    return this.comments.setOutcome(user, id, body);
  }

  @Delete('comments/:id/outcome')
  clearOutcome(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.clearOutcome(user, id);
  }

  @Post('comments/:id/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: HideCommentDto): Promise<CommentThreadView> {
    return this.comments.setHidden(user, id, true, body.reason.trim());
  }

  @Post('comments/:id/unhide')
  @HttpCode(200)
  unhide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.setHidden(user, id, false, null);
  }

  @Post('comments/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentThreadView> {
    return this.comments.approve(user, id);
  }

  /** Open threads that involve the caller and their comments' outcomes. */
  @Get('me/comment-inbox')
  inbox(@CurrentUser() user: AuthenticatedUser): Promise<CommentInbox> {
    return this.comments.inbox(user);
  }

  /** Members of the space by display name, for @-mentions. */
  @Get('spaces/:id/mentionable')
  mentionable(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: MentionQueryDto): Promise<MentionCandidate[]> {
    return this.comments.mentionable(user, id, query.q);
  }
}
