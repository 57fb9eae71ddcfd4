import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppException,
  MailService,
  canManageOrganisation,
  hashToken,
  isAdmin,
  newSecretToken,
  type AppConfig,
  type AuthenticatedUser,
} from '@kehittamo/server/core';
import {
  AuditService,
  InvitationEntity,
  OrganisationEntity,
  SpaceAccessService,
  UserEntity,
} from '@kehittamo/server/data-access';
import {
  LIMITS,
  type InvitationCreated,
  type InvitationPreview,
  type InvitationSummary,
} from '@kehittamo/shared/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto';
import { hashPassword, verifyPassword } from './password-hasher';
import { SessionService } from './session.service';

/** Single-use, expiring invitations into an organisation with a role. */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly spaceAccess: SpaceAccessService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async create(inviter: AuthenticatedUser, dto: CreateInvitationDto): Promise<InvitationCreated> {
    const organisation = await this.organisations.findOne({ where: { id: dto.organisationId } });
    if (!organisation) throw AppException.notFound('Organisation');
    if (!canManageOrganisation(inviter, organisation.id)) {
      throw AppException.forbidden('Only coordinators and admins may invite into this organisation');
    }
    if (dto.role === 'admin' && !isAdmin(inviter)) throw AppException.forbidden('Only admins may invite admins');

    const token = newSecretToken();
    const email = dto.email.trim().toLowerCase();
    const invitation = await this.invitations.save(
      this.invitations.create({
        tokenHash: hashToken(token),
        email,
        organisationId: organisation.id,
        role: dto.role,
        invitedBy: inviter.id,
        expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3600_000),
      }),
    );
    const url = `${this.config.publicUrl}/invitation?token=${token}`;
    await this.audit.record({
      action: 'invitation_created',
      actorId: inviter.id,
      targetType: 'invitation',
      targetId: invitation.id,
      organisationId: organisation.id,
      detail: { role: dto.role },
    });
    const emailSent = await this.mail.send({
      to: email,
      subject: `Kutsu Kehittämöön: ${organisation.name}`,
      text: [
        `Sinut on kutsuttu Kehittämöön (${organisation.name}).`,
        `Ota kutsu vastaan tästä linkistä: ${url}`,
        `Linkki on kertakäyttöinen ja voimassa ${invitation.expiresAt.toISOString().slice(0, 10)} asti.`,
      ].join('\n'),
    });
    return {
      id: invitation.id,
      email,
      organisationId: organisation.id,
      role: dto.role,
      url,
      expiresAt: invitation.expiresAt.toISOString(),
      emailSent,
    };
  }

  async list(user: AuthenticatedUser, organisationId: string): Promise<InvitationSummary[]> {
    if (!canManageOrganisation(user, organisationId)) throw AppException.notFound('Organisation');
    const rows = await this.invitations.find({ where: { organisationId }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      organisationId: r.organisationId,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
  }

  async revoke(user: AuthenticatedUser, id: string): Promise<void> {
    const invitation = await this.invitations.findOne({ where: { id } });
    if (!invitation || !canManageOrganisation(user, invitation.organisationId)) throw AppException.notFound('Invitation');
    if (invitation.acceptedAt) throw new AppException('token_used', 'This invitation has already been accepted');
    await this.invitations.update({ id }, { revokedAt: new Date() });
    await this.audit.record({
      action: 'invitation_revoked',
      actorId: user.id,
      targetType: 'invitation',
      targetId: id,
      organisationId: invitation.organisationId,
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.usable(this.invitations.manager, token, false);
    const organisation = await this.organisations.findOneOrFail({ where: { id: invitation.organisationId } });
    const existing = await this.invitations.manager.getRepository(UserEntity).count({ where: { email: invitation.email } });
    return {
      email: invitation.email,
      organisationName: organisation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: existing > 0,
    };
  }

  /**
   * Accepts an invitation: creates the account (or, for an existing account, checks
   * its password), adds the membership and space rights, and starts a session.
   */
  async accept(dto: AcceptInvitationDto): Promise<{ userId: string; token: string }> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.usable(manager, dto.token, true);
      const users = manager.getRepository(UserEntity);
      const existing = await users.findOne({
        where: { email: invitation.email },
        select: { id: true, passwordHash: true },
      });
      let userId: string;
      if (existing) {
        if (!(await verifyPassword(existing.passwordHash, dto.password))) {
          throw new AppException('invalid_credentials', 'Wrong password for the existing account');
        }
        userId = existing.id;
      } else {
        const problems = [];
        if (!dto.displayName?.trim()) problems.push({ field: 'displayName', problems: ['displayName is required'] });
        if (dto.password.length < LIMITS.passwordMin) {
          problems.push({ field: 'password', problems: [`password must be at least ${LIMITS.passwordMin} characters`] });
        }
        if (problems.length) throw AppException.validation(problems);
        const created = await users.save(
          users.create({
            email: invitation.email,
            passwordHash: await hashPassword(dto.password),
            displayName: (dto.displayName as string).trim(),
            realName: dto.realName?.trim() || null,
            language: dto.language ?? 'fi',
          }),
        );
        userId = created.id;
      }
      await this.addMembership(manager, userId, invitation);
      await manager.getRepository(InvitationEntity).update(
        { id: invitation.id },
        { acceptedAt: new Date(), acceptedBy: userId },
      );
      await this.audit.record(
        {
          action: 'invitation_accepted',
          actorId: userId,
          targetType: 'invitation',
          targetId: invitation.id,
          organisationId: invitation.organisationId,
          detail: { role: invitation.role, newAccount: !existing },
        },
        manager,
      );
      const token = await this.sessions.create(userId, manager);
      return { userId, token };
    });
  }

  private async addMembership(manager: EntityManager, userId: string, invitation: InvitationEntity): Promise<void> {
    await manager.query(
      `INSERT INTO memberships (user_id, organisation_id, role, role_visible) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = EXCLUDED.role`,
      // An experience expert's role stays private until they choose to show it.
      [userId, invitation.organisationId, invitation.role, invitation.role !== 'expert'],
    );
    await this.spaceAccess.grantOrganisationSpaces(manager, {
      userId,
      organisationId: invitation.organisationId,
      role: invitation.role,
    });
  }

  /** The invitation behind a token, refusing unknown, revoked, used and expired ones. */
  private async usable(manager: EntityManager, token: string, lock: boolean): Promise<InvitationEntity> {
    const invitation = await manager.getRepository(InvitationEntity).findOne({
      where: { tokenHash: hashToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation || invitation.revokedAt) throw new AppException('token_invalid', 'This invitation link is not valid');
    if (invitation.acceptedAt) throw new AppException('token_used', 'This invitation has already been used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new AppException('token_expired', 'This invitation has expired');
    return invitation;
  }
}
