import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@kehittamo/shared/domain';
import { AuthStore } from '../auth/auth.store';
import { I18nService } from './i18n.service';

const me: Me = {
  id: 'u1',
  email: 'kettu@example.fi',
  displayName: 'Kettu',
  realName: null,
  language: 'sv',
  memberships: [],
  isAdmin: false,
  canManage: false,
};

describe('I18nService', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('speaks Finnish by default and says so in <html lang>', () => {
    const i18n = TestBed.inject(I18nService);
    TestBed.tick();
    expect(i18n.language()).toBe('fi');
    expect(i18n.translate('app.skipToContent')).toBe('Siirry sisältöön');
    expect(document.documentElement.lang).toBe('fi');
  });

  it('remembers a choice made before login in localStorage', async () => {
    const i18n = TestBed.inject(I18nService);
    i18n.setLanguage('en');
    TestBed.tick();
    expect(localStorage.getItem('kehittamo.language')).toBe('en');
    // English is a lazy chunk: the page (and <html lang>) switch once it is in.
    await i18n.ready();
    TestBed.tick();
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.translate('nav.logout')).toBe('Sign out');
    http.expectNone('/api/auth/me');
  });

  it('starts in the remembered language, shown once its dictionary has loaded', async () => {
    localStorage.setItem('kehittamo.language', 'sv');
    const i18n = TestBed.inject(I18nService);
    expect(i18n.language()).toBe('sv');
    await i18n.ready();
    expect(i18n.translate('nav.logout')).toBe('Logga ut');
    expect(i18n.locale()).toBe('sv-FI');
  });

  it('follows the profile language after login and saves changes to the profile', () => {
    const i18n = TestBed.inject(I18nService);
    const auth = TestBed.inject(AuthStore);
    auth.set(me);
    expect(i18n.language()).toBe('sv');

    i18n.setLanguage('en');
    expect(i18n.language()).toBe('en');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ language: 'en' });
    request.flush({ ...me, language: 'en' });
    expect(auth.me()?.language).toBe('en');
  });

  it('keeps the language after logout', () => {
    const i18n = TestBed.inject(I18nService);
    const auth = TestBed.inject(AuthStore);
    auth.set(me);
    expect(i18n.language()).toBe('sv');
    auth.clear();
    expect(i18n.language()).toBe('sv');
  });
});
