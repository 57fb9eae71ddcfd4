import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import type { Me } from '@kehittamo/shared/domain';
import { AuthStore, NOTIFICATION_SOCKET_FACTORY } from '@kehittamo/web/core';
import { provideKehittamoUi } from '@kehittamo/web/ui';
import { App } from './app';
import { appRoutes } from './app.routes';

const coordinator: Me = {
  id: 'u1',
  email: 'koordinaattori@example.fi',
  displayName: 'Kirsi K.',
  realName: null,
  language: 'fi',
  memberships: [],
  isAdmin: false,
  canManage: true,
};

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let page: HTMLElement;

  async function open(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideKehittamoUi(),
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        // No real socket in unit tests: the store falls back to HTTP as it would offline.
        { provide: NOTIFICATION_SOCKET_FACTORY, useValue: () => Promise.reject(new Error('no socket in tests')) },
      ],
    });
    fixture = TestBed.createComponent(App);
    page = fixture.nativeElement as HTMLElement;
  });

  it('shows the login page in Finnish with a skip link, a labelled language choice and a page title', async () => {
    await open('/login');

    expect(page.querySelector('.skip-link')?.textContent?.trim()).toBe('Siirry sisältöön');
    expect(page.querySelector('main#main h1')?.textContent?.trim()).toBe('Kirjaudu sisään');
    expect(page.querySelector('label[for="lang-select"]')?.textContent?.trim()).toBe('Kieli');
    for (const testId of ['lang-select', 'login-email', 'login-password', 'login-submit', 'login-forgot']) {
      expect(page.querySelector(`[data-testid="${testId}"]`), testId).not.toBeNull();
    }
    expect(document.title).toBe('Kirjaudu sisään – Kehittämö');
    expect(page.querySelector('nav')).toBeNull(); // no navigation before login
  });

  it('switches language from the header select', async () => {
    await open('/login');
    const select = page.querySelector<HTMLSelectElement>('#lang-select');
    select!.value = 'sv';
    select!.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Logga in');
    expect(document.documentElement.lang).toBe('sv');
    expect(document.title).toBe('Logga in – Kehittämö');
  });

  it('sends a visitor who opens a protected page to login, remembering the page', async () => {
    await open('/spaces');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fspaces');
  });

  it('gives managers their navigation and a menu button that reports its state', async () => {
    TestBed.inject(AuthStore).set(coordinator);
    await open('/profile');

    const links = Array.from(page.querySelectorAll('nav a')).map((link) => link.getAttribute('data-testid'));
    expect(links).toEqual([
      'nav-spaces',
      'nav-models',
      'nav-materials',
      'nav-progress',
      'nav-workshops',
      'nav-inbox',
      'nav-organisations',
      'nav-audit',
      'nav-profile',
    ]);
    expect(page.querySelector('nav a[aria-current="page"]')?.getAttribute('data-testid')).toBe('nav-profile');

    // The unread count comes over HTTP after login and is said in words to screen readers.
    TestBed.inject(HttpTestingController).expectOne('/api/notifications?limit=1').flush({ notifications: [], unread: 3 });
    await fixture.whenStable();
    const inbox = page.querySelector('[data-testid="nav-inbox"]')!;
    expect(inbox.querySelector('[data-testid="nav-inbox-count"]')?.textContent?.trim()).toBe('3');
    expect(inbox.querySelector('.kh-visually-hidden')?.textContent?.trim()).toBe('(3 lukematonta)');
    expect(inbox.textContent).toContain('Saapuneet');

    const toggle = page.querySelector<HTMLButtonElement>('[data-testid="nav-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(page.querySelector('[data-testid="logout"]')).not.toBeNull();
    TestBed.inject(HttpTestingController).verify();
  });
});
