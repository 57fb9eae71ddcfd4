import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { accessAllows, defaultSpaceAccess, strongerAccess, type SpaceAccess } from '@kehittamo/shared/domain';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { EntityManager, Repository } from 'typeorm';
import { MembershipEntity, SpaceEntity, SpaceMemberEntity } from './entities';

/**
 * The one place that decides who may see and change what is in a space.
 * Visibility comes only from an explicit `space_members` row, so a private
 * space of one welfare region never leaks to another.
 */
@Injectable()
export class SpaceAccessService {
  constructor(
    @InjectRepository(SpaceMemberEntity) private readonly members: Repository<SpaceMemberEntity>,
    @InjectRepository(SpaceEntity) private readonly spaces: Repository<SpaceEntity>,
  ) {}

  /** Ids of every space the user may see. */
  async spaceIdsFor(userId: string): Promise<string[]> {
    const rows = await this.members.find({ where: { userId }, select: { spaceId: true } });
    return rows.map((r) => r.spaceId);
  }

  async accessFor(userId: string, spaceId: string): Promise<SpaceAccess | null> {
    const row = await this.members.findOne({ where: { userId, spaceId } });
    return row?.access ?? null;
  }

  /**
   * Returns the space when the user holds at least `needed`. Without any access the
   * answer is 404 (the space's existence is not revealed); with too little, 403.
   */
  async requireAccess(
    user: AuthenticatedUser,
    spaceId: string,
    needed: SpaceAccess,
  ): Promise<{ space: SpaceEntity; access: SpaceAccess }> {
    const access = await this.accessFor(user.id, spaceId);
    const space = access ? await this.spaces.findOne({ where: { id: spaceId } }) : null;
    if (!access || !space) throw AppException.notFound('Space');
    if (!accessAllows(access, needed)) {
      throw AppException.forbidden(`This needs ${needed} rights in the space; you have ${access}`);
    }
    return { space, access };
  }

  /**
   * Gives a new organisation member their place in the spaces they belong in:
   * the project-wide space(s) and the private spaces of that organisation.
   * Existing stronger grants are kept.
   */
  async grantOrganisationSpaces(
    manager: EntityManager,
    membership: Pick<MembershipEntity, 'userId' | 'organisationId' | 'role'>,
  ): Promise<void> {
    const access = defaultSpaceAccess(membership.role);
    await manager.query(
      `INSERT INTO space_members (space_id, user_id, access)
       SELECT s.id, $1, $2 FROM spaces s
        WHERE s.kind = 'project' OR (s.kind = 'organisation' AND s.organisation_id = $3)
       ON CONFLICT (space_id, user_id) DO UPDATE SET access = CASE
         WHEN space_members.access = 'edit' OR EXCLUDED.access = 'edit' THEN 'edit'
         WHEN space_members.access = 'comment' OR EXCLUDED.access = 'comment' THEN 'comment'
         ELSE 'view' END`,
      [membership.userId, access, membership.organisationId],
    );
  }

  /**
   * After a user leaves an organisation: drop them from its private spaces, and from
   * the project space when they belong to no organisation any more.
   */
  async revokeOrganisationSpaces(manager: EntityManager, userId: string, organisationId: string): Promise<void> {
    await manager.query(
      `DELETE FROM space_members sm USING spaces s
        WHERE sm.space_id = s.id AND sm.user_id = $1 AND s.kind = 'organisation' AND s.organisation_id = $2`,
      [userId, organisationId],
    );
    await manager.query(
      `DELETE FROM space_members sm USING spaces s
        WHERE sm.space_id = s.id AND sm.user_id = $1 AND s.kind = 'project'
          AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = $1)`,
      [userId],
    );
  }

  /**
   * After a role change, the user's rights in the organisation's spaces and in the
   * project-wide spaces follow the new role (the strongest of all their roles).
   */
  async applyRoleChange(
    manager: EntityManager,
    membership: Pick<MembershipEntity, 'userId' | 'organisationId' | 'role'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE space_members sm SET access = $3 FROM spaces s
        WHERE sm.space_id = s.id AND sm.user_id = $1 AND s.kind = 'organisation' AND s.organisation_id = $2`,
      [membership.userId, membership.organisationId, defaultSpaceAccess(membership.role)],
    );
    const roles: { role: MembershipEntity['role'] }[] = await manager.query(
      `SELECT role FROM memberships WHERE user_id = $1`,
      [membership.userId],
    );
    const projectAccess = roles
      .map((r) => defaultSpaceAccess(r.role))
      .reduce<SpaceAccess | null>((a, b) => strongerAccess(a, b), null);
    if (projectAccess) {
      await manager.query(
        `UPDATE space_members sm SET access = $2 FROM spaces s
          WHERE sm.space_id = s.id AND sm.user_id = $1 AND s.kind = 'project'`,
        [membership.userId, projectAccess],
      );
    }
  }
}
