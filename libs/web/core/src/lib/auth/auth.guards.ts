import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthStore } from './auth.store';
import { HOME_URL } from './safe-return-url';

/** Pages for logged-in users. Others go to /login and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) =>
  inject(AuthStore).isLoggedIn() ||
  inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });

/** Pages for coordinators and admins (members, invitations, audit log). */
export const manageGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (!auth.isLoggedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  return auth.canManage() || router.parseUrl(HOME_URL);
};

/** The login page is pointless when already logged in. */
export const guestGuard: CanActivateFn = () =>
  !inject(AuthStore).isLoggedIn() || inject(Router).parseUrl(HOME_URL);
