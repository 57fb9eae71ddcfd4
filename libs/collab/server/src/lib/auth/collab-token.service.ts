import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppException,
  hashToken,
  newSecretToken,
  type AppConfig,
  type AuthenticatedUser,
} from '@kehittamo/server/core';
import { CollabDocumentRegistry, SpaceAccessService } from '@kehittamo/server/data-access';
import { COLLAB_PATH_PREFIX, parseCollabDocName, type CollabTokenResponse } from '@kehittamo/shared/collab-protocol';
import type { SpaceAccess } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';

/** Who a consumed token belongs to. */
export interface CollabTokenClaim {
  userId: string;
  docName: string;
}

/**
 * Short-lived, single-use tokens to open one WebSocket to one document. Stored hashed in
 * PostgreSQL, so any API instance can check them; consumed at the upgrade.
 */
@Injectable()
export class CollabTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly registry: CollabDocumentRegistry,
    private readonly spaceAccess: SpaceAccessService,
  ) {}

  async issue(user: AuthenticatedUser, docName: string): Promise<CollabTokenResponse> {
    const rights = parseCollabDocName(docName) ? await this.accessFor(user.id, docName) : null;
    if (!rights) throw AppException.notFound('Document');
    const { access } = rights;
    const token = newSecretToken();
    const ttl = this.config.COLLAB_TOKEN_TTL_SECONDS;
    await this.dataSource.query(
      `INSERT INTO collab_tokens (token_hash, user_id, doc_name, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashToken(token), user.id, docName, ttl],
    );
    // Old tokens go as new ones are made, so the table stays small.
    await this.dataSource.query(`DELETE FROM collab_tokens WHERE expires_at < now() - interval '1 minute'`);
    const serverUrl = `${this.config.publicUrl.replace(/^http/, 'ws')}${COLLAB_PATH_PREFIX.replace(/\/$/, '')}`;
    return {
      token,
      url: `${serverUrl}/${docName}?token=${encodeURIComponent(token)}`,
      serverUrl,
      room: docName,
      access,
      expiresInSeconds: ttl,
    };
  }

  /** Consumes a token for `docName`; null when it is unknown, used, expired or for another document. */
  async consume(token: string | null, docName: string): Promise<CollabTokenClaim | null> {
    if (!token || token.length > 200) return null;
    // For DELETE … RETURNING, TypeORM's postgres driver answers [rows, affectedCount].
    const [rows] = await this.dataSource.query(
      `DELETE FROM collab_tokens WHERE token_hash = $1 RETURNING user_id, doc_name, expires_at > now() AS valid`,
      [hashToken(token)],
    );
    const row = (rows as { user_id: string; doc_name: string; valid: boolean }[])[0];
    if (!row || !row.valid || row.doc_name !== docName) return null;
    return { userId: row.user_id, docName };
  }

  /**
   * Current rights of a user to a document: their rights in its space, at most `comment` while
   * the document is locked (null: none, or no such document). On a workshop's boards, invited
   * participants edit (an experience expert who only comments elsewhere writes notes there),
   * and facilitators keep editing a board they locked.
   */
  async accessFor(userId: string, docName: string): Promise<{ access: SpaceAccess; spaceId: string } | null> {
    const doc = await this.registry.lookup(docName);
    const inSpace = doc ? await this.spaceAccess.accessFor(userId, doc.spaceId) : null;
    if (!doc || !inSpace) return null;
    const workshopRole = await this.registry.workshopRole(userId, docName);
    const access: SpaceAccess = workshopRole ? 'edit' : inSpace;
    if (!doc.locked || access !== 'edit' || workshopRole === 'facilitator') return { access, spaceId: doc.spaceId };
    return { access: 'comment', spaceId: doc.spaceId };
  }
}
