import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { AuditService, DomainEvents, RealtimeBus, type ModelVersionCreated } from '@kehittamo/server/data-access';
import {
  accessAllows,
  COMMENT_EVENTS,
  COMMENT_LIMITS,
  commentBodyProblems,
  commentMentionIds,
  findSensitiveData,
  type CommentInbox,
  type CommentOutcomeRequest,
  type CommentReaction,
  type CommentThreadChangedEvent,
  type CommentThreadList,
  type CommentThreadQuery,
  type CommentThreadView,
  type CommentVisibility,
  type CommentWriteOptions,
  type CreateCommentThreadRequest,
  type FieldError,
  type MentionCandidate,
} from '@kehittamo/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CommentAccess, type SpaceViewer } from './comment-access';
import { validateAnchor, validateTarget } from './comment-input';
import {
  COMMENT_COLUMNS,
  COMMENT_JOINS,
  THREAD_COLUMNS,
  toCommentView,
  toThreadView,
  VIEWER_SPACES_CTE,
  VISIBLE_COMMENT,
  VISIBLE_THREAD,
  returnedRows,
  type CommentRow,
  type ReactionRow,
  type ThreadRow,
} from './comment-rows';
import { NotificationService, type NotificationDraft } from './notifications/notification.service';

const LIST_LIMIT = 200;

interface StoredComment {
  id: string;
  thread_id: string;
  author_id: string | null;
  visibility: CommentVisibility;
  state: string;
  space_id: string;
  private: boolean;
  created_by: string | null;
  target_kind: string;
  target_id: string;
}

/**
 * Comment threads: writing, replying, reactions, resolving, "you said, we did" outcomes and
 * moderation. Every read goes through the visibility rules in comment-rows.ts; every write
 * checks the body format, the sensitive-data guard and the per-user rate limit.
 */
@Injectable()
export class CommentService implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly access: CommentAccess,
    private readonly notifications: NotificationService,
    private readonly bus: RealtimeBus,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.on('modelVersionCreated', (event) => this.linkOutcomesToVersion(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  // --- Reading --------------------------------------------------------------------------

  /** Threads on one target (with `kind` and `id`), or every thread the reader may see (search with `q`). */
  async list(user: AuthenticatedUser, query: CommentThreadQuery): Promise<CommentThreadList> {
    const params: unknown[] = [user.id];
    const where: string[] = [VISIBLE_THREAD('t')];
    let can: CommentThreadList['can'];
    if (query.kind && query.id) {
      const { viewer } = await this.access.target(user, { kind: query.kind, id: query.id });
      can = { comment: accessAllows(viewer.access, 'comment'), moderate: viewer.moderator };
      params.push(query.kind, query.id);
      where.push(`t.target_kind = $${params.length - 1} AND t.target_id = $${params.length}`);
    } else if (query.kind || query.id) {
      throw AppException.validation([{ field: query.kind ? 'id' : 'kind', problems: ['kind and id must be given together'] }]);
    }
    const status = query.status ?? 'open';
    if (status !== 'all') {
      params.push(status);
      where.push(`t.status = $${params.length}`);
    }
    if (query.q?.trim()) {
      params.push(query.q.trim());
      where.push(`EXISTS (SELECT 1 FROM comments sc WHERE sc.thread_id = t.id AND ${VISIBLE_COMMENT('sc')}
                     AND sc.state IN ('published', 'held') AND sc.search @@ plainto_tsquery('simple', $${params.length}))`);
    }
    return { threads: await this.loadThreads(user.id, where.join(' AND '), params), can };
  }

  async get(user: AuthenticatedUser, threadId: string): Promise<CommentThreadView> {
    const [thread] = await this.loadThreads(user.id, `t.id = $2 AND ${VISIBLE_THREAD('t')}`, [user.id, threadId]);
    if (!thread) throw AppException.notFound('Comment thread');
    await this.notifications.markThreadRead(user.id, threadId);
    return thread;
  }

  /** Open threads that involve me (I wrote in them or was mentioned), and resolved ones with an outcome for me. */
  async inbox(user: AuthenticatedUser): Promise<CommentInbox> {
    const involves = `EXISTS (SELECT 1 FROM comments ic WHERE ic.thread_id = t.id AND ic.author_id = $1)
      OR EXISTS (SELECT 1 FROM comment_mentions im JOIN comments mc ON mc.id = im.comment_id
                  WHERE mc.thread_id = t.id AND im.user_id = $1 AND ${VISIBLE_COMMENT('mc')})`;
    const relevant = `(t.status = 'open' OR EXISTS (SELECT 1 FROM comments oc WHERE oc.thread_id = t.id AND oc.author_id = $1 AND oc.outcome IS NOT NULL))`;
    return { threads: await this.loadThreads(user.id, `${VISIBLE_THREAD('t')} AND (${involves}) AND ${relevant}`, [user.id]) };
  }

  /** Threads with comments held for review, in spaces the reader moderates. */
  async review(user: AuthenticatedUser): Promise<CommentThreadList> {
    return {
      threads: await this.loadThreads(
        user.id,
        `vs.moderator AND EXISTS (SELECT 1 FROM comments hc WHERE hc.thread_id = t.id AND hc.state = 'held')`,
        [user.id],
      ),
    };
  }

  /** Space members the writer may mention, by display name (never e-mail or real name). */
  async mentionable(user: AuthenticatedUser, spaceId: string, q: string | undefined): Promise<MentionCandidate[]> {
    const viewer = await this.access.viewer(user.id, spaceId);
    if (!viewer) throw AppException.notFound('Space');
    const search = (q ?? '').trim().toLowerCase();
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT u.id, u.display_name FROM space_members sm JOIN users u ON u.id = sm.user_id
        WHERE sm.space_id = $1 AND u.id <> $2 AND ($3 = '' OR lower(u.display_name) LIKE '%' || $3 || '%')
        ORDER BY (lower(u.display_name) LIKE $3 || '%') DESC, u.display_name LIMIT 10`,
      [spaceId, user.id, search.replace(/[%_\\]/g, '')],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  // --- Writing --------------------------------------------------------------------------

  async createThread(user: AuthenticatedUser, request: CreateCommentThreadRequest): Promise<CommentThreadView> {
    const fields = [...validateTarget(request.target), ...validateAnchor(request.target, request.anchor ?? null)];
    if (fields.length > 0) throw AppException.validation(fields);
    const { target, viewer } = await this.access.target(user, request.target);
    this.access.requireComment(viewer);
    const visibility = request.visibility ?? 'space';
    const write = await this.checkWrite(user, target.spaceId, request, visibility === 'facilitators');
    const { threadId, delivered } = await this.db.transaction(async (manager) => {
      const [thread]: { id: string }[] = await manager.query(
        `INSERT INTO comment_threads (space_id, target_kind, target_id, target_part, anchor, private, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          target.spaceId,
          request.target.kind,
          request.target.id,
          request.target.part ?? null,
          request.anchor ? JSON.stringify(request.anchor) : null,
          visibility === 'facilitators',
          user.id,
        ],
      );
      const delivered = await this.insertComment(manager, user, thread.id, target.spaceId, visibility, write, []);
      return { threadId: thread.id, delivered };
    });
    this.afterChange(target.spaceId, threadId, request.target, delivered, visibility === 'facilitators' || write.held);
    return this.get(user, threadId);
  }

  async reply(user: AuthenticatedUser, threadId: string, request: CommentWriteOptions): Promise<CommentThreadView> {
    const thread = await this.visibleThread(user, threadId);
    const viewer = await this.requireViewer(user, thread.space_id);
    this.access.requireComment(viewer);
    // Replies in a private thread stay private.
    const visibility: CommentVisibility = thread.private ? 'facilitators' : (request.visibility ?? 'space');
    const write = await this.checkWrite(user, thread.space_id, request, visibility === 'facilitators' || thread.private);
    const delivered = await this.db.transaction(async (manager) => {
      const earlier: { author_id: string }[] = await manager.query(
        `SELECT DISTINCT author_id FROM comments WHERE thread_id = $1 AND author_id IS NOT NULL AND state <> 'withdrawn'`,
        [threadId],
      );
      await manager.query(`UPDATE comment_threads SET last_activity_at = now() WHERE id = $1`, [threadId]);
      return this.insertComment(manager, user, threadId, thread.space_id, visibility, write, earlier.map((r) => r.author_id), thread.private);
    });
    this.afterChange(thread.space_id, threadId, this.targetOf(thread), delivered, thread.private || visibility === 'facilitators' || write.held);
    return this.get(user, threadId);
  }

  async edit(user: AuthenticatedUser, commentId: string, body: string, holdForReview: boolean): Promise<CommentThreadView> {
    const comment = await this.ownComment(user, commentId);
    if (comment.state !== 'published' && comment.state !== 'held') throw AppException.forbidden('A hidden or withdrawn comment cannot be edited');
    await this.requireViewer(user, comment.space_id);
    const write = await this.checkWrite(user, comment.space_id, { body, holdForReview }, comment.visibility === 'facilitators' || comment.private);
    const delivered = await this.db.transaction(async (manager) => {
      const state = write.held ? 'held' : comment.state;
      await manager.query(`UPDATE comments SET body = $2, state = $3, edited_at = now() WHERE id = $1`, [commentId, body, state]);
      const before: { user_id: string }[] = await manager.query(`SELECT user_id FROM comment_mentions WHERE comment_id = $1`, [commentId]);
      await manager.query(`DELETE FROM comment_mentions WHERE comment_id = $1`, [commentId]);
      await this.insertMentions(manager, commentId, write.mentions);
      if (state !== 'published') return write.held && comment.state !== 'held' ? this.reviewDrafts(manager, user, comment) : [];
      // Only people newly mentioned by the edit are told.
      const added = write.mentions.filter((id) => !before.some((b) => b.user_id === id));
      const drafts = added.map((id): NotificationDraft => ({ userId: id, kind: 'mention', threadId: comment.thread_id, commentId, actorId: user.id }));
      return this.notifications.insert(manager, drafts);
    });
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), delivered, this.restricted(comment));
    return this.get(user, comment.thread_id);
  }

  /**
   * Withdraws the writer's own comment at any time: its text, author and badge are erased (a
   * tombstone keeps replies readable); a thread left with nothing but tombstones is deleted.
   */
  async withdraw(user: AuthenticatedUser, commentId: string): Promise<void> {
    const comment = await this.ownComment(user, commentId);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE comments SET body = '', author_id = NULL, expert_badge = false, state = 'withdrawn', hidden_reason = NULL,
                outcome = NULL, outcome_reason = NULL, outcome_by = NULL, outcome_at = NULL, outcome_version_id = NULL, edited_at = now()
          WHERE id = $1`,
        [commentId],
      );
      await manager.query(`DELETE FROM comment_mentions WHERE comment_id = $1`, [commentId]);
      await manager.query(`DELETE FROM comment_reactions WHERE comment_id = $1`, [commentId]);
      await manager.query(`DELETE FROM notifications WHERE comment_id = $1`, [commentId]);
      await manager.query(
        `DELETE FROM comment_threads t WHERE t.id = $1 AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.state <> 'withdrawn')`,
        [comment.thread_id],
      );
      // The opener's identity goes with their words.
      await manager.query(`UPDATE comment_threads SET created_by = NULL WHERE id = $1 AND created_by = $2
                            AND NOT EXISTS (SELECT 1 FROM comments WHERE thread_id = $1 AND author_id = $2)`, [comment.thread_id, user.id]);
    });
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), [], this.restricted(comment));
  }

  async react(user: AuthenticatedUser, commentId: string, key: CommentReaction): Promise<CommentThreadView> {
    const comment = await this.visibleComment(user, commentId);
    const viewer = await this.requireViewer(user, comment.space_id);
    this.access.requireComment(viewer);
    if (comment.state !== 'published') throw AppException.forbidden('Only published comments take reactions');
    const removed: unknown[] = await this.db.query(
      `DELETE FROM comment_reactions WHERE comment_id = $1 AND user_id = $2 AND reaction = $3 RETURNING comment_id`,
      [commentId, user.id, key],
    );
    if (returnedRows(removed).length === 0) {
      await this.db.query(`INSERT INTO comment_reactions (comment_id, user_id, reaction) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        commentId,
        user.id,
        key,
      ]);
    }
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), [], this.restricted(comment));
    return this.get(user, comment.thread_id);
  }

  async setStatus(user: AuthenticatedUser, threadId: string, status: 'open' | 'resolved'): Promise<CommentThreadView> {
    const thread = await this.visibleThread(user, threadId);
    const viewer = await this.requireViewer(user, thread.space_id);
    if (!(thread.created_by === user.id || accessAllows(viewer.access, 'edit') || viewer.moderator)) {
      throw AppException.forbidden('Only the thread\'s opener, editors and coordinators can resolve or reopen it');
    }
    if (thread.status === status) return this.get(user, threadId);
    const delivered = await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE comment_threads SET status = $2, resolved_by = CASE WHEN $2 = 'resolved' THEN $3::uuid END,
                resolved_at = CASE WHEN $2 = 'resolved' THEN now() END, last_activity_at = now() WHERE id = $1`,
        [threadId, status, user.id],
      );
      if (status !== 'resolved') return [];
      const participants: { author_id: string }[] = await manager.query(
        `SELECT DISTINCT author_id FROM comments WHERE thread_id = $1 AND author_id IS NOT NULL AND state IN ('published', 'hidden')`,
        [threadId],
      );
      const readers = await this.access.readersAmong(participants.map((p) => p.author_id), thread.space_id, thread.private, manager);
      return this.notifications.insert(
        manager,
        readers.map((id) => ({ userId: id, kind: 'resolved', threadId, commentId: null, actorId: user.id })),
      );
    });
    this.afterChange(thread.space_id, threadId, this.targetOf(thread), delivered, thread.private);
    return this.get(user, threadId);
  }

  /** "You said, we did": editors record what was done with a comment; its writer is told. */
  async setOutcome(user: AuthenticatedUser, commentId: string, request: CommentOutcomeRequest): Promise<CommentThreadView> {
    const comment = await this.visibleComment(user, commentId);
    const viewer = await this.requireViewer(user, comment.space_id);
    if (!accessAllows(viewer.access, 'edit')) throw AppException.forbidden('Only editors of the space can record what was done with a comment');
    if (comment.state !== 'published') throw AppException.forbidden('Only published comments can get an outcome');
    const delivered = await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE comments SET outcome = $2, outcome_reason = $3, outcome_by = $4, outcome_at = now(), outcome_version_id = NULL WHERE id = $1`,
        [commentId, request.kind, request.reason.trim(), user.id],
      );
      await manager.query(`UPDATE comment_threads SET last_activity_at = now() WHERE id = $1`, [comment.thread_id]);
      if (!comment.author_id) return [];
      return this.notifications.insert(manager, [
        { userId: comment.author_id, kind: 'outcome', threadId: comment.thread_id, commentId, actorId: user.id },
      ]);
    });
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), delivered, this.restricted(comment));
    return this.get(user, comment.thread_id);
  }

  async clearOutcome(user: AuthenticatedUser, commentId: string): Promise<CommentThreadView> {
    const comment = await this.visibleComment(user, commentId);
    const viewer = await this.requireViewer(user, comment.space_id);
    if (!accessAllows(viewer.access, 'edit')) throw AppException.forbidden('Only editors of the space can change an outcome');
    await this.db.query(
      `UPDATE comments SET outcome = NULL, outcome_reason = NULL, outcome_by = NULL, outcome_at = NULL, outcome_version_id = NULL WHERE id = $1`,
      [commentId],
    );
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), [], this.restricted(comment));
    return this.get(user, comment.thread_id);
  }

  /** Moderators hide a comment with a reason (kept in the audit log) or show it again. */
  async setHidden(user: AuthenticatedUser, commentId: string, hidden: boolean, reason: string | null): Promise<CommentThreadView> {
    const comment = await this.moderatedComment(user, commentId);
    if (hidden === (comment.state === 'hidden')) return this.get(user, comment.thread_id);
    if (!hidden && comment.state !== 'hidden') throw AppException.forbidden('Only a hidden comment can be shown again');
    await this.db.transaction(async (manager) => {
      await manager.query(
        hidden
          ? `UPDATE comments SET state = 'hidden', hidden_reason = $2, hidden_by = $3, hidden_at = now() WHERE id = $1`
          : `UPDATE comments SET state = 'published', hidden_reason = NULL, hidden_by = NULL, hidden_at = NULL WHERE id = $1`,
        hidden ? [commentId, reason, user.id] : [commentId],
      );
      await this.audit.record(
        {
          action: hidden ? 'comment_hidden' : 'comment_unhidden',
          actorId: user.id,
          targetType: 'comment',
          targetId: commentId,
          detail: hidden ? { reason } : {},
        },
        manager,
      );
    });
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), [], this.restricted(comment));
    return this.get(user, comment.thread_id);
  }

  /** A moderator publishes a held comment; only now are mentions and replies notified. */
  async approve(user: AuthenticatedUser, commentId: string): Promise<CommentThreadView> {
    const comment = await this.moderatedComment(user, commentId);
    if (comment.state !== 'held') throw AppException.forbidden('Only a comment waiting for review can be approved');
    const delivered = await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE comments SET state = 'published' WHERE id = $1`, [commentId]);
      await manager.query(`DELETE FROM notifications WHERE comment_id = $1 AND kind = 'review'`, [commentId]);
      await this.audit.record({ action: 'comment_approved', actorId: user.id, targetType: 'comment', targetId: commentId }, manager);
      const mentions: { user_id: string }[] = await manager.query(`SELECT user_id FROM comment_mentions WHERE comment_id = $1`, [commentId]);
      const earlier: { author_id: string }[] = await manager.query(
        `SELECT DISTINCT author_id FROM comments WHERE thread_id = $1 AND author_id IS NOT NULL AND state <> 'withdrawn' AND created_at < (SELECT created_at FROM comments WHERE id = $2)`,
        [comment.thread_id, commentId],
      );
      return this.publishedDrafts(manager, comment.author_id, comment, mentions.map((m) => m.user_id), earlier.map((e) => e.author_id));
    });
    this.afterChange(comment.space_id, comment.thread_id, this.targetOf(comment), delivered, false);
    return this.get(user, comment.thread_id);
  }

  // --- Internals ------------------------------------------------------------------------

  /** Format, sensitive-data guard, badge, mentions and rate limit for a new or edited body. */
  private async checkWrite(
    user: AuthenticatedUser,
    spaceId: string,
    request: CommentWriteOptions,
    restricted: boolean,
  ): Promise<{ body: string; badge: boolean; held: boolean; mentions: string[] }> {
    const fields: FieldError[] = [];
    const problems = commentBodyProblems(request.body);
    if (problems.length > 0) fields.push({ field: 'body', problems });
    const mentions = commentMentionIds(request.body);
    if (mentions.length > 0) {
      const readers = await this.access.readersAmong(mentions, spaceId, restricted);
      const missing = mentions.filter((id) => !readers.includes(id));
      if (missing.length > 0) {
        fields.push({
          field: 'body',
          problems: [
            restricted
              ? `mentions ${missing.length} people who cannot see a comment meant only for facilitators`
              : `mentions ${missing.length} people who are not members of this space`,
          ],
        });
      }
    }
    if (request.expertBadge && !(await this.access.isExpert(user.id))) {
      fields.push({ field: 'expertBadge', problems: ['only experience experts can show the experience-expert badge'] });
    }
    if (fields.length > 0) throw AppException.validation(fields);
    const findings = findSensitiveData(request.body);
    if (findings.length > 0 && !request.holdForReview) {
      throw new AppException(
        'sensitive_content',
        `The text seems to contain identifying details (${[...new Set(findings.map((f) => f.kind))].join(', ')}). Edit it, or send it to be held for a coordinator's review.`,
        { findings },
      );
    }
    await this.enforceRateLimit(user.id);
    return { body: request.body, badge: Boolean(request.expertBadge), held: findings.length > 0 || Boolean(request.holdForReview), mentions };
  }

  private async enforceRateLimit(userId: string): Promise<void> {
    const [{ n, oldest }]: { n: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*)::int AS n, min(greatest(created_at, coalesce(edited_at, created_at))) AS oldest FROM comments
        WHERE author_id = $1 AND (created_at > now() - make_interval(secs => $2) OR edited_at > now() - make_interval(secs => $2))`,
      [userId, COMMENT_LIMITS.rateWindowSeconds],
    );
    if (n >= COMMENT_LIMITS.ratePerWindow) {
      const waitMs = oldest ? new Date(oldest).getTime() + COMMENT_LIMITS.rateWindowSeconds * 1000 - Date.now() : COMMENT_LIMITS.rateWindowSeconds * 1000;
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppException('rate_limited', `Too many comments in a short time. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
    }
  }

  /** Inserts a comment with its mentions; returns the ids of notifications to deliver after commit. */
  private async insertComment(
    manager: EntityManager,
    user: AuthenticatedUser,
    threadId: string,
    spaceId: string,
    visibility: CommentVisibility,
    write: { body: string; badge: boolean; held: boolean; mentions: string[] },
    earlierAuthors: string[],
    privateThread = visibility === 'facilitators',
  ): Promise<string[]> {
    const [comment]: { id: string }[] = await manager.query(
      `INSERT INTO comments (thread_id, author_id, body, expert_badge, visibility, state) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [threadId, user.id, write.body, write.badge, visibility, write.held ? 'held' : 'published'],
    );
    await this.insertMentions(manager, comment.id, write.mentions);
    const stored = { id: comment.id, thread_id: threadId, space_id: spaceId, visibility, private: privateThread };
    if (write.held) return this.reviewDrafts(manager, user, stored);
    return this.publishedDrafts(manager, user.id, stored, write.mentions, earlierAuthors);
  }

  private async insertMentions(manager: EntityManager, commentId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(
      `INSERT INTO comment_mentions (comment_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [commentId, userIds],
    );
  }

  /** Mentioned people, and earlier writers of the thread, who may read the comment. */
  private async publishedDrafts(
    manager: EntityManager,
    actorId: string | null,
    comment: Pick<StoredComment, 'id' | 'thread_id' | 'space_id' | 'visibility' | 'private'>,
    mentions: string[],
    earlierAuthors: string[],
  ): Promise<string[]> {
    const restricted = comment.private || comment.visibility === 'facilitators';
    const mentionReaders = await this.access.readersAmong(mentions, comment.space_id, restricted, manager);
    const replyReaders = await this.access.readersAmong(
      earlierAuthors.filter((id) => !mentionReaders.includes(id)),
      comment.space_id,
      restricted,
      manager,
    );
    return this.notifications.insert(manager, [
      ...mentionReaders.map((id): NotificationDraft => ({ userId: id, kind: 'mention', threadId: comment.thread_id, commentId: comment.id, actorId })),
      ...replyReaders.map((id): NotificationDraft => ({ userId: id, kind: 'reply', threadId: comment.thread_id, commentId: comment.id, actorId })),
    ]);
  }

  private async reviewDrafts(
    manager: EntityManager,
    user: AuthenticatedUser,
    comment: Pick<StoredComment, 'id' | 'thread_id' | 'space_id'>,
  ): Promise<string[]> {
    const moderators = await this.access.moderatorIds(comment.space_id, manager);
    return this.notifications.insert(
      manager,
      moderators.map((id) => ({ userId: id, kind: 'review', threadId: comment.thread_id, commentId: comment.id, actorId: user.id })),
    );
  }

  /** After a commit: deliver notifications, and tell open panels to refetch — only those who may see the change. */
  private afterChange(spaceId: string, threadId: string, target: CreateCommentThreadRequest['target'], notificationIds: string[], restricted = false): void {
    this.notifications.deliverLater(notificationIds);
    const event: CommentThreadChangedEvent = { threadId, target };
    if (!restricted) {
      this.bus.toSpace(spaceId, COMMENT_EVENTS.threadChanged, event);
      return;
    }
    void this.restrictedReaders(spaceId, threadId).then((ids) => this.bus.toUsers(ids, COMMENT_EVENTS.threadChanged, event));
  }

  private async restrictedReaders(spaceId: string, threadId: string): Promise<string[]> {
    const writers: { author_id: string }[] = await this.db.query(
      `SELECT DISTINCT author_id FROM comments WHERE thread_id = $1 AND author_id IS NOT NULL`,
      [threadId],
    );
    return [...new Set([...(await this.access.moderatorIds(spaceId)), ...writers.map((w) => w.author_id)])];
  }

  private restricted(comment: Pick<StoredComment, 'private' | 'visibility' | 'state'>): boolean {
    return comment.private || comment.visibility === 'facilitators' || comment.state === 'held';
  }

  private targetOf(row: { target_kind: string; target_id: string }): CreateCommentThreadRequest['target'] {
    return { kind: row.target_kind as CreateCommentThreadRequest['target']['kind'], id: row.target_id };
  }

  private async requireViewer(user: AuthenticatedUser, spaceId: string): Promise<SpaceViewer> {
    const viewer = await this.access.viewer(user.id, spaceId);
    if (!viewer) throw AppException.notFound('Comment thread');
    return viewer;
  }

  private async visibleThread(user: AuthenticatedUser, threadId: string): Promise<ThreadRow> {
    const [row]: ThreadRow[] = await this.db.query(
      `WITH ${VIEWER_SPACES_CTE} SELECT ${THREAD_COLUMNS} FROM comment_threads t JOIN viewer_spaces vs ON vs.space_id = t.space_id
         LEFT JOIN users ru ON ru.id = t.resolved_by WHERE t.id = $2 AND ${VISIBLE_THREAD('t')}`,
      [user.id, threadId],
    );
    if (!row) throw AppException.notFound('Comment thread');
    return row;
  }

  /** A comment the reader can see (404 otherwise: its existence is not revealed). */
  private async visibleComment(user: AuthenticatedUser, commentId: string): Promise<StoredComment> {
    const [row]: StoredComment[] = await this.db.query(
      `WITH ${VIEWER_SPACES_CTE}
       SELECT c.id, c.thread_id, c.author_id, c.visibility, c.state, t.space_id, t.private, t.created_by, t.target_kind, t.target_id
         FROM comments c JOIN comment_threads t ON t.id = c.thread_id JOIN viewer_spaces vs ON vs.space_id = t.space_id
        WHERE c.id = $2 AND ${VISIBLE_COMMENT('c')} AND ${VISIBLE_THREAD('t')}`,
      [user.id, commentId],
    );
    if (!row) throw AppException.notFound('Comment');
    return row;
  }

  private async ownComment(user: AuthenticatedUser, commentId: string): Promise<StoredComment> {
    const comment = await this.visibleComment(user, commentId);
    if (comment.author_id !== user.id) throw AppException.forbidden('You can only change your own comments');
    return comment;
  }

  private async moderatedComment(user: AuthenticatedUser, commentId: string): Promise<StoredComment> {
    const comment = await this.visibleComment(user, commentId);
    const viewer = await this.requireViewer(user, comment.space_id);
    if (!viewer.moderator) throw AppException.forbidden('Only the space\'s coordinators and facilitators can moderate comments');
    if (comment.state === 'withdrawn') throw AppException.forbidden('A withdrawn comment has nothing left to moderate');
    return comment;
  }

  /** Threads (filtered by `where` with `$1` = reader) with the comments and reactions the reader may see. */
  private async loadThreads(viewerId: string, where: string, params: unknown[]): Promise<CommentThreadView[]> {
    const threads: ThreadRow[] = await this.db.query(
      `WITH ${VIEWER_SPACES_CTE}
       SELECT ${THREAD_COLUMNS} FROM comment_threads t JOIN viewer_spaces vs ON vs.space_id = t.space_id
         LEFT JOIN users ru ON ru.id = t.resolved_by
        WHERE ${where} ORDER BY t.last_activity_at DESC LIMIT ${LIST_LIMIT}`,
      params,
    );
    const live = threads.filter((t) => t.target_title !== null);
    if (live.length === 0) return [];
    const ids = live.map((t) => t.id);
    const comments: CommentRow[] = await this.db.query(
      `WITH ${VIEWER_SPACES_CTE}
       SELECT ${COMMENT_COLUMNS} FROM comments c JOIN comment_threads t ON t.id = c.thread_id
         JOIN viewer_spaces vs ON vs.space_id = t.space_id ${COMMENT_JOINS}
        WHERE c.thread_id = ANY($2::uuid[]) AND ${VISIBLE_COMMENT('c')} ORDER BY c.created_at, c.id`,
      [viewerId, ids],
    );
    const reactions: ReactionRow[] = await this.db.query(
      `SELECT comment_id, reaction, count(*)::int AS count, bool_or(user_id = $1) AS mine FROM comment_reactions
        WHERE comment_id = ANY($2::uuid[]) GROUP BY comment_id, reaction`,
      [viewerId, comments.map((c) => c.id)],
    );
    return live.map((thread) =>
      toThreadView(
        thread,
        comments
          .filter((c) => c.thread_id === thread.id)
          .map((c) => toCommentView(c, thread, viewerId, reactions.filter((r) => r.comment_id === c.id))),
        viewerId,
      ),
    );
  }

  /** When a model version is saved, adopted comments of that model whose change came before it link to it. */
  private async linkOutcomesToVersion(event: ModelVersionCreated): Promise<void> {
    const linked = await this.db.transaction(async (manager) => {
      const rows: { id: string; thread_id: string; author_id: string | null; space_id: string }[] = await manager.query(
        `UPDATE comments c SET outcome_version_id = $2 FROM comment_threads t
          WHERE t.id = c.thread_id AND t.target_kind = 'model' AND t.target_id = $1
            AND c.outcome IN ('accepted', 'changed') AND c.outcome_version_id IS NULL AND c.state = 'published'
          RETURNING c.id, c.thread_id, c.author_id, t.space_id`,
        [event.modelId, event.versionId],
      ).then((result: unknown[]) => returnedRows(result) as never[]);
      const ids = await this.notifications.insert(
        manager,
        rows
          .filter((r) => r.author_id)
          .map((r) => ({ userId: r.author_id as string, kind: 'version', threadId: r.thread_id, commentId: r.id, actorId: null })),
      );
      return { rows, ids };
    });
    this.notifications.deliverLater(linked.ids);
    for (const row of linked.rows) this.bus.toUsers(row.author_id ? [row.author_id] : [], COMMENT_EVENTS.threadChanged, { threadId: row.thread_id, target: { kind: 'model', id: event.modelId } });
  }
}
