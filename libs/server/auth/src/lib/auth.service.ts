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
import { AuditService, PasswordResetEntity, UserEntity } from '@kehittamo/server/data-access';
import type { OrganisationRole, PasswordResetLink } from '@kehittamo/shared/domain';
import { DataSource, IsNull, Repository } from 'typeorm';
import { LoginRateLimiter } from './login-rate-limiter';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { SessionService } from './session.service';

/** Login, logout, password change and password reset. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** Returns the user id and a new session secret; 401 for a wrong email or password alike. */
  async login(emailInput: string, password: string, ip: string): Promise<{ userId: string; token: string }> {
    const email = emailInput.trim().toLowerCase();
    this.limiter.assertAllowed(email, ip);
    const user = await this.users.findOne({ where: { email }, select: { id: true, passwordHash: true } });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) {
      this.limiter.recordFailure(email, ip);
      await this.audit.record({ action: 'login_failed', actorId: user?.id ?? null, targetType: 'user', targetId: user?.id ?? null });
      throw new AppException('invalid_credentials', 'Wrong email or password');
    }
    this.limiter.recordSuccess(email, ip);
    const token = await this.sessions.create(user.id);
    await this.audit.record({ action: 'login', actorId: user.id, targetType: 'user', targetId: user.id });
    return { userId: user.id, token };
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    await this.sessions.destroy(user.sessionId);
    await this.audit.record({ action: 'logout', actorId: user.id, targetType: 'user', targetId: user.id });
  }

  async logoutEverywhere(user: AuthenticatedUser): Promise<void> {
    await this.sessions.destroyAll(user.id);
    await this.audit.record({ action: 'logout_all', actorId: user.id, targetType: 'user', targetId: user.id });
  }

  /** Changes the password and ends the user's other sessions. */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.users.findOne({ where: { id: user.id }, select: { id: true, passwordHash: true } });
    if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
      throw AppException.validation([{ field: 'currentPassword', problems: ['current password is wrong'] }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.sessions.destroyAll(user.id, user.sessionId, manager);
      await this.audit.record({ action: 'password_changed', actorId: user.id, targetType: 'user', targetId: user.id }, manager);
    });
  }

  /**
   * Mails a single-use reset link when the email belongs to an account. The answer
   * is the same either way, so nobody can probe who has an account.
   */
  async requestReset(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findOne({ where: { email } });
    if (!user) return;
    await this.issueResetLink(user, null);
  }

  /**
   * A coordinator's way to help a member who has no mail or forgot the password: the link
   * is returned to them to pass on. Only for members of an organisation they manage, and
   * an admin's account only by an admin.
   */
  async createResetLinkFor(manager: AuthenticatedUser, organisationId: string, userId: string): Promise<PasswordResetLink> {
    const [membership]: { role: OrganisationRole }[] = await this.dataSource.query(
      `SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2`,
      [organisationId, userId],
    );
    const visible = canManageOrganisation(manager, organisationId) || manager.memberships.some((m) => m.organisationId === organisationId);
    if (!membership || !visible) throw AppException.notFound('Member');
    if (!canManageOrganisation(manager, organisationId)) {
      throw AppException.forbidden('Only coordinators and admins may create reset links');
    }
    const targetIsAdmin = (await this.dataSource.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'admin'`, [userId])).length > 0;
    if (targetIsAdmin && !isAdmin(manager)) throw AppException.forbidden("Only admins may reset an admin's password");
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    return this.issueResetLink(user, manager.id, organisationId);
  }

  private async issueResetLink(user: UserEntity, actorId: string | null, organisationId: string | null = null): Promise<PasswordResetLink> {
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.resets.insert({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    await this.audit.record({ action: 'password_reset_requested', actorId, targetType: 'user', targetId: user.id, organisationId });
    const url = `${this.config.publicUrl}/reset-password?token=${token}`;
    const emailSent = await this.mail.send({
      to: user.email,
      subject: 'Kehittämö: salasanan vaihto / lösenordsbyte / password reset',
      text: [
        `Hei ${user.displayName},`,
        '',
        `Vaihda salasanasi tästä linkistä (voimassa ${this.config.PASSWORD_RESET_TTL_MINUTES} min, kertakäyttöinen):`,
        url,
        '',
        'Jos et pyytänyt vaihtoa, voit jättää viestin huomiotta.',
      ].join('\n'),
    });
    return { url, expiresAt: expiresAt.toISOString(), emailSent };
  }

  /** Sets a new password with a reset token; every session of the user ends. */
  async confirmReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PasswordResetEntity);
      const reset = await repository.findOne({
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset) throw new AppException('token_invalid', 'This reset link is not valid');
      if (reset.usedAt) throw new AppException('token_used', 'This reset link has already been used');
      if (reset.expiresAt.getTime() <= Date.now()) throw new AppException('token_expired', 'This reset link has expired');
      await repository.update({ id: reset.id }, { usedAt: new Date() });
      // Older unused links of the same user stop working too.
      await repository.update({ userId: reset.userId, usedAt: IsNull() }, { usedAt: new Date() });
      await manager.getRepository(UserEntity).update({ id: reset.userId }, { passwordHash });
      await this.sessions.destroyAll(reset.userId, undefined, manager);
      await this.audit.record(
        { action: 'password_reset_completed', actorId: reset.userId, targetType: 'user', targetId: reset.userId },
        manager,
      );
    });
  }
}
