import { DestroyRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import {
  COMMENT_EVENTS,
  type CommentThreadChangedEvent,
  type NotificationEvent,
  type NotificationView,
} from '@kehittamo/shared/domain';
import { filter, Subject, tap, type Observable } from 'rxjs';
import { NotificationApi } from '../api/notification.api';
import { AuthStore } from '../auth/auth.store';

/** The little of a Socket.IO client socket the store uses (a fake stands in for it in tests). */
export interface NotificationSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  disconnect(): unknown;
}

/**
 * Opens the app's Socket.IO connection: same origin, the session cookie authenticates, and the
 * server puts the socket in the user's and spaces' rooms. `socket.io-client` is imported on demand
 * so it stays out of the initial bundle (the login page never needs it).
 */
export const NOTIFICATION_SOCKET_FACTORY = new InjectionToken<() => Promise<NotificationSocket>>(
  'NOTIFICATION_SOCKET_FACTORY',
  {
    providedIn: 'root',
    factory: () => () =>
      import('socket.io-client').then(
        ({ io }) =>
          io({ path: '/socket.io', transports: ['websocket'], withCredentials: true }) as unknown as NotificationSocket,
      ),
  },
);

/** Without a live socket, page changes refresh the unread count at most this often. */
const FALLBACK_REFRESH_MS = 15_000;

/**
 * Notifications and comment changes for the logged-in user: the unread count for the navigation,
 * new notifications as they come, and "a thread changed" so open comment panels refetch.
 *
 * Connects one socket while someone is logged in (`AuthStore.me`) and closes it on logout or when
 * another user logs in. A socket that cannot connect is never an error the user sees: the count
 * is then refreshed over HTTP on page changes, and Socket.IO keeps retrying in the background.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStore {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(NotificationApi);
  private readonly createSocket = inject(NOTIFICATION_SOCKET_FACTORY);

  private readonly unreadCount = signal(0);
  private readonly liveState = signal(false);
  private readonly threadChanges = new Subject<CommentThreadChangedEvent>();
  private readonly notifications = new Subject<NotificationView>();
  private socket: NotificationSocket | null = null;
  private userId: string | null = null;
  /** Bumped on every login/logout so a socket that arrives late for an old user is closed at once. */
  private generation = 0;
  private lastRefresh = 0;

  /** Unread notifications of the logged-in user (0 when logged out). */
  readonly unread = this.unreadCount.asReadonly();
  /** True while the socket is connected (events arrive as they happen). */
  readonly live = this.liveState.asReadonly();
  /** A thread the user may see changed (new comment, edit, outcome, moderation, resolve …). */
  readonly threadChanged: Observable<CommentThreadChangedEvent> = this.threadChanges.asObservable();
  /** A new notification for the user, as it arrives. */
  readonly notificationReceived: Observable<NotificationView> = this.notifications.asObservable();

  constructor() {
    effect(() => {
      const userId = this.auth.me()?.id ?? null;
      untracked(() => this.follow(userId));
    });
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.userId && !this.liveState() && Date.now() - this.lastRefresh > FALLBACK_REFRESH_MS) this.refresh();
      });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Reloads the unread count over HTTP; failures keep the last known count. */
  refresh(): void {
    if (!this.userId) return;
    this.lastRefresh = Date.now();
    const generation = this.generation;
    this.api.list(1).subscribe({
      next: (list) => {
        if (generation === this.generation) this.unreadCount.set(list.unread);
      },
      error: () => undefined,
    });
  }

  /** Marks the given notifications (or all) read and takes the server's new unread count. */
  markRead(ids?: readonly string[]): Observable<{ unread: number }> {
    return this.api.markRead(ids).pipe(tap(({ unread }) => this.unreadCount.set(unread)));
  }

  /** For a page that loaded the list itself (the inbox): its count is the newest. */
  setUnread(count: number): void {
    this.unreadCount.set(count);
  }

  private follow(userId: string | null): void {
    if (userId === this.userId) return;
    this.stop();
    if (!userId) return;
    this.userId = userId;
    this.refresh();
    void this.connect(this.generation);
  }

  private async connect(generation: number): Promise<void> {
    let socket: NotificationSocket;
    try {
      socket = await this.createSocket();
    } catch {
      return; // e.g. the chunk could not be loaded: stay on the HTTP fallback
    }
    if (generation !== this.generation) {
      socket.disconnect();
      return;
    }
    this.socket = socket;
    let connectedBefore = false;
    socket.on('connect', () => {
      this.liveState.set(true);
      // After a gap, events may have been missed.
      if (connectedBefore) this.refresh();
      connectedBefore = true;
    });
    socket.on('disconnect', () => this.liveState.set(false));
    socket.on('connect_error', () => this.liveState.set(false));
    socket.on(COMMENT_EVENTS.notification, (event: NotificationEvent) => {
      if (generation !== this.generation) return;
      this.unreadCount.set(event.unread);
      this.notifications.next(event.notification);
    });
    socket.on(COMMENT_EVENTS.threadChanged, (event: CommentThreadChangedEvent) => {
      if (generation === this.generation) this.threadChanges.next(event);
    });
    if (socket.connected) this.liveState.set(true);
  }

  private stop(): void {
    this.generation++;
    this.socket?.disconnect();
    this.socket = null;
    this.userId = null;
    this.liveState.set(false);
    this.unreadCount.set(0);
  }
}
