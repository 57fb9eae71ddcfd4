import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/** Login, password recovery, invitations and the profile. Each page is its own chunk. */
export const authRoutes: Routes = [
  {
    path: 'login',
    title: pageTitle('login.title'),
    canActivate: [guestGuard],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'forgot-password',
    title: pageTitle('forgotPassword.title'),
    loadComponent: () => import('./forgot-password/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: pageTitle('resetPassword.title'),
    loadComponent: () => import('./reset-password/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'invitation',
    title: pageTitle('invitation.title'),
    loadComponent: () => import('./invitation/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'profile',
    title: pageTitle('profile.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./profile/profile.page').then((m) => m.ProfilePage),
  },
];
