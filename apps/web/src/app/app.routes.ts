import type { Route } from '@angular/router';
import { NotFoundPage, pageTitle } from '@kehittamo/web/ui';

/**
 * Each feature library brings its own routes and is loaded on first use.
 * All mount at the root (their paths are top-level words like /login and /spaces);
 * the router tries them in order.
 */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'spaces' },
  { path: '', loadChildren: () => import('@kehittamo/web/auth').then((m) => m.authRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/organisations').then((m) => m.organisationsRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/boards').then((m) => m.boardsRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/boards').then((m) => m.workshopsRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/model-descriptions').then((m) => m.modelDescriptionsRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/inbox').then((m) => m.inboxRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/materials').then((m) => m.materialsRoutes) },
  { path: '', loadChildren: () => import('@kehittamo/web/progress').then((m) => m.progressRoutes) },
  { path: '**', title: pageTitle('notFound.title'), component: NotFoundPage },
];
