import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';
import { ProgressApi } from './progress.api';

/**
 * Project management: how the work packages and the budget are doing. Every page is a lazy
 * chunk; `ProgressApi` is provided here so that it is not in the initial bundle.
 */
export const progressRoutes: Routes = [
  {
    path: 'progress',
    canActivate: [authGuard],
    providers: [ProgressApi],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: pageTitle('nav.progress'),
        loadComponent: () => import('./dashboard/progress-dashboard.page').then((m) => m.ProgressDashboardPage),
      },
      {
        path: 'work-packages/:code',
        title: pageTitle('project.workPackages'),
        loadComponent: () => import('./work-package/work-package.page').then((m) => m.WorkPackagePage),
      },
      {
        path: 'budget',
        title: pageTitle('progress.budget'),
        loadComponent: () => import('./budget/budget.page').then((m) => m.BudgetPage),
      },
      {
        path: 'reports',
        title: pageTitle('progress.reports'),
        loadComponent: () => import('./reports/reports.page').then((m) => m.ReportsPage),
      },
      {
        path: 'reports/:id',
        title: pageTitle('progress.reports'),
        loadComponent: () => import('./reports/report.page').then((m) => m.ReportPage),
      },
      {
        path: 'indicators',
        title: pageTitle('progress.indicators'),
        loadComponent: () => import('./indicators/indicators.page').then((m) => m.IndicatorsPage),
      },
      {
        path: 'timeline',
        title: pageTitle('progress.timeline'),
        loadComponent: () => import('./timeline/timeline.page').then((m) => m.TimelinePage),
      },
      {
        path: 'experts',
        title: pageTitle('progress.experts'),
        loadComponent: () => import('./experts/experts.page').then((m) => m.ExpertsPage),
      },
    ],
  },
];
