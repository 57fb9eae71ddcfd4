import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppException, MailService, type AppConfig } from '@kehittamo/server/core';
import { RealtimeBus } from '@kehittamo/server/data-access';
import {
  COMMENT_EVENTS,
  commentPlainText,
  commentTargetLink,
  type CommentOutcomeKind,
  type CommentTarget,
  type EmailFrequency,
  type Language,
  type NotificationEvent,
  type NotificationKind,
  type NotificationList,
  type NotificationSettings,
  type NotificationView,
} from '@kehittamo/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TARGET_TITLE } from '../comment-rows';
import { notificationMail, type MailItem } from './notification-mail';

/** One notification to be written. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  threadId: string;
  commentId: string | null;
  actorId: string | null;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  thread_id: string;
  comment_id: string | null;
  actor_name: string | null;
  target_kind: CommentTarget['kind'];
  target_id: string;
  target_part: string | null;
  space_id: string;
  target_title: string | null;
  thread_private: boolean;
  body: string | null;
  visibility: string | null;
  state: string | null;
  outcome: CommentOutcomeKind | null;
  created_at: Date;
  read_at: Date | null;
}

const EXCERPT_MAX = 200;

const SELECT_NOTIFICATIONS = `
  SELECT n.id, n.user_id, n.kind, n.thread_id, n.comment_id, a.display_name AS actor_name,
         t.target_kind, t.target_id, t.target_part, t.space_id, ${TARGET_TITLE('t')} AS target_title, t.private AS thread_private,
         c.body, c.visibility, c.state, c.outcome, n.created_at, n.read_at
    FROM notifications n
    JOIN comment_threads t ON t.id = n.thread_id
    LEFT JOIN comments c ON c.id = n.comment_id
    LEFT JOIN users a ON a.id = n.actor_id`;

/** Only the start of a published comment; never of one that was hidden, held or withdrawn since. */
function excerpt(row: NotificationRow): string | null {
  if (!row.body || row.state !== 'published' || row.kind === 'review') return null;
  const text = commentPlainText(row.body).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;
}

/** E-mail never carries the text of a private thread or of a comment meant only for facilitators. */
const mayMailText = (row: NotificationRow) => !row.thread_private && row.visibility === 'space';

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    threadId: row.thread_id,
    commentId: row.comment_id,
    actorName: row.actor_name,
    targetTitle: row.target_title ?? '',
    excerpt: excerpt(row),
    outcome: row.kind === 'outcome' || row.kind === 'version' ? row.outcome : null,
    link: commentTargetLink({ kind: row.target_kind, id: row.target_id, part: row.target_part }, row.space_id, row.thread_id),
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

/**
 * Notifications in the app (Socket.IO, unread count) and by e-mail, per each user's choice:
 * immediately, in a daily digest (see DigestService) or not at all. Without SMTP, e-mail is off.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly db: DataSource,
    private readonly bus: RealtimeBus,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes notifications inside the caller's transaction (one per user, never to the actor); returns their ids. */
  async insert(manager: EntityManager, drafts: NotificationDraft[]): Promise<string[]> {
    const seen = new Set<string>();
    const rows = drafts.filter((d) => {
      const key = `${d.userId}|${d.kind}|${d.commentId ?? d.threadId}`;
      if (d.userId === d.actorId || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (rows.length === 0) return [];
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO notifications (user_id, kind, thread_id, comment_id, actor_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[]) RETURNING id`,
      [rows.map((r) => r.userId), rows.map((r) => r.kind), rows.map((r) => r.threadId), rows.map((r) => r.commentId), rows.map((r) => r.actorId)],
    );
    return inserted.map((r) => r.id);
  }

  /** After the commit: tells each receiver's open tabs, and mails those who chose "immediately". */
  async deliver(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows: NotificationRow[] = await this.db.query(`${SELECT_NOTIFICATIONS} WHERE n.id = ANY($1::uuid[])`, [ids]);
    const unread = await this.unreadCounts(rows.map((r) => r.user_id));
    for (const row of rows) {
      const event: NotificationEvent = { notification: toView(row), unread: unread.get(row.user_id) ?? 0 };
      this.bus.toUsers([row.user_id], COMMENT_EVENTS.notification, event);
    }
    if (!this.mail.configured) return;
    const recipients: { id: string; email: string; language: Language }[] = await this.db.query(
      `SELECT id, email, language FROM users WHERE id = ANY($1::uuid[]) AND email_notifications = 'immediately'`,
      [[...new Set(rows.map((r) => r.user_id))]],
    );
    for (const user of recipients) {
      const mine = rows.filter((r) => r.user_id === user.id);
      await this.mailTo(user, mine);
    }
  }

  /** Sends one e-mail of `rows` to the user and marks them mailed; returns whether it left. */
  async mailTo(user: { id: string; email: string; language: Language }, rows: NotificationRow[]): Promise<boolean> {
    if (rows.length === 0) return false;
    const items: MailItem[] = rows.map((row) => {
      const view = toView(row);
      return {
        kind: row.kind,
        actorName: row.actor_name,
        targetTitle: view.targetTitle,
        excerpt: mayMailText(row) ? view.excerpt : null,
        url: `${this.config.publicUrl}${view.link}`,
      };
    });
    const { subject, text } = notificationMail(user.language, items, `${this.config.publicUrl}/inbox`);
    const sent = await this.mail.send({ to: user.email, subject, text });
    if (sent) {
      await this.db.query(`UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    }
    return sent;
  }

  /** Unread, unmailed notifications of one user created before `until` (for the digest). */
  async pendingForDigest(userId: string, until: Date): Promise<NotificationRow[]> {
    return this.db.query(
      `${SELECT_NOTIFICATIONS} WHERE n.user_id = $1 AND n.emailed_at IS NULL AND n.read_at IS NULL AND n.created_at <= $2
        ORDER BY n.created_at LIMIT 50`,
      [userId, until],
    );
  }

  async list(userId: string, limit: number): Promise<NotificationList> {
    const rows: NotificationRow[] = await this.db.query(`${SELECT_NOTIFICATIONS} WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2`, [
      userId,
      limit,
    ]);
    return { notifications: rows.map(toView), unread: (await this.unreadCounts([userId])).get(userId) ?? 0 };
  }

  /** Marks the given notifications (or all) read; returns the unread count left. */
  async markRead(userId: string, ids: string[] | undefined): Promise<{ unread: number }> {
    if (ids) {
      await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, ids]);
    } else {
      await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    }
    return { unread: (await this.unreadCounts([userId])).get(userId) ?? 0 };
  }

  /** Marks the reader's notifications of a thread read (they opened it). */
  async markThreadRead(userId: string, threadId: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL`, [userId, threadId]);
  }

  async settings(userId: string): Promise<NotificationSettings> {
    const [row]: { email_notifications: EmailFrequency }[] = await this.db.query(`SELECT email_notifications FROM users WHERE id = $1`, [userId]);
    if (!row) throw AppException.notFound('User');
    return { email: row.email_notifications, emailAvailable: this.mail.configured };
  }

  async updateSettings(userId: string, email: EmailFrequency): Promise<NotificationSettings> {
    await this.db.query(`UPDATE users SET email_notifications = $2 WHERE id = $1`, [userId, email]);
    return this.settings(userId);
  }

  private async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; n: number }[] = await this.db.query(
      `SELECT user_id, count(*)::int AS n FROM notifications WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((r) => [r.user_id, r.n]));
  }

  /** Logs a failed delivery without content; delivery never fails the request that caused it. */
  deliverLater(ids: string[]): void {
    this.deliver(ids).catch((error: unknown) => this.logger.warn(`delivery failed: ${(error as Error).message}`));
  }
}
