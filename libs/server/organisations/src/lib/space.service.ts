import { Injectable } from '@nestjs/common';
import {
  AppException,
  canManageOrganisation,
  isAdmin,
  type AuthenticatedUser,
} from '@kehittamo/server/core';
import { AccessEvents, AuditService, SpaceAccessService, SpaceEntity } from '@kehittamo/server/data-access';
import { defaultSpaceAccess, type OrganisationRole, type Space, type SpaceAccess, type SpaceKind, type SpaceMember } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import type { CreateSpaceDto } from './dto/organisation.dto';

interface SpaceRow {
  id: string;
  name: string;
  description: string;
  kind: SpaceKind;
  organisation_id: string | null;
  access: SpaceAccess;
  member_count: string;
}

/** Spaces and their members. Visibility is membership only (see SpaceAccessService). */
@Injectable()
export class SpaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** Who may manage a space's members: admins, and coordinators who run its organisation (or, for project spaces, the project). */
  canManage(user: AuthenticatedUser, space: Pick<SpaceEntity, 'kind' | 'organisationId'>, access: SpaceAccess): boolean {
    if (access !== 'edit') return false;
    if (isAdmin(user)) return true;
    if (space.kind === 'organisation' && space.organisationId) return canManageOrganisation(user, space.organisationId);
    return user.memberships.some((m) => m.role === 'coordinator' && m.organisationKind === 'main');
  }

  async list(user: AuthenticatedUser): Promise<Space[]> {
    const rows: SpaceRow[] = await this.dataSource.query(
      `SELECT s.id, s.name, s.description, s.kind, s.organisation_id, sm.access,
              (SELECT count(*) FROM space_members x WHERE x.space_id = s.id) AS member_count
         FROM spaces s JOIN space_members sm ON sm.space_id = s.id AND sm.user_id = $1
        ORDER BY (s.kind = 'project') DESC, s.name`,
      [user.id],
    );
    return rows.map((r) => this.toSpace(r, user));
  }

  async get(user: AuthenticatedUser, spaceId: string): Promise<Space> {
    await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const [row]: SpaceRow[] = await this.dataSource.query(
      `SELECT s.id, s.name, s.description, s.kind, s.organisation_id, sm.access,
              (SELECT count(*) FROM space_members x WHERE x.space_id = s.id) AS member_count
         FROM spaces s JOIN space_members sm ON sm.space_id = s.id AND sm.user_id = $1 WHERE s.id = $2`,
      [user.id, spaceId],
    );
    return this.toSpace(row, user);
  }

  async create(user: AuthenticatedUser, dto: CreateSpaceDto): Promise<Space> {
    if (dto.kind === 'organisation') {
      if (!dto.organisationId) {
        throw AppException.validation([{ field: 'organisationId', problems: ['organisationId is required for an organisation space'] }]);
      }
      const exists = await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1`, [dto.organisationId]);
      if (!exists.length) throw AppException.notFound('Organisation');
      if (!canManageOrganisation(user, dto.organisationId)) throw AppException.forbidden('Only coordinators and admins of the organisation may add its spaces');
    } else {
      if (dto.organisationId) {
        throw AppException.validation([{ field: 'organisationId', problems: ['a project space belongs to no organisation'] }]);
      }
      if (!this.canManage(user, { kind: 'project', organisationId: null }, 'edit')) {
        throw AppException.forbidden('Only admins and project coordinators may add project-wide spaces');
      }
    }
    const spaceId = await this.dataSource.transaction(async (manager) => {
      const space = await manager.getRepository(SpaceEntity).save({
        name: dto.name.trim(),
        description: dto.description?.trim() ?? '',
        kind: dto.kind,
        organisationId: dto.kind === 'organisation' ? (dto.organisationId as string) : null,
      });
      // Members come from the organisations: every member of the organisation (or the project), with their role's default rights.
      const memberships: { user_id: string; role: OrganisationRole }[] = await manager.query(
        dto.kind === 'organisation'
          ? `SELECT user_id, role FROM memberships WHERE organisation_id = $1`
          : `SELECT user_id, role FROM memberships`,
        dto.kind === 'organisation' ? [dto.organisationId] : [],
      );
      const access = new Map<string, SpaceAccess>();
      for (const m of memberships) {
        const granted = defaultSpaceAccess(m.role);
        const held = access.get(m.user_id);
        if (!held || held === 'view' || (held === 'comment' && granted === 'edit')) access.set(m.user_id, granted);
      }
      access.set(user.id, 'edit');
      for (const [memberId, level] of access) {
        await manager.query(`INSERT INTO space_members (space_id, user_id, access) VALUES ($1, $2, $3)`, [space.id, memberId, level]);
      }
      await this.audit.record(
        { action: 'space_created', actorId: user.id, targetType: 'space', targetId: space.id, organisationId: space.organisationId, detail: { kind: space.kind } },
        manager,
      );
      return space.id;
    });
    return this.get(user, spaceId);
  }

  async members(user: AuthenticatedUser, spaceId: string): Promise<SpaceMember[]> {
    const { space } = await this.spaceAccess.requireAccess(user, spaceId, 'view');
    const managesOrg = space.organisationId ? canManageOrganisation(user, space.organisationId) : isAdmin(user);
    const rows: { user_id: string; display_name: string; access: SpaceAccess; role: OrganisationRole | null; role_visible: boolean | null }[] =
      await this.dataSource.query(
        `SELECT u.id AS user_id, u.display_name, sm.access, m.role, m.role_visible
           FROM space_members sm JOIN users u ON u.id = sm.user_id
           LEFT JOIN LATERAL (
             SELECT mm.role, mm.role_visible FROM memberships mm JOIN organisations o ON o.id = mm.organisation_id
              WHERE mm.user_id = u.id AND ($2::uuid IS NULL OR mm.organisation_id = $2)
              ORDER BY (o.kind = 'main') DESC, o.name LIMIT 1
           ) m ON true
          WHERE sm.space_id = $1 ORDER BY lower(u.display_name)`,
        [spaceId, space.organisationId],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role && (r.role_visible || managesOrg || r.user_id === user.id) ? r.role : null,
      access: r.access,
    }));
  }

  async setMember(user: AuthenticatedUser, spaceId: string, userId: string, access: SpaceAccess): Promise<SpaceMember> {
    const { space, access: own } = await this.spaceAccess.requireAccess(user, spaceId, 'view');
    if (!this.canManage(user, space, own)) throw AppException.forbidden('Only the space’s coordinators and admins may change its members');
    // Private spaces take only members of their own organisation.
    const eligible = await this.dataSource.query(
      space.organisationId
        ? `SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2`
        : `SELECT 1 FROM memberships WHERE user_id = $1`,
      space.organisationId ? [userId, space.organisationId] : [userId],
    );
    if (!eligible.length) throw AppException.notFound('User');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO space_members (space_id, user_id, access) VALUES ($1, $2, $3)
         ON CONFLICT (space_id, user_id) DO UPDATE SET access = EXCLUDED.access`,
        [spaceId, userId, access],
      );
      await this.audit.record(
        { action: 'space_access_changed', actorId: user.id, targetType: 'space', targetId: spaceId, organisationId: space.organisationId, detail: { access } },
        manager,
      );
    });
    this.accessEvents.emit({ userId, spaceId });
    const member = (await this.members(user, spaceId)).find((m) => m.userId === userId);
    if (!member) throw AppException.notFound('User');
    return member;
  }

  async removeMember(user: AuthenticatedUser, spaceId: string, userId: string): Promise<void> {
    const { space, access: own } = await this.spaceAccess.requireAccess(user, spaceId, 'view');
    if (!this.canManage(user, space, own)) throw AppException.forbidden('Only the space’s coordinators and admins may change its members');
    const result = await this.dataSource.transaction(async (manager) => {
      const deleted = await manager.query(`DELETE FROM space_members WHERE space_id = $1 AND user_id = $2 RETURNING user_id`, [spaceId, userId]);
      if (deleted[0]?.length) {
        await this.audit.record(
          { action: 'space_access_changed', actorId: user.id, targetType: 'space', targetId: spaceId, organisationId: space.organisationId, detail: { access: null } },
          manager,
        );
      }
      return deleted[0]?.length ?? 0;
    });
    if (!result) throw AppException.notFound('Member');
    this.accessEvents.emit({ userId, spaceId });
  }

  private toSpace(r: SpaceRow, user: AuthenticatedUser): Space {
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      kind: r.kind,
      organisationId: r.organisation_id,
      access: r.access,
      memberCount: Number(r.member_count),
      canManage: this.canManage(user, { kind: r.kind, organisationId: r.organisation_id }, r.access),
    };
  }
}
