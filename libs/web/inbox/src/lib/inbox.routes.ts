import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/** The user's own notifications, discussions, comments to review and e-mail choice. */
export const inboxRoutes: Routes = [
  {
    path: 'inbox',
    title: pageTitle('inbox.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./inbox.page').then((m) => m.InboxPage),
  },
];
