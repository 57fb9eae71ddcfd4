import { Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { PasswordResetLink } from '@kehittamo/shared/domain';
import { AuthService } from './auth.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('organisations')
@Controller('organisations/:id/members/:userId/password-reset')
export class MemberPasswordResetController {
  constructor(private readonly auth: AuthService) {}

  /** A single-use reset link for a member, shown to the coordinator (and mailed when SMTP is set). */
  @Post()
  @ApiCreatedResponse({ description: 'The link to pass on to the member.' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) organisationId: string,
    @Param('userId', uuid) userId: string,
  ): Promise<PasswordResetLink> {
    return this.auth.createResetLinkFor(user, organisationId, userId);
  }
}
