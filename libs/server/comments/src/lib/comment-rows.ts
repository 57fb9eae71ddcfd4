import {
  accessAllows,
  COMMENT_REACTIONS,
  commentTargetLink,
  type CommentAnchor,
  type CommentOutcomeKind,
  type CommentReaction,
  type CommentState,
  type CommentTarget,
  type CommentThreadStatus,
  type CommentThreadView,
  type CommentView,
  type CommentVisibility,
  type SpaceAccess,
} from '@kehittamo/shared/domain';
import { MODERATOR_CONDITION } from './comment-access';

/**
 * SQL that decides what a reader sees, in one place. `$1` is the reader's id; `vs` is the
 * reader's row of the `viewer_spaces` CTE for the thread's space.
 */
export const VIEWER_SPACES_CTE = `viewer_spaces AS (
  SELECT sm.space_id, sm.access, ${MODERATOR_CONDITION('sm.user_id', 'sm.space_id')} AS moderator
    FROM space_members sm WHERE sm.user_id = $1)`;

/** A comment is visible to its writer, to moderators, and to everyone else only when public and not held. */
export const VISIBLE_COMMENT = (c: string) =>
  `((${c}.visibility = 'space' AND ${c}.state <> 'held') OR ${c}.author_id = $1 OR vs.moderator)`;

/** A private thread is visible to its opener and moderators; any thread needs one comment the reader sees. */
export const VISIBLE_THREAD = (t: string) =>
  `((NOT ${t}.private OR ${t}.created_by = $1 OR vs.moderator)
    AND EXISTS (SELECT 1 FROM comments vc WHERE vc.thread_id = ${t}.id AND ${VISIBLE_COMMENT('vc')}))`;

export const TARGET_TITLE = (t: string) => `CASE ${t}.target_kind
  WHEN 'model' THEN (SELECT name FROM model_descriptions WHERE id = ${t}.target_id)
  WHEN 'board-note' THEN (SELECT title FROM boards WHERE id = ${t}.target_id)
  WHEN 'workshop' THEN (SELECT title FROM workshops WHERE id = ${t}.target_id)
  WHEN 'material' THEN (SELECT title FROM materials WHERE id = ${t}.target_id) END`;

export interface ThreadRow {
  id: string;
  space_id: string;
  target_kind: CommentTarget['kind'];
  target_id: string;
  target_part: string | null;
  anchor: CommentAnchor | null;
  private: boolean;
  status: CommentThreadStatus;
  created_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  created_at: Date;
  last_activity_at: Date;
  target_title: string | null;
  access: SpaceAccess;
  moderator: boolean;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  expert_badge: boolean;
  visibility: CommentVisibility;
  state: CommentState;
  hidden_reason: string | null;
  outcome: CommentOutcomeKind | null;
  outcome_reason: string | null;
  outcome_by_name: string | null;
  outcome_at: Date | null;
  version_id: string | null;
  version_number: number | null;
  version_name: string | null;
  created_at: Date;
  edited_at: Date | null;
}

export interface ReactionRow {
  comment_id: string;
  reaction: CommentReaction;
  count: number;
  mine: boolean;
}

export const THREAD_COLUMNS = `t.id, t.space_id, t.target_kind, t.target_id, t.target_part, t.anchor, t.private, t.status,
  t.created_by, ru.display_name AS resolved_by_name, t.resolved_at, t.created_at, t.last_activity_at,
  ${TARGET_TITLE('t')} AS target_title, vs.access, vs.moderator`;

export const COMMENT_COLUMNS = `c.id, c.thread_id, c.author_id, au.display_name AS author_name, c.body, c.expert_badge,
  c.visibility, c.state, c.hidden_reason, c.outcome, c.outcome_reason, ob.display_name AS outcome_by_name, c.outcome_at,
  v.id AS version_id, v.number AS version_number, v.name AS version_name, c.created_at, c.edited_at`;

export const COMMENT_JOINS = `LEFT JOIN users au ON au.id = c.author_id
  LEFT JOIN users ob ON ob.id = c.outcome_by
  LEFT JOIN model_versions v ON v.id = c.outcome_version_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toCommentView(row: CommentRow, thread: ThreadRow, viewerId: string, reactions: ReactionRow[]): CommentView {
  const mine = row.author_id !== null && row.author_id === viewerId;
  const withdrawn = row.state === 'withdrawn';
  const seesHidden = mine || thread.moderator;
  const bodyVisible = !withdrawn && (row.state !== 'hidden' || seesHidden);
  const byKey = new Map(reactions.map((r) => [r.reaction, r]));
  return {
    id: row.id,
    threadId: row.thread_id,
    authorName: withdrawn ? null : row.author_name,
    expertBadge: !withdrawn && row.expert_badge,
    mine,
    body: bodyVisible ? row.body : '',
    visibility: row.visibility,
    state: row.state,
    hiddenReason: row.state === 'hidden' && seesHidden ? row.hidden_reason : null,
    createdAt: iso(row.created_at) as string,
    editedAt: iso(row.edited_at),
    reactions: COMMENT_REACTIONS.filter((key) => byKey.has(key)).map((key) => ({
      key,
      count: Number(byKey.get(key)?.count ?? 0),
      mine: Boolean(byKey.get(key)?.mine),
    })),
    outcome: row.outcome
      ? {
          kind: row.outcome,
          reason: row.outcome_reason ?? '',
          decidedBy: row.outcome_by_name,
          decidedAt: iso(row.outcome_at) as string,
          version: row.version_id ? { id: row.version_id, number: Number(row.version_number), name: row.version_name ?? '' } : null,
        }
      : null,
    can: {
      edit: mine && (row.state === 'published' || row.state === 'held'),
      withdraw: mine && !withdrawn,
      moderate: thread.moderator && !withdrawn,
      decide: accessAllows(thread.access, 'edit') && row.state === 'published',
      react: accessAllows(thread.access, 'comment') && row.state === 'published',
    },
  };
}

export function toThreadView(thread: ThreadRow, comments: CommentView[], viewerId: string): CommentThreadView {
  const target: CommentTarget = { kind: thread.target_kind, id: thread.target_id, part: thread.target_part };
  return {
    id: thread.id,
    spaceId: thread.space_id,
    target,
    targetTitle: thread.target_title ?? '',
    anchor: thread.anchor,
    status: thread.status,
    resolvedBy: thread.resolved_by_name,
    resolvedAt: iso(thread.resolved_at),
    private: thread.private,
    createdAt: iso(thread.created_at) as string,
    lastActivityAt: iso(thread.last_activity_at) as string,
    link: commentTargetLink(target, thread.space_id, thread.id),
    comments,
    can: {
      reply: accessAllows(thread.access, 'comment'),
      resolve: thread.created_by === viewerId || accessAllows(thread.access, 'edit') || thread.moderator,
    },
  };
}

/** Rows of an UPDATE or DELETE … RETURNING: TypeORM's postgres driver answers `[rows, count]` for those. */
export function returnedRows(result: unknown[]): unknown[] {
  return Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
}
