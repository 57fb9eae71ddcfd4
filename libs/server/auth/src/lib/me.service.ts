import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppException, canManageAny, isAdmin, type AuthenticatedUser } from '@kehittamo/server/core';
import { UserEntity } from '@kehittamo/server/data-access';
import type { Me, MembershipSummary, OrganisationRole, UpdateProfileRequest } from '@kehittamo/shared/domain';
import { Repository } from 'typeorm';
import { SessionService } from './session.service';

/** Builds the `Me` view and updates the caller's own profile. */
@Injectable()
export class MeService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionService,
  ) {}

  async me(userId: string, sessionId = ''): Promise<Me> {
    const authUser = await this.sessions.loadUser(userId, sessionId);
    const user = await this.users.findOne({ where: { id: userId } });
    if (!authUser || !user) throw new AppException('unauthenticated', 'Log in first');
    const rows: { organisation_id: string; name: string; short_name: string; role: OrganisationRole; role_visible: boolean }[] =
      await this.users.manager.query(
        `SELECT m.organisation_id, o.name, o.short_name, m.role, m.role_visible FROM memberships m
           JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY o.name`,
        [userId],
      );
    const memberships: MembershipSummary[] = rows.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.name,
      organisationShortName: r.short_name,
      role: r.role,
      roleVisible: r.role_visible,
    }));
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      realName: user.realName,
      language: user.language,
      memberships,
      isAdmin: isAdmin(authUser),
      canManage: canManageAny(authUser),
    };
  }

  async update(user: AuthenticatedUser, change: UpdateProfileRequest): Promise<Me> {
    const patch: Partial<UserEntity> = {};
    if (change.displayName !== undefined) patch.displayName = change.displayName.trim();
    if (change.realName !== undefined) patch.realName = change.realName?.trim() || null;
    if (change.language !== undefined) patch.language = change.language;
    if (Object.keys(patch).length > 0) await this.users.update({ id: user.id }, patch);
    return this.me(user.id, user.sessionId);
  }
}
