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

  it('remembers a choice made before login in localStorage', () => {
    TestBed.inject(I18nService).setLanguage('en');
    TestBed.tick();
    expect(localStorage.getItem('kehittamo.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    http.expectNone('/api/auth/me');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem('kehittamo.language', 'sv');
    expect(TestBed.inject(I18nService).translate('nav.logout')).toBe('Logga ut');
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
