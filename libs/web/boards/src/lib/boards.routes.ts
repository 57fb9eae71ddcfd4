import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/** Shared boards. A board lives in a space, hence its address under the space's. */
export const boardsRoutes: Routes = [
  {
    path: 'spaces/:spaceId/boards/:boardId',
    title: pageTitle('board.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./board/board.page').then((m) => m.BoardPage),
  },
];
