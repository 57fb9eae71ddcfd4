import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/**
 * Workshops: list, plan, run live, and what comes after (attendance, summary, feedback).
 * A space's list and planning live under the space's address; a workshop itself at
 * /workshops/:id, since "my workshops" crosses spaces.
 */
export const workshopsRoutes: Routes = [
  {
    path: 'workshops',
    title: pageTitle('workshops.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./list/workshops.page').then((m) => m.WorkshopsPage),
  },
  {
    path: 'spaces/:spaceId/workshops',
    title: pageTitle('workshops.spaceTitle'),
    canActivate: [authGuard],
    loadComponent: () => import('./list/space-workshops.page').then((m) => m.SpaceWorkshopsPage),
  },
  {
    path: 'spaces/:spaceId/workshops/new',
    title: pageTitle('workshopForm.newTitle'),
    canActivate: [authGuard],
    loadComponent: () => import('./form/new-workshop.page').then((m) => m.NewWorkshopPage),
  },
  {
    path: 'workshops/:id',
    title: pageTitle('workshop.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./detail/workshop-detail.page').then((m) => m.WorkshopDetailPage),
  },
  {
    path: 'workshops/:id/live',
    title: pageTitle('workshopLive.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./live/workshop-live.page').then((m) => m.WorkshopLivePage),
  },
  {
    path: 'workshops/:id/summary',
    title: pageTitle('workshopSummary.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./summary/workshop-summary.page').then((m) => m.WorkshopSummaryPage),
  },
  {
    path: 'workshops/:id/attendance',
    title: pageTitle('workshopAttendance.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./attendance/workshop-attendance.page').then((m) => m.WorkshopAttendancePage),
  },
  {
    path: 'workshops/:id/feedback',
    title: pageTitle('workshopFeedback.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./feedback/workshop-feedback.page').then((m) => m.WorkshopFeedbackPage),
  },
];
