import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommentThreadView, CommentView } from '@kehittamo/shared/domain';
import { CommentThreadComponent } from './comment-thread.component';

const can = { edit: false, withdraw: false, moderate: false, decide: false, react: true };
const comment = (id: string, changes: Partial<CommentView> = {}): CommentView => ({
  id,
  threadId: 't1',
  authorName: 'Kettu',
  expertBadge: false,
  mine: false,
  body: 'Hyvä kohta.',
  visibility: 'space',
  state: 'published',
  hiddenReason: null,
  createdAt: '2025-03-01T10:00:00.000Z',
  editedAt: null,
  reactions: [],
  outcome: null,
  can,
  ...changes,
});

const thread = (comments: CommentView[], changes: Partial<CommentThreadView> = {}): CommentThreadView => ({
  id: 't1',
  spaceId: 's1',
  target: { kind: 'model', id: 'm1', part: 'section:basicIdea' },
  targetTitle: 'Perhekeskus',
  anchor: { start: 'a', end: 'b', quote: 'Perustehtävä on tukea perhettä.' },
  status: 'open',
  resolvedBy: null,
  resolvedAt: null,
  private: false,
  createdAt: '2025-03-01T10:00:00.000Z',
  lastActivityAt: '2025-03-01T10:00:00.000Z',
  link: '/models/m1',
  comments,
  can: { reply: true, resolve: false },
  ...changes,
});

describe('CommentThreadComponent', () => {
  let fixture: ComponentFixture<CommentThreadComponent>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let changed: CommentThreadView[];

  async function render(value: CommentThreadView): Promise<void> {
    fixture.componentRef.setInput('thread', value);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CommentThreadComponent);
    fixture.componentRef.setInput('spaceId', 's1');
    changed = [];
    fixture.componentInstance.changed.subscribe((value) => changed.push(value));
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('shows the quote, the badge, "only facilitators", "waiting for review" and the outcome in words', async () => {
    await render(
      thread([
        comment('c1', {
          expertBadge: true,
          visibility: 'facilitators',
          outcome: {
            kind: 'changed',
            reason: 'Lisäsimme esimerkin.',
            decidedBy: 'Kehittäjä',
            decidedAt: '2025-03-02T10:00:00.000Z',
            version: { id: 'v3', number: 3, name: 'Kevät' },
          },
        }),
        comment('c2', { state: 'held', authorName: 'Minä', mine: true }),
      ]),
    );

    expect(page.querySelector('[data-testid="thread-quote"]')?.textContent).toBe('Perustehtävä on tukea perhettä.');
    expect(page.querySelector('[data-testid="comment-expert-badge"]')?.textContent?.trim()).toBe('Kokemusasiantuntija');
    expect(page.querySelector('[data-testid="comment-facilitators-only"]')?.textContent?.trim()).toBe(
      'Vain ohjaajille ja koordinaattoreille',
    );
    expect(page.querySelector('[data-testid="comment-held"]')?.textContent?.trim()).toBe('Odottaa tarkistusta');
    const outcome = page.querySelector<HTMLElement>('[data-testid="comment-outcome"]')!;
    expect(outcome.textContent).toContain('Sinä sanoit, me teimme');
    expect(outcome.textContent).toContain('Muutettu');
    expect(outcome.textContent).toContain('Lisäsimme esimerkin.');
    expect(outcome.querySelector('a')?.getAttribute('href')).toBe('/models/m1/versions');
  });

  it('toggles a reaction as a pressed button with a text label, and passes the new thread up', async () => {
    await render(thread([comment('c1', { reactions: [{ key: 'heart', count: 2, mine: true }] })]));

    const heart = page.querySelector<HTMLButtonElement>('[data-reaction="heart"]')!;
    expect(heart.getAttribute('aria-pressed')).toBe('true');
    expect(heart.getAttribute('aria-label')).toBe('Sydän, 2');
    const thumbs = page.querySelector<HTMLButtonElement>('[data-reaction="thumbs-up"]')!;
    expect(thumbs.getAttribute('aria-pressed')).toBe('false');

    thumbs.click();
    const request = backend.expectOne('/api/comments/c1/reactions');
    expect(request.request.body).toEqual({ key: 'thumbs-up' });
    const after = thread([comment('c1', { reactions: [{ key: 'thumbs-up', count: 1, mine: true }] })]);
    request.flush(after);
    expect(changed).toEqual([after]);
  });

  it('lets a moderator approve a held comment', async () => {
    await render(thread([comment('c1', { state: 'held', can: { ...can, moderate: true } })]));

    page.querySelector<HTMLButtonElement>('[data-testid="comment-approve"]')!.click();
    const request = backend.expectOne('/api/comments/c1/approve');
    expect(request.request.method).toBe('POST');
    request.flush(thread([comment('c1')]));
    expect(changed).toHaveLength(1);
  });
});
