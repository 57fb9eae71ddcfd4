import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { InvitationController } from './invitation.controller';
import { InvitationService } from './invitation.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { MemberPasswordResetController } from './member-password-reset.controller';
import { MeService } from './me.service';
import { SessionService } from './session.service';

/** Sessions, login, password reset, invitations; installs the global session guard. */
@Module({
  imports: [DataAccessModule],
  controllers: [AuthController, InvitationController, MemberPasswordResetController],
  providers: [
    AuthService,
    InvitationService,
    LoginRateLimiter,
    MeService,
    SessionService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
