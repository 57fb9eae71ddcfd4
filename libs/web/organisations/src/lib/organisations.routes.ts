import type { Routes } from '@angular/router';
import { authGuard, manageGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/** Spaces (the home page), organisation administration and the audit log. */
export const organisationsRoutes: Routes = [
  {
    path: 'spaces',
    title: pageTitle('spaces.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./spaces/spaces.page').then((m) => m.SpacesPage),
  },
  {
    path: 'spaces/:id',
    title: pageTitle('space.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./space/space.page').then((m) => m.SpacePage),
  },
  {
    path: 'organisations',
    title: pageTitle('organisations.title'),
    canActivate: [manageGuard],
    loadComponent: () => import('./organisations/organisations.page').then((m) => m.OrganisationsPage),
  },
  {
    path: 'organisations/:id',
    title: pageTitle('organisation.title'),
    canActivate: [manageGuard],
    loadComponent: () => import('./organisation/organisation.page').then((m) => m.OrganisationPage),
  },
  {
    path: 'audit',
    title: pageTitle('audit.title'),
    canActivate: [manageGuard],
    loadComponent: () => import('./audit/audit.page').then((m) => m.AuditPage),
  },
];
