import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  hashToken,
  newSecretToken,
  type AppConfig,
  type AuthenticatedUser,
} from '@kehittamo/server/core';
import { SessionEntity, UserEntity } from '@kehittamo/server/data-access';
import type { Language, OrganisationKind, OrganisationRole } from '@kehittamo/shared/domain';
import { EntityManager, LessThan, Not, Repository } from 'typeorm';

export const SESSION_COOKIE = 'kh_session';
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** Server-side sessions: the cookie holds a secret, the database its hash. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  get ttlMs(): number {
    return this.config.SESSION_TTL_HOURS * 3600 * 1000;
  }

  /** Starts a session; returns the secret for the cookie. */
  async create(userId: string, manager?: EntityManager): Promise<string> {
    const token = newSecretToken();
    const now = new Date();
    const repository = manager ? manager.getRepository(SessionEntity) : this.sessions;
    // Expired sessions of this user go when a new one starts, so the table does not grow forever.
    await repository.delete({ userId, expiresAt: LessThan(now) });
    await repository.insert({
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    });
    return token;
  }

  /** The user behind a cookie secret, or null when it is unknown or expired. */
  /** The caller of a request: one query for the session, its user and their memberships (it runs on every request). */
  async resolve(token: string | undefined): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return null;
    const [row]: {
      session_id: string;
      user_id: string;
      email: string;
      display_name: string;
      language: Language;
      expires_at: Date;
      last_seen_at: Date;
      memberships: { organisationId: string; organisationKind: OrganisationKind; role: OrganisationRole }[];
    }[] = await this.sessions.manager.query(
      `SELECT s.id AS session_id, s.user_id, s.expires_at, s.last_seen_at, u.email, u.display_name, u.language,
              coalesce(json_agg(json_build_object('organisationId', m.organisation_id, 'organisationKind', o.kind, 'role', m.role))
                         FILTER (WHERE m.organisation_id IS NOT NULL), '[]') AS memberships
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN organisations o ON o.id = m.organisation_id
        WHERE s.token_hash = $1
        GROUP BY s.id, u.id`,
      [hashToken(token)],
    );
    if (!row) return null;
    const now = Date.now();
    if (new Date(row.expires_at).getTime() <= now) {
      await this.sessions.delete({ id: row.session_id });
      return null;
    }
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ id: row.session_id }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs) });
    }
    return { id: row.user_id, email: row.email, displayName: row.display_name, language: row.language, sessionId: row.session_id, memberships: row.memberships };
  }

  async loadUser(userId: string, sessionId: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) return null;
    const memberships: { organisation_id: string; role: OrganisationRole; kind: OrganisationKind }[] =
      await this.users.manager.query(
        `SELECT m.organisation_id, m.role, o.kind FROM memberships m
           JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1`,
        [userId],
      );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      sessionId,
      memberships: memberships.map((m) => ({
        organisationId: m.organisation_id,
        organisationKind: m.kind,
        role: m.role,
      })),
    };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /** Ends every session of the user, optionally keeping one (the caller's). */
  async destroyAll(userId: string, keepSessionId?: string, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(SessionEntity) : this.sessions;
    await repository.delete(keepSessionId ? { userId, id: Not(keepSessionId) } : { userId });
  }
}

