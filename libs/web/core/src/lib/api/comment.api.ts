import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CommentInbox,
  CommentOutcomeRequest,
  CommentReaction,
  CommentReactionRequest,
  CommentThreadList,
  CommentThreadQuery,
  CommentThreadView,
  CreateCommentReplyRequest,
  CreateCommentThreadRequest,
  HideCommentRequest,
  MentionCandidate,
  UpdateCommentRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

const thread = (id: string) => `/api/comment-threads/${encodeURIComponent(id)}`;
const comment = (id: string) => `/api/comments/${encodeURIComponent(id)}`;

/**
 * Comment threads and their comments. In web/core (not in web/comments) so that the inbox page and
 * any page that hosts a comments panel can share it. Every mutation answers with the whole thread
 * as the reader may see it, so the caller replaces its copy instead of patching it.
 *
 * A body with identifying details is refused with 422 `sensitive_content` (offsets in `findings`)
 * unless `holdForReview` is set; rights are checked on the server (403/404).
 */
@Injectable({ providedIn: 'root' })
export class CommentApi {
  private readonly http = inject(HttpClient);

  /** Opens a thread with its first comment. */
  createThread(request: CreateCommentThreadRequest): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>('/api/comment-threads', request);
  }

  /** Threads of a target (`kind` + `id`) or, without them, every thread the reader may see; newest activity first. */
  list(query: CommentThreadQuery): Observable<CommentThreadList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [keyof CommentThreadQuery, string | undefined][]) {
      if (value !== undefined && value !== '') params = params.set(key, value);
    }
    return this.http.get<CommentThreadList>('/api/comment-threads', { params });
  }

  get(threadId: string): Observable<CommentThreadView> {
    return this.http.get<CommentThreadView>(thread(threadId));
  }

  reply(threadId: string, request: CreateCommentReplyRequest): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${thread(threadId)}/comments`, request);
  }

  /** Needs `thread.can.resolve`. */
  resolve(threadId: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${thread(threadId)}/resolve`, {});
  }

  reopen(threadId: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${thread(threadId)}/reopen`, {});
  }

  /** Own comments only. */
  update(commentId: string, request: UpdateCommentRequest): Observable<CommentThreadView> {
    return this.http.patch<CommentThreadView>(comment(commentId), request);
  }

  /** Withdraws an own comment (204): it stays in the thread as "removed by the writer". */
  withdraw(commentId: string): Observable<void> {
    return this.http.delete<void>(comment(commentId));
  }

  /** "You said, we did"; needs `comment.can.decide`. */
  setOutcome(commentId: string, request: CommentOutcomeRequest): Observable<CommentThreadView> {
    return this.http.put<CommentThreadView>(`${comment(commentId)}/outcome`, request);
  }

  clearOutcome(commentId: string): Observable<CommentThreadView> {
    return this.http.delete<CommentThreadView>(`${comment(commentId)}/outcome`);
  }

  /** Toggles the reader's own reaction. */
  react(commentId: string, key: CommentReaction): Observable<CommentThreadView> {
    const request: CommentReactionRequest = { key };
    return this.http.post<CommentThreadView>(`${comment(commentId)}/reactions`, request);
  }

  /** Moderators (`comment.can.moderate`). */
  hide(commentId: string, request: HideCommentRequest): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${comment(commentId)}/hide`, request);
  }

  unhide(commentId: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${comment(commentId)}/unhide`, {});
  }

  /** Publishes a held comment (moderators). */
  approve(commentId: string): Observable<CommentThreadView> {
    return this.http.post<CommentThreadView>(`${comment(commentId)}/approve`, {});
  }

  /** Threads with held comments waiting for the reader as a moderator. */
  review(): Observable<CommentThreadList> {
    return this.http.get<CommentThreadList>('/api/comment-threads/review');
  }

  /** Open threads that involve the reader, with their outcomes. */
  inbox(): Observable<CommentInbox> {
    return this.http.get<CommentInbox>('/api/me/comment-inbox');
  }

  /** Members of a space who may see it, for `@` mentions; display names only. */
  mentionable(spaceId: string, query: string): Observable<MentionCandidate[]> {
    return this.http.get<MentionCandidate[]>(`/api/spaces/${encodeURIComponent(spaceId)}/mentionable`, {
      params: { q: query },
    });
  }
}
