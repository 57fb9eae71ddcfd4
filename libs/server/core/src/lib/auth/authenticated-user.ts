import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Language, OrganisationKind, OrganisationRole } from '@kehittamo/shared/domain';
import { AppException } from '../errors/app.exception';

export interface AuthenticatedMembership {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: OrganisationRole;
}

/** The caller of a request, resolved from the session cookie by the auth guard. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  /** Their profile language, for what the server writes in words (exports, templates). */
  language: Language;
  sessionId: string;
  memberships: AuthenticatedMembership[];
}

export const IS_PUBLIC = 'kehittamo:public';
/** Marks a route reachable without a session (login, health, invitation preview). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export function isAdmin(user: AuthenticatedUser): boolean {
  return user.memberships.some((m) => m.role === 'admin');
}

/**
 * May this user manage (invite into, change roles in) the organisation?
 * Admins everywhere; coordinators in their own organisation; coordinators of the
 * main project (ISO) across the project, because they run it.
 */
export function canManageOrganisation(user: AuthenticatedUser, organisationId: string): boolean {
  return user.memberships.some(
    (m) =>
      m.role === 'admin' ||
      (m.role === 'coordinator' && (m.organisationId === organisationId || m.organisationKind === 'main')),
  );
}

/** Manages at least one organisation. */
export function canManageAny(user: AuthenticatedUser): boolean {
  return user.memberships.some((m) => m.role === 'admin' || m.role === 'coordinator');
}

/** `@CurrentUser() user: AuthenticatedUser` in a controller. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
  if (!user) throw new AppException('unauthenticated', 'Log in first');
  return user;
});
