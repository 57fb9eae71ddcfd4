import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, CurrentUser, Public, type AppConfig, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Me } from '@kehittamo/shared/domain';
import type { Request, Response } from 'express';
import { AuthService } from './auth.service';
import {
  ChangePasswordDto,
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  UpdateProfileDto,
} from './dto/auth.dto';
import { MeService } from './me.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly meService: MeService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Sets the session cookie and returns the user.' })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Me> {
    const { userId, token } = await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown');
    setSessionCookie(res, token, this.config);
    return this.meService.me(userId);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ends this session.' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    clearSessionCookie(res, this.config);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ends every session of the user, on every device.' })
  async logoutAll(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logoutEverywhere(user);
    clearSessionCookie(res, this.config);
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): Promise<Me> {
    return this.meService.me(user.id, user.sessionId);
  }

  @Patch('me')
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() dto: UpdateProfileDto): Promise<Me> {
    return this.meService.update(user, dto);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changes the password; other sessions end.' })
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  @Public()
  @Post('password-reset/request')
  @HttpCode(202)
  @ApiOkResponse({ description: 'Always 202: a link is mailed if the account exists.' })
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<Record<string, never>> {
    await this.auth.requestReset(dto.email);
    return {};
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.auth.confirmReset(dto.token, dto.password);
  }

  /** Any GET sets the XSRF-TOKEN cookie; this one exists so a client can ask for it explicitly. */
  @Public()
  @Get('csrf')
  @HttpCode(204)
  csrf(): void {
    return;
  }
}
