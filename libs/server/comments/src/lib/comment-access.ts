import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { accessAllows, type CommentTarget, type SpaceAccess } from '@kehittamo/shared/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Where a comment target lives and what it is called. */
export interface ResolvedTarget {
  spaceId: string;
  title: string;
}

/** What one reader may do in one space. */
export interface SpaceViewer {
  access: SpaceAccess;
  /** A coordinator or facilitator of the space: sees facilitator-only and held comments, moderates. */
  moderator: boolean;
}

/**
 * A space's moderators: coordinators and facilitators (never admins: they run the system, not the
 * work) of the organisation that owns a private space, or of any organisation for the project-wide
 * space — and only while they are members of it.
 */
export const MODERATOR_CONDITION = (userColumn: string, spaceColumn: string) => `EXISTS (
  SELECT 1 FROM memberships m JOIN spaces s ON s.id = ${spaceColumn}
   WHERE m.user_id = ${userColumn} AND m.role IN ('coordinator', 'facilitator')
     AND (s.kind = 'project' OR m.organisation_id = s.organisation_id))`;

const TARGET_QUERIES: Record<CommentTarget['kind'], string> = {
  model: `SELECT space_id, name AS title FROM model_descriptions WHERE id = $1`,
  'board-note': `SELECT space_id, title FROM boards WHERE id = $1`,
  workshop: `SELECT space_id, title FROM workshops WHERE id = $1`,
  material: `SELECT space_id, title FROM materials WHERE id = $1`,
};

const TARGET_NAMES: Record<CommentTarget['kind'], string> = {
  model: 'Model description',
  'board-note': 'Board',
  workshop: 'Workshop',
  material: 'Material',
};

/**
 * Decides who may see and write comments. Comments follow the rights in the target's space;
 * facilitator-only and held comments are seen only by their writer and the space's moderators.
 */
@Injectable()
export class CommentAccess {
  constructor(private readonly db: DataSource) {}

  /** The target's space and title; 404 when it does not exist or the reader has no access to its space. */
  async target(user: Pick<AuthenticatedUser, 'id'>, target: Pick<CommentTarget, 'kind' | 'id'>, manager: EntityManager = this.db.manager) {
    const [row]: { space_id: string; title: string }[] = await manager.query(TARGET_QUERIES[target.kind], [target.id]);
    const viewer = row ? await this.viewer(user.id, row.space_id, manager) : null;
    if (!row || !viewer) throw AppException.notFound(TARGET_NAMES[target.kind]);
    return { target: { spaceId: row.space_id, title: row.title } satisfies ResolvedTarget, viewer };
  }

  /** The reader's rights in a space, or null without access. */
  async viewer(userId: string, spaceId: string, manager: EntityManager = this.db.manager): Promise<SpaceViewer | null> {
    const [row]: { access: SpaceAccess; moderator: boolean }[] = await manager.query(
      `SELECT sm.access, ${MODERATOR_CONDITION('sm.user_id', 'sm.space_id')} AS moderator
         FROM space_members sm WHERE sm.user_id = $1 AND sm.space_id = $2`,
      [userId, spaceId],
    );
    return row ? { access: row.access, moderator: row.moderator } : null;
  }

  /** Ids of the space's moderators. */
  async moderatorIds(spaceId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT sm.user_id FROM space_members sm WHERE sm.space_id = $1 AND ${MODERATOR_CONDITION('sm.user_id', 'sm.space_id')}`,
      [spaceId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Of `userIds`, those who may read a comment with this visibility in this space (and thread). */
  async readersAmong(
    userIds: readonly string[],
    spaceId: string,
    restricted: boolean,
    manager: EntityManager = this.db.manager,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { user_id: string }[] = await manager.query(
      `SELECT sm.user_id FROM space_members sm
        WHERE sm.space_id = $1 AND sm.user_id = ANY($2::uuid[])
          AND (NOT $3 OR ${MODERATOR_CONDITION('sm.user_id', 'sm.space_id')})`,
      [spaceId, userIds, restricted],
    );
    return rows.map((r) => r.user_id);
  }

  requireComment(viewer: SpaceViewer): void {
    if (!accessAllows(viewer.access, 'comment')) throw AppException.forbidden('Commenting needs comment rights in the space; you can only view');
  }

  /** Whether the user may show the experience-expert badge: only experience experts may. */
  async isExpert(userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const [row] = await manager.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'expert' LIMIT 1`, [userId]);
    return Boolean(row);
  }
}
