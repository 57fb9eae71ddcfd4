import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, CurrentUser, Public, type AppConfig, type AuthenticatedUser } from '@kehittamo/server/core';
import type { InvitationCreated, InvitationPreview, InvitationSummary, Me } from '@kehittamo/shared/domain';
import type { Response } from 'express';
import { AcceptInvitationDto, CreateInvitationDto, ListInvitationsQuery } from './dto/invitation.dto';
import { InvitationService } from './invitation.service';
import { MeService } from './me.service';
import { setSessionCookie } from './session-cookie';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invitations: InvitationService,
    private readonly meService: MeService,
  ) {}

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateInvitationDto): Promise<InvitationCreated> {
    return this.invitations.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListInvitationsQuery): Promise<InvitationSummary[]> {
    return this.invitations.list(user, query.organisationId);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.invitations.revoke(user, id);
  }

  @Public()
  @Get('preview/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  async accept(@Body() dto: AcceptInvitationDto, @Res({ passthrough: true }) res: Response): Promise<Me> {
    const { userId, token } = await this.invitations.accept(dto);
    setSessionCookie(res, token, this.config);
    return this.meService.me(userId);
  }
}
