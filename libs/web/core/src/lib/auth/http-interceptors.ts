import {
  HttpErrorResponse,
  HttpXsrfTokenExtractor,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthApi } from '../api/auth.api';
import { toApiError } from '../errors/api-error-message';
import { AuthStore } from './auth.store';

/**
 * Calls where a 401 is an answer, not an expired session: the login form shows
 * "wrong password" itself, and invitation pages are used while logged out.
 */
const OWN_401_HANDLING = [/^\/api\/auth\//, /^\/api\/invitations\/(preview|accept)/];

/** A session that expired while the app was open: forget the user and ask them to log in again. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const handledByCaller = OWN_401_HANDLING.some((pattern) => pattern.test(request.url));
      if (error instanceof HttpErrorResponse && error.status === 401 && !handledByCaller) {
        auth.clear();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * If the XSRF cookie was missing or rotated (e.g. after the server restarted),
 * fetch a fresh one and retry once, instead of failing the user's action.
 * The header is set here explicitly because Angular's XSRF interceptor ran before this one.
 */
export const csrfRetryInterceptor: HttpInterceptorFn = (request, next) => {
  if (!MUTATING.has(request.method)) return next(request);
  const authApi = inject(AuthApi);
  const tokens = inject(HttpXsrfTokenExtractor);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (toApiError(error)?.code !== 'csrf_invalid') return throwError(() => error);
      return authApi.csrf().pipe(
        switchMap(() => {
          const token = tokens.getToken();
          return next(token ? request.clone({ setHeaders: { 'X-XSRF-TOKEN': token } }) : request);
        }),
      );
    }),
  );
};
