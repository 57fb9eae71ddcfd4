import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kehittamo/server/core';
import type { CollabTokenRequest, CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import { IsString, Length } from 'class-validator';
import { CollabTokenService } from './collab-token.service';

export class CollabTokenDto implements CollabTokenRequest {
  @ApiProperty({ example: 'board.3f0c2a51-8c1e-4b7a-9d2f-0a1b2c3d4e5f' })
  @IsString()
  @Length(1, 64)
  doc!: string;
}

@ApiTags('collab')
@Controller('collab')
export class CollabTokenController {
  constructor(private readonly tokens: CollabTokenService) {}

  /** A single-use token to open `/collab/<doc>` within the next minute; 404 without access. */
  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Token, WebSocket URL and the caller’s access.' })
  issue(@CurrentUser() user: AuthenticatedUser, @Body() dto: CollabTokenDto): Promise<CollabTokenResponse> {
    return this.tokens.issue(user, dto.doc);
  }
}
