import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException, IS_PUBLIC, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Request } from 'express';
import { SESSION_COOKIE, SessionService } from './session.service';

/**
 * Global guard: every route needs a valid session unless marked `@Public()`.
 * Public routes still get `req.user` when a session exists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const user = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    if (user) request.user = user;
    if (!user && !isPublic) throw new AppException('unauthenticated', 'Log in first');
    return true;
  }
}
