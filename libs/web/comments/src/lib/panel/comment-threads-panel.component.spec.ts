import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal, type WritableSignal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommentThreadChangedEvent, CommentThreadList, CommentThreadView } from '@kehittamo/shared/domain';
import { NotificationStore } from '@kehittamo/web/core';
import { Subject } from 'rxjs';
import { CommentThreadsPanelComponent } from './comment-threads-panel.component';

const thread = (id: string, part: string | null): CommentThreadView => ({
  id,
  spaceId: 's1',
  target: { kind: 'model', id: 'm1', part },
  targetTitle: 'Perhekeskus',
  anchor: null,
  status: 'open',
  resolvedBy: null,
  resolvedAt: null,
  private: false,
  createdAt: '2025-03-01T10:00:00.000Z',
  lastActivityAt: '2025-03-01T10:00:00.000Z',
  link: '/models/m1',
  comments: [
    {
      id: `${id}-c1`,
      threadId: id,
      authorName: 'Kettu',
      expertBadge: false,
      mine: false,
      body: 'Hyvä.',
      visibility: 'space',
      state: 'published',
      hiddenReason: null,
      createdAt: '2025-03-01T10:00:00.000Z',
      editedAt: null,
      reactions: [],
      outcome: null,
      can: { edit: false, withdraw: false, moderate: false, decide: false, react: false },
    },
  ],
  can: { reply: false, resolve: false },
});

describe('CommentThreadsPanelComponent', () => {
  let fixture: ComponentFixture<CommentThreadsPanelComponent>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let changes: Subject<CommentThreadChangedEvent>;
  let live: WritableSignal<boolean>;
  let shown: CommentThreadView[][];

  const listRequest = () => backend.expectOne((request) => request.url === '/api/comment-threads');

  beforeEach(async () => {
    localStorage.clear();
    changes = new Subject();
    live = signal(true);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: NotificationStore, useValue: { threadChanged: changes.asObservable(), live: live.asReadonly() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CommentThreadsPanelComponent);
    fixture.componentRef.setInput('spaceId', 's1');
    fixture.componentRef.setInput('target', { kind: 'model', id: 'm1', part: 'section:basicIdea' });
    shown = [];
    fixture.componentInstance.threadsChanged.subscribe((threads) => shown.push(threads));
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('loads the open threads of the target, shows those of its part, and reports them', async () => {
    const request = listRequest();
    expect(request.request.params.get('kind')).toBe('model');
    expect(request.request.params.get('id')).toBe('m1');
    expect(request.request.params.get('status')).toBe('open');
    request.flush({
      threads: [thread('t1', 'section:basicIdea'), thread('t2', 'section:tips')],
      can: { comment: true, moderate: false },
    } satisfies CommentThreadList);
    await fixture.whenStable();

    expect(page.querySelector('h2')?.textContent?.trim()).toBe('Kommentit');
    expect(Array.from(page.querySelectorAll('[data-testid="comment-thread"]')).map((el) => el.getAttribute('data-thread-id'))).toEqual(['t1']);
    expect(shown.at(-1)?.map((t) => t.id)).toEqual(['t1']);
    expect(page.querySelector('[data-testid="comment-composer"]')).not.toBeNull();
  });

  it('opens a thread about the pending text range and then reports the anchor used', async () => {
    listRequest().flush({ threads: [], can: { comment: true, moderate: false } });
    fixture.componentRef.setInput('pendingAnchor', { start: 'AQ==', end: 'Ag==', quote: 'perhettä tuetaan' });
    let used = 0;
    fixture.componentInstance.anchorUsed.subscribe(() => used++);
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="comment-pending-quote"]')?.textContent).toBe('perhettä tuetaan');

    const input = page.querySelector<HTMLTextAreaElement>('[data-testid="comment-input"]')!;
    input.value = 'Tämä on tärkeää.';
    input.dispatchEvent(new InputEvent('input'));
    page.querySelector<HTMLButtonElement>('[data-testid="comment-send"]')!.click();
    const create = backend.expectOne('/api/comment-threads');
    expect(create.request.body).toEqual({
      body: 'Tämä on tärkeää.',
      visibility: 'space', // no badge choice: not an experience expert
      target: { kind: 'model', id: 'm1', part: 'section:basicIdea' },
      anchor: { start: 'AQ==', end: 'Ag==', quote: 'perhettä tuetaan' },
    });
    create.flush(thread('t3', 'section:basicIdea'));
    await fixture.whenStable();

    expect(used).toBe(1);
    expect(input.value).toBe('');
    expect(page.querySelectorAll('[data-testid="comment-thread"]')).toHaveLength(1);
  });

  it('reloads when a thread of this target changes elsewhere, not for other targets', async () => {
    listRequest().flush({ threads: [] });
    changes.next({ threadId: 'x', target: { kind: 'model', id: 'other' } });
    changes.next({ threadId: 't9', target: { kind: 'model', id: 'm1', part: 'section:tips' } });
    await new Promise((resolve) => setTimeout(resolve, 350));
    listRequest().flush({ threads: [] });
  });

  it('reloads once the notification socket is back after it was away, when changes may have been missed', async () => {
    listRequest().flush({ threads: [] });
    live.set(false);
    await fixture.whenStable();
    backend.expectNone((request) => request.url === '/api/comment-threads');
    live.set(true);
    await fixture.whenStable();
    listRequest().flush({ threads: [] });
  });
});
