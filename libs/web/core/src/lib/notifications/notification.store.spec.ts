import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  COMMENT_EVENTS,
  type CommentThreadChangedEvent,
  type Me,
  type NotificationEvent,
  type NotificationView,
} from '@kehittamo/shared/domain';
import { AuthStore } from '../auth/auth.store';
import { NOTIFICATION_SOCKET_FACTORY, NotificationStore, type NotificationSocket } from './notification.store';

class FakeSocket implements NotificationSocket {
  connected = false;
  disconnected = false;
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();

  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    return this;
  }
  serverSends(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

const me = (id: string): Me => ({
  id,
  email: `${id}@example.fi`,
  displayName: id,
  realName: null,
  language: 'fi',
  memberships: [],
  isAdmin: false,
  canManage: false,
});

const notification: NotificationView = {
  id: 'n1',
  kind: 'reply',
  threadId: 't1',
  commentId: 'c2',
  actorName: 'Kettu',
  targetTitle: 'Perhekeskus',
  excerpt: 'Hyvä ajatus',
  outcome: null,
  link: '/models/m1?thread=t1',
  createdAt: new Date().toISOString(),
  readAt: null,
};

describe('NotificationStore', () => {
  let sockets: FakeSocket[];
  let socketsFail: boolean;
  let http: HttpTestingController;

  beforeEach(() => {
    sockets = [];
    socketsFail = false;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: NOTIFICATION_SOCKET_FACTORY,
          useValue: () => {
            if (socketsFail) return Promise.reject(new Error('offline'));
            const socket = new FakeSocket();
            sockets.push(socket);
            return Promise.resolve(socket);
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('opens no connection and asks nothing while nobody is logged in', async () => {
    const store = TestBed.inject(NotificationStore);
    TestBed.tick();
    await Promise.resolve();
    expect(sockets).toEqual([]);
    expect(store.unread()).toBe(0);
  });

  it('after login takes the unread count over HTTP, then follows socket events; logout closes the socket', async () => {
    const store = TestBed.inject(NotificationStore);
    const auth = TestBed.inject(AuthStore);
    auth.set(me('u1'));
    TestBed.tick();
    http.expectOne('/api/notifications?limit=1').flush({ notifications: [], unread: 2 });
    expect(store.unread()).toBe(2);
    await Promise.resolve();
    expect(sockets).toHaveLength(1);

    const received: NotificationView[] = [];
    const changed: CommentThreadChangedEvent[] = [];
    store.notificationReceived.subscribe((value) => received.push(value));
    store.threadChanged.subscribe((value) => changed.push(value));
    sockets[0].serverSends(COMMENT_EVENTS.notification, { notification, unread: 3 } satisfies NotificationEvent);
    sockets[0].serverSends(COMMENT_EVENTS.threadChanged, { threadId: 't1', target: { kind: 'model', id: 'm1' } });
    expect(store.unread()).toBe(3);
    expect(received).toEqual([notification]);
    expect(changed).toEqual([{ threadId: 't1', target: { kind: 'model', id: 'm1' } }]);

    auth.clear();
    TestBed.tick();
    expect(sockets[0].disconnected).toBe(true);
    expect(store.unread()).toBe(0);
  });

  it('stays quiet when the socket cannot be opened, and marks read through the API', async () => {
    socketsFail = true;
    const store = TestBed.inject(NotificationStore);
    TestBed.inject(AuthStore).set(me('u1'));
    TestBed.tick();
    http.expectOne('/api/notifications?limit=1').flush({ notifications: [], unread: 5 });
    await Promise.resolve();
    expect(store.live()).toBe(false);

    store.markRead().subscribe();
    const request = http.expectOne('/api/notifications/read');
    expect(request.request.body).toEqual({});
    request.flush({ unread: 0 });
    expect(store.unread()).toBe(0);
  });
});
