import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import type { CommentThreadList, CommentThreadView } from '@kehittamo/shared/domain';
import { AuthStore, CommentApi, NotificationStore, remote, TranslatePipe, type Remote } from '@kehittamo/web/core';
import { CommentThreadComponent } from '@kehittamo/web/comments';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { debounceTime, filter } from 'rxjs';
import { InboxNotificationsComponent } from './notifications/inbox-notifications.component';
import { EmailSettingsComponent } from './settings/email-settings.component';

/** Several change events in a burst cause one reload. */
const RELOAD_DEBOUNCE_MS = 500;

/**
 * "My comments and notifications", one column on every screen: notifications, the open
 * discussions that involve the user (with "you said, we did" in each of their comments),
 * comments waiting for the user's review as a moderator, and the e-mail choice.
 */
@Component({
  selector: 'kh-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent, CommentThreadComponent, InboxNotificationsComponent, EmailSettingsComponent],
  templateUrl: './inbox.page.html',
  styleUrl: './inbox.page.scss',
})
export class InboxPage {
  private readonly api = inject(CommentApi);
  private readonly auth = inject(AuthStore);

  protected readonly threads = remote({ params: () => true, load: () => this.api.inbox() });
  protected readonly review = remote({ params: () => true, load: () => this.api.review() });
  /** Words searched in every comment the user may see (in all their spaces), resolved threads too. */
  protected readonly query = signal('');
  protected readonly found = remote({
    params: () => this.query() || undefined,
    load: (q: string) => this.api.list({ q, status: 'all' }),
  });
  /** Coordinators always see the section (an empty list is news too); others only when something waits. */
  protected readonly showReview = computed(() => this.auth.canManage() || (this.review.value()?.threads.length ?? 0) > 0);

  constructor() {
    const store = inject(NotificationStore);
    store.threadChanged
      .pipe(
        filter((event) => this.has(this.threads.value()?.threads, event.threadId)),
        debounceTime(RELOAD_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.threads.reload());
    store.notificationReceived
      .pipe(
        filter((notification) => notification.kind === 'review'),
        debounceTime(RELOAD_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.review.reload());
    store.notificationReceived
      .pipe(
        filter((notification) => notification.kind !== 'review'),
        debounceTime(RELOAD_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.threads.reload());
  }

  protected search(event: Event, field: HTMLInputElement): void {
    event.preventDefault();
    this.query.set(field.value.trim());
  }

  protected replaceThread(thread: CommentThreadView): void {
    this.threads.update((inbox) => ({ threads: inbox.threads.map((known) => (known.id === thread.id ? thread : known)) }));
  }

  /** A reviewed thread leaves the list once nothing in it waits any more. */
  protected replaceReviewed(thread: CommentThreadView): void {
    this.replaceIn(this.review, thread, (changed) => changed.comments.some((comment) => comment.state === 'held'));
  }

  private replaceIn(list: Remote<CommentThreadList>, thread: CommentThreadView, keep: (thread: CommentThreadView) => boolean): void {
    list.update((value) => ({
      ...value,
      threads: value.threads.flatMap((known) => (known.id !== thread.id ? [known] : keep(thread) ? [thread] : [])),
    }));
  }

  private has(threads: readonly CommentThreadView[] | undefined, threadId: string): boolean {
    return threads?.some((thread) => thread.id === threadId) ?? false;
  }
}
