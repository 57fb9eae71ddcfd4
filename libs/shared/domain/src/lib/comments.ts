/**
 * Asynchronous comments: threads anchored to a model-description text range, a board note,
 * a workshop (or, later, a material), with replies, reactions, outcomes ("you said, we did"),
 * moderation and notifications. Shapes shared by the API and the web app.
 */

/** What a thread is about. `material` is reserved for the materials feature. */
export const COMMENT_TARGET_KINDS = ['model', 'board-note', 'workshop', 'material'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

export interface CommentTarget {
  kind: CommentTargetKind;
  /** Model description id, board id, workshop id or material id. */
  id: string;
  /**
   * Where inside the target: for a model `section:<sectionKey>` or `step:<stepId>` (a structure part),
   * or absent for the model as a whole; for a board note the note's item id (required).
   */
  part?: string | null;
}

/** A model part name: `section:<key>` or `step:<id>`. */
export const COMMENT_MODEL_PART_PATTERN = /^(section:[A-Za-z]{1,40}|step:[A-Za-z0-9_-]{1,64})$/;
/** A board item id (nanoid-like). */
export const COMMENT_NOTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A text range in a model part, as two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`), so the range follows others' concurrent edits.
 * `quote` is the text the range held when the thread was opened (shown when the text is gone).
 */
export interface CommentAnchor {
  start: string;
  end: string;
  quote: string;
}

/**
 * `space`: everyone who may see the target; `facilitators`: only the writer and the space's
 * facilitators and coordinators (a thread whose first comment is `facilitators` is private as a whole).
 */
export const COMMENT_VISIBILITIES = ['space', 'facilitators'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/** `held`: waiting for a coordinator's review (sent that way after a sensitive-data warning). */
export const COMMENT_STATES = ['published', 'held', 'hidden', 'withdrawn'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

/** "You said, we did": what the editors did with a comment. */
export const COMMENT_OUTCOMES = ['accepted', 'changed', 'not-adopted'] as const;
export type CommentOutcomeKind = (typeof COMMENT_OUTCOMES)[number];

/** A small fixed set of reactions (shown as emoji with a text label). */
export const COMMENT_REACTIONS = ['thumbs-up', 'heart', 'idea', 'thanks'] as const;
export type CommentReaction = (typeof COMMENT_REACTIONS)[number];
export const COMMENT_REACTION_EMOJI: Record<CommentReaction, string> = {
  'thumbs-up': '👍',
  heart: '❤️',
  idea: '💡',
  thanks: '🙏',
};

export const COMMENT_THREAD_STATUSES = ['open', 'resolved'] as const;
export type CommentThreadStatus = (typeof COMMENT_THREAD_STATUSES)[number];

export const COMMENT_LIMITS = {
  /** Characters of comment source text. */
  bodyMax: 4000,
  quoteMax: 500,
  /** Characters of an outcome or moderation reason. */
  reasonMax: 500,
  /** Encoded relative position (base64) length. */
  anchorMax: 400,
  /** New comments and edits per user in `rateWindowSeconds`. */
  ratePerWindow: 20,
  rateWindowSeconds: 300,
  mentionsMax: 10,
} as const;

export interface CommentOutcome {
  kind: CommentOutcomeKind;
  reason: string;
  decidedBy: string | null;
  decidedAt: string;
  /** The model version the change landed in (set when the next version is saved). */
  version: { id: string; number: number; name: string } | null;
}

export interface CommentReactionCount {
  key: CommentReaction;
  count: number;
  mine: boolean;
}

export interface CommentView {
  id: string;
  threadId: string;
  /** Display name; null when withdrawn. Never a real name. */
  authorName: string | null;
  /** The writer chose to show the "kokemusasiantuntija" badge on this comment. */
  expertBadge: boolean;
  mine: boolean;
  /** Source text (comment body format); empty when withdrawn, or hidden and the reader may not moderate. */
  body: string;
  visibility: CommentVisibility;
  state: CommentState;
  /** Only for moderators and the writer. */
  hiddenReason: string | null;
  createdAt: string;
  editedAt: string | null;
  reactions: CommentReactionCount[];
  outcome: CommentOutcome | null;
  can: { edit: boolean; withdraw: boolean; moderate: boolean; decide: boolean; react: boolean };
}

export interface CommentThreadView {
  id: string;
  spaceId: string;
  target: CommentTarget;
  /** Title of the model, board or workshop (and part label key for models). */
  targetTitle: string;
  anchor: CommentAnchor | null;
  status: CommentThreadStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** True when the whole thread is visible only to facilitators/coordinators and its writer. */
  private: boolean;
  createdAt: string;
  lastActivityAt: string;
  /** Web app path of the target, e.g. `/models/<id>`. */
  link: string;
  comments: CommentView[];
  can: { reply: boolean; resolve: boolean };
}

/** Options every new comment carries. */
export interface CommentWriteOptions {
  body: string;
  expertBadge?: boolean;
  visibility?: CommentVisibility;
  /**
   * After a sensitive-data warning: save it to be reviewed by a coordinator instead of publishing.
   * Without it, a body with findings is refused with `sensitive_content`.
   */
  holdForReview?: boolean;
}

export interface CreateCommentThreadRequest extends CommentWriteOptions {
  target: CommentTarget;
  anchor?: CommentAnchor | null;
}

export type CreateCommentReplyRequest = CommentWriteOptions;

export interface UpdateCommentRequest {
  body: string;
  /** As for a new comment: after a sensitive-data warning, hold the edited comment for review. */
  holdForReview?: boolean;
}

export interface CommentOutcomeRequest {
  kind: CommentOutcomeKind;
  reason: string;
}

export interface HideCommentRequest {
  reason: string;
}

export interface CommentReactionRequest {
  key: CommentReaction;
}

/** `GET /api/comment-threads?kind=&id=&status=&q=` */
export interface CommentThreadQuery {
  kind?: CommentTargetKind;
  id?: string;
  status?: CommentThreadStatus | 'all';
  /** Words to search in comment text the reader may see. */
  q?: string;
}

export interface CommentThreadList {
  threads: CommentThreadView[];
  /** With `kind` and `id`: what the reader may do on that target. */
  can?: { comment: boolean; moderate: boolean };
}

/** `GET /api/me/comment-inbox`: open threads that involve me, and my comments with outcomes. */
export interface CommentInbox {
  threads: CommentThreadView[];
}

/** `GET /api/spaces/:id/mentionable?q=` */
export interface MentionCandidate {
  id: string;
  displayName: string;
}

// --- Sensitive-data guard ---------------------------------------------------------------

export const SENSITIVE_KINDS = ['personal-id', 'phone', 'email', 'street-address', 'postal-code', 'iban'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** UTF-16 offsets in the checked text. */
  start: number;
  end: number;
}

/** Details of a `sensitive_content` refusal (HTTP 422). */
export interface SensitiveContentDetails {
  findings: SensitiveFinding[];
}

// --- Notifications -----------------------------------------------------------------------

export const NOTIFICATION_KINDS = ['mention', 'reply', 'outcome', 'version', 'resolved', 'review'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  threadId: string;
  commentId: string | null;
  actorName: string | null;
  targetTitle: string;
  /** Plain-text start of the comment (in-app only; never in e-mail for private threads). */
  excerpt: string | null;
  outcome: CommentOutcomeKind | null;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: NotificationView[];
  unread: number;
}

export interface MarkNotificationsReadRequest {
  /** Omit to mark all read. */
  ids?: string[];
}

export const EMAIL_FREQUENCIES = ['immediately', 'daily', 'off'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export interface NotificationSettings {
  email: EmailFrequency;
  /** False when the server has no SMTP configured: e-mail is off for everyone. */
  emailAvailable: boolean;
}

export interface UpdateNotificationSettingsRequest {
  email: EmailFrequency;
}

/** Socket.IO events (sent to `user:<id>` rooms, or `space:<id>` for public thread changes). */
export const COMMENT_EVENTS = {
  /** A new notification for this user: `NotificationEvent`. */
  notification: 'notification',
  /** Something changed in a thread the receiver may see: `CommentThreadChangedEvent`. */
  threadChanged: 'comments.changed',
} as const;

export interface NotificationEvent {
  notification: NotificationView;
  unread: number;
}

export interface CommentThreadChangedEvent {
  threadId: string;
  target: CommentTarget;
}

/** Web app path of a comment target. */
export function commentTargetLink(target: CommentTarget, spaceId: string, threadId?: string): string {
  const hash = threadId ? `?thread=${threadId}` : '';
  switch (target.kind) {
    case 'model':
      return `/models/${target.id}${hash}`;
    case 'board-note':
      return `/spaces/${spaceId}/boards/${target.id}${hash}`;
    case 'workshop':
      return `/workshops/${target.id}${hash}`;
    case 'material':
      return `/materials/${target.id}${hash}`;
  }
}
