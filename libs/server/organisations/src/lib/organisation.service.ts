import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AppException,
  canManageOrganisation,
  isAdmin,
  type AuthenticatedUser,
} from '@kehittamo/server/core';
import {
  AccessEvents,
  AuditService,
  MembershipEntity,
  OrganisationEntity,
  SpaceAccessService,
  SpaceEntity,
} from '@kehittamo/server/data-access';
import type { Member, Organisation } from '@kehittamo/shared/domain';
import { DataSource, Repository } from 'typeorm';
import type { CreateOrganisationDto, UpdateMemberDto } from './dto/organisation.dto';

interface MemberRow {
  user_id: string;
  display_name: string;
  real_name: string | null;
  email: string;
  role: Member['role'] & string;
  role_visible: boolean;
  created_at: Date;
}

/** Organisations and their members. */
@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly dataSource: DataSource,
    private readonly spaceAccess: SpaceAccessService,
    private readonly audit: AuditService,
    private readonly accessEvents: AccessEvents,
  ) {}

  /** The organisations of the project; their names are not secret to members. */
  async list(): Promise<Organisation[]> {
    const rows: (OrganisationEntity & { member_count: string })[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.short_name AS "shortName", o.kind,
              (SELECT count(*) FROM memberships m WHERE m.organisation_id = o.id) AS member_count
         FROM organisations o ORDER BY (o.kind = 'main') DESC, o.name`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.shortName, kind: r.kind, memberCount: Number(r.member_count) }));
  }

  async create(user: AuthenticatedUser, dto: CreateOrganisationDto): Promise<Organisation> {
    if (!isAdmin(user)) throw AppException.forbidden('Only admins may add organisations');
    const taken = await this.organisations.count({ where: { shortName: dto.shortName } });
    if (taken) throw new AppException('conflict', `Short name ${dto.shortName} is already in use`);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.getRepository(OrganisationEntity).save({
        name: dto.name.trim(),
        shortName: dto.shortName,
        kind: dto.kind,
      });
      // Every organisation gets its own private space.
      await manager.getRepository(SpaceEntity).save({
        name: organisation.name,
        description: '',
        kind: 'organisation',
        organisationId: organisation.id,
      });
      await this.audit.record(
        { action: 'organisation_created', actorId: user.id, targetType: 'organisation', targetId: organisation.id, organisationId: organisation.id },
        manager,
      );
      return { id: organisation.id, name: organisation.name, shortName: organisation.shortName, kind: organisation.kind, memberCount: 0 };
    });
  }

  /** Members as the viewer may see them: real names, emails and hidden roles only for managers. */
  async members(viewer: AuthenticatedUser, organisationId: string): Promise<Member[]> {
    const manages = canManageOrganisation(viewer, organisationId);
    const belongs = viewer.memberships.some((m) => m.organisationId === organisationId);
    if (!manages && !belongs) throw AppException.notFound('Organisation');
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.display_name, u.real_name, u.email, m.role, m.role_visible, m.created_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY lower(u.display_name)`,
      [organisationId],
    );
    return rows.map((r) => this.toMember(r, viewer, manages));
  }

  async updateMember(viewer: AuthenticatedUser, organisationId: string, userId: string, dto: UpdateMemberDto): Promise<Member> {
    const manages = canManageOrganisation(viewer, organisationId);
    const self = viewer.id === userId;
    const membership = await this.memberships.findOne({ where: { organisationId, userId } });
    if (!membership || (!manages && !viewer.memberships.some((m) => m.organisationId === organisationId))) {
      throw AppException.notFound('Member');
    }
    if (dto.role !== undefined) {
      if (!manages) throw AppException.forbidden('Only coordinators and admins may change roles');
      if ((dto.role === 'admin' || membership.role === 'admin') && !isAdmin(viewer)) {
        throw AppException.forbidden('Only admins may grant or take away the admin role');
      }
      if (membership.role === 'admin' && dto.role !== 'admin') await this.assertNotLastAdmin(userId);
    }
    if (dto.roleVisible !== undefined && !manages && !self) {
      throw AppException.forbidden('Only the member or a coordinator may change this');
    }
    await this.dataSource.transaction(async (manager) => {
      const previousRole = membership.role;
      if (dto.roleVisible !== undefined) membership.roleVisible = dto.roleVisible;
      if (dto.role !== undefined) membership.role = dto.role;
      await manager.getRepository(MembershipEntity).save(membership);
      if (dto.role !== undefined && dto.role !== previousRole) {
        await this.spaceAccess.applyRoleChange(manager, membership);
        await this.audit.record(
          { action: 'role_changed', actorId: viewer.id, targetType: 'user', targetId: userId, organisationId, detail: { from: previousRole, to: dto.role } },
          manager,
        );
      }
    });
    if (dto.role !== undefined) this.accessEvents.emit({ userId, spaceId: null });
    const [member] = (await this.members(viewer, organisationId)).filter((m) => m.userId === userId);
    return member;
  }

  async removeMember(viewer: AuthenticatedUser, organisationId: string, userId: string): Promise<void> {
    const manages = canManageOrganisation(viewer, organisationId);
    const membership = await this.memberships.findOne({ where: { organisationId, userId } });
    const visible = manages || viewer.memberships.some((m) => m.organisationId === organisationId);
    if (!membership || !visible) throw AppException.notFound('Member');
    if (!manages && viewer.id !== userId) throw AppException.forbidden('Only coordinators and admins may remove members');
    if (membership.role === 'admin') {
      if (!isAdmin(viewer)) throw AppException.forbidden('Only admins may remove an admin');
      await this.assertNotLastAdmin(userId);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(MembershipEntity).delete({ id: membership.id });
      await this.spaceAccess.revokeOrganisationSpaces(manager, userId, organisationId);
      await this.audit.record(
        { action: 'member_removed', actorId: viewer.id, targetType: 'user', targetId: userId, organisationId, detail: { role: membership.role } },
        manager,
      );
    });
    this.accessEvents.emit({ userId, spaceId: null });
  }

  private async assertNotLastAdmin(userId: string): Promise<void> {
    const others = await this.memberships
      .createQueryBuilder('m')
      .where(`m.role = 'admin' AND m.user_id <> :userId`, { userId })
      .getCount();
    if (others === 0) throw new AppException('last_admin', 'The platform needs at least one admin');
  }

  private toMember(r: MemberRow, viewer: AuthenticatedUser, manages: boolean): Member {
    const self = r.user_id === viewer.id;
    const showPrivate = manages || self;
    return {
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role_visible || showPrivate ? r.role : null,
      roleVisible: r.role_visible,
      ...(showPrivate ? { realName: r.real_name, email: r.email } : {}),
      joinedAt: new Date(r.created_at).toISOString(),
    };
  }
}
