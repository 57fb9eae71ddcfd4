import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink, type UrlTree } from '@angular/router';
import type { NotificationView } from '@kehittamo/shared/domain';
import {
  DateTimePipe,
  I18nService,
  LabelPipe,
  NotificationApi,
  NotificationStore,
  remote,
  TranslatePipe,
} from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';

/** How many of the newest notifications the page shows. */
export const INBOX_NOTIFICATION_LIMIT = 50;

interface Row {
  notification: NotificationView;
  /** Only paths inside the app become links. */
  link: UrlTree | null;
}

/**
 * The newest notifications, unread ones marked with a "New" badge and a thick border (not by colour
 * alone). New ones arrive live from the `NotificationStore`. Opening one marks it read; "mark all
 * read" clears the count in the navigation too.
 */
@Component({
  selector: 'kh-inbox-notifications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, RouterLink, TranslatePipe, LabelPipe, DateTimePipe, ErrorMessageComponent],
  template: `
    <div class="kh-inbox-bar">
      <p role="status" data-testid="inbox-unread">
        @if (list.value()) {
          {{ 'inbox.unreadCount' | t: { count: store.unread() } }}
        }
      </p>
      @if (store.unread() > 0) {
        <button matButton="outlined" type="button" data-testid="inbox-mark-all-read" (click)="markAllRead()">
          {{ 'inbox.markAllRead' | t }}
        </button>
      }
    </div>
    <kh-error-message [error]="list.error() ?? error()" />
    @if (list.loading() && !list.value()) {
      <p>{{ 'common.loading' | t }}</p>
    }
    @if (list.value()) {
      <ul class="kh-inbox-notifications" data-testid="inbox-notifications">
        @for (row of rows(); track row.notification.id) {
          @let n = row.notification;
          <li class="kh-inbox-notification" [class.kh-inbox-notification--unread]="!n.readAt" data-testid="inbox-notification">
            <p class="kh-inbox-notification__title">
              @if (!n.readAt) {
                <span class="kh-badge kh-inbox-notification__new">{{ 'inbox.new' | t }}</span>
              }
              @if (row.link) {
                <a [routerLink]="row.link" (click)="opened(n)">{{ n.kind | label: 'notificationKinds' }}: {{ n.targetTitle }}</a>
              } @else {
                {{ n.kind | label: 'notificationKinds' }}: {{ n.targetTitle }}
              }
            </p>
            <p class="kh-muted kh-inbox-notification__meta">
              @if (n.actorName) {
                <span>{{ n.actorName }}</span>
              }
              <time [attr.datetime]="n.createdAt">{{ n.createdAt | dateTime }}</time>
            </p>
            @if (n.outcome) {
              <p class="kh-inbox-notification__outcome">
                {{ 'commentThread.outcomeHeading' | t }}: <strong>{{ n.outcome | label: 'commentOutcomes' }}</strong>
              </p>
            }
            @if (n.excerpt) {
              <p class="kh-inbox-notification__excerpt">{{ n.excerpt }}</p>
            }
          </li>
        } @empty {
          <li>{{ 'inbox.noNotifications' | t }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .kh-inbox-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .kh-inbox-bar p {
      margin: 0;
    }
    .kh-inbox-notifications {
      display: grid;
      gap: 0.75rem;
      margin: 1rem 0 0;
      padding: 0;
      list-style: none;
    }
    .kh-inbox-notification {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .kh-inbox-notification p {
      margin: 0 0 0.25rem;
    }
    .kh-inbox-notification--unread {
      border: 2px solid var(--mat-sys-primary);
      border-inline-start-width: 6px;
      background: var(--mat-sys-surface);
    }
    .kh-inbox-notification__title {
      font-weight: 700;
    }
    .kh-inbox-notification__title a {
      display: inline-block;
      padding-block: 0.625rem;
    }
    .kh-inbox-notification__new {
      margin-inline-end: 0.5rem;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      border-color: var(--mat-sys-primary);
    }
    .kh-inbox-notification__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }
    .kh-inbox-notification__excerpt {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class InboxNotificationsComponent {
  private readonly api = inject(NotificationApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly store = inject(NotificationStore);

  protected readonly list = remote({ params: () => INBOX_NOTIFICATION_LIMIT, load: (limit: number) => this.api.list(limit) });
  protected readonly error = signal<unknown>(null);
  protected readonly rows = computed<Row[]>(() =>
    (this.list.value()?.notifications ?? []).map((notification) => ({
      notification,
      link: notification.link.startsWith('/') && !notification.link.startsWith('//') ? this.router.parseUrl(notification.link) : null,
    })),
  );

  constructor() {
    // The list's count is the newest one; the navigation shows the same.
    effect(() => {
      const list = this.list.value();
      if (list) untracked(() => this.store.setUnread(list.unread));
    });
    this.store.notificationReceived.pipe(takeUntilDestroyed()).subscribe((notification) =>
      this.list.update((list) => ({
        notifications: [notification, ...list.notifications.filter((known) => known.id !== notification.id)],
        unread: this.store.unread(),
      })),
    );
  }

  protected opened(notification: NotificationView): void {
    if (notification.readAt) return;
    this.store.markRead([notification.id]).subscribe({
      next: ({ unread }) => {
        const now = new Date().toISOString();
        this.list.update((list) => ({
          notifications: list.notifications.map((known) => (known.id === notification.id ? { ...known, readAt: now } : known)),
          unread,
        }));
      },
      error: () => undefined, // it stays unread; nothing is lost
    });
  }

  protected markAllRead(): void {
    this.error.set(null);
    this.store.markRead().subscribe({
      next: () => {
        const now = new Date().toISOString();
        this.list.update((list) => ({
          notifications: list.notifications.map((notification) => ({ ...notification, readAt: notification.readAt ?? now })),
          unread: 0,
        }));
        void this.announcer.announce(this.i18n.translate('inbox.allRead'), 'polite');
      },
      error: (failure: unknown) => this.error.set(failure),
    });
  }
}
