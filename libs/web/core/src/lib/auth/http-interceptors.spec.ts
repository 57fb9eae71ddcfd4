import { HttpClient, provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ApiError, Me } from '@kehittamo/shared/domain';
import { AuthStore } from './auth.store';
import { csrfRetryInterceptor, sessionExpiredInterceptor } from './http-interceptors';

const unauthenticated: ApiError = { statusCode: 401, code: 'unauthenticated', message: 'Login required' };

describe('HTTP interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let auth: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withXsrfConfiguration({}), withInterceptors([csrfRetryInterceptor, sessionExpiredInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    auth = TestBed.inject(AuthStore);
    auth.set({ id: 'u1', displayName: 'Kettu' } as Me);
    vi.spyOn(router, 'url', 'get').mockReturnValue('/spaces/s1');
  });

  afterEach(() => backend.verify());

  it('sends the user to /login (and back afterwards) when the session has expired', () => {
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    http.get('/api/spaces').subscribe({ error: () => undefined });
    backend.expectOne('/api/spaces').flush(unauthenticated, { status: 401, statusText: 'Unauthorized' });

    expect(auth.me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/spaces/s1' } });
  });

  it('leaves a wrong password to the login form', () => {
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    http.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/auth/login')
      .flush({ ...unauthenticated, code: 'invalid_credentials' }, { status: 401, statusText: 'Unauthorized' });

    expect(navigate).not.toHaveBeenCalled();
    expect(auth.me()).not.toBeNull();
  });

  it('fetches a fresh CSRF cookie and retries a mutating request once', () => {
    let answer: unknown;
    http.post('/api/spaces', { name: 'x' }).subscribe((body) => (answer = body));
    backend
      .expectOne('/api/spaces')
      .flush({ statusCode: 403, code: 'csrf_invalid', message: 'bad token' }, { status: 403, statusText: 'Forbidden' });
    backend.expectOne('/api/auth/csrf').flush({});
    backend.expectOne('/api/spaces').flush({ id: 's2' });

    expect(answer).toEqual({ id: 's2' });
  });
});
