import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NotificationList, NotificationSettings, NotificationView } from '@kehittamo/shared/domain';
import { InboxPage } from './inbox.page';

const notification = (id: string, readAt: string | null): NotificationView => ({
  id,
  kind: 'outcome',
  threadId: 't1',
  commentId: 'c1',
  actorName: 'Kehittäjä',
  targetTitle: 'Perhekeskus',
  excerpt: null,
  outcome: 'accepted',
  link: '/models/m1?thread=t1',
  createdAt: '2025-03-01T10:00:00.000Z',
  readAt,
});

describe('InboxPage', () => {
  let fixture: ComponentFixture<InboxPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  async function render(settings: NotificationSettings): Promise<void> {
    fixture = TestBed.createComponent(InboxPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/notifications?limit=50').flush({
      notifications: [notification('n1', null), notification('n2', '2025-03-02T10:00:00.000Z')],
      unread: 1,
    } satisfies NotificationList);
    backend.expectOne('/api/me/comment-inbox').flush({ threads: [] });
    backend.expectOne('/api/comment-threads/review').flush({ threads: [] });
    backend.expectOne('/api/me/notification-settings').flush(settings);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('marks unread notifications in words, links each to its page and can mark all read', async () => {
    await render({ email: 'daily', emailAvailable: true });

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Omat kommentit ja ilmoitukset');
    const items = Array.from(page.querySelectorAll<HTMLElement>('[data-testid="inbox-notification"]'));
    expect(items.map((item) => item.querySelector('.kh-badge')?.textContent?.trim() ?? null)).toEqual(['Uusi', null]);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/models/m1?thread=t1');
    expect(items[0].textContent).toContain('Otettu käyttöön');
    expect(page.querySelector('[data-testid="inbox-review"]')).toBeNull(); // nothing to review, not a coordinator

    page.querySelector<HTMLButtonElement>('[data-testid="inbox-mark-all-read"]')!.click();
    const read = backend.expectOne('/api/notifications/read');
    expect(read.request.body).toEqual({});
    read.flush({ unread: 0 });
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="inbox-notification"] .kh-badge')).toBeNull();
    expect(page.querySelector('[data-testid="inbox-unread"]')?.textContent?.trim()).toBe('Lukemattomia: 0');
  });

  it('saves the e-mail choice when it is chosen', async () => {
    await render({ email: 'daily', emailAvailable: true });
    expect(page.querySelector<HTMLInputElement>('[data-testid="inbox-email-daily"]')!.checked).toBe(true);

    page.querySelector<HTMLInputElement>('[data-testid="inbox-email-off"]')!.click();
    const save = backend.expectOne('/api/me/notification-settings');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ email: 'off' });
    save.flush({ email: 'off', emailAvailable: true });
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="notice"]')?.textContent?.trim()).toBe('Valinta tallennettu.');
  });

  it('says clearly when the server sends no e-mail, and disables the choice', async () => {
    await render({ email: 'off', emailAvailable: false });

    expect(page.querySelector('[data-testid="inbox-email-unavailable"]')?.textContent?.trim()).toBe(
      'Sähköposti-ilmoitukset eivät ole käytössä tässä palvelussa.',
    );
    expect(page.querySelector<HTMLFieldSetElement>('[data-testid="inbox-email-settings"]')!.disabled).toBe(true);
  });
});
