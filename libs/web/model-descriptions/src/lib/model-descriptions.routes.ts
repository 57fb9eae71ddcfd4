import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { pageTitle } from '@kehittamo/web/ui';

/**
 * Model descriptions (toimintamallikuvaukset). A space's list lives under the space's address;
 * a description itself at /models/:id, since search and links cross spaces.
 */
export const modelDescriptionsRoutes: Routes = [
  {
    path: 'spaces/:spaceId/models',
    title: pageTitle('models.spaceTitle'),
    canActivate: [authGuard],
    loadComponent: () => import('./list/space-models.page').then((m) => m.SpaceModelsPage),
  },
  {
    path: 'models',
    title: pageTitle('models.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./list/models.page').then((m) => m.ModelsPage),
  },
  {
    path: 'models/:id',
    title: pageTitle('modelEditor.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./editor/model-editor.page').then((m) => m.ModelEditorPage),
  },
  {
    path: 'models/:id/versions',
    title: pageTitle('modelVersions.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./versions/model-versions.page').then((m) => m.ModelVersionsPage),
  },
  {
    path: 'models/:id/export',
    title: pageTitle('modelExport.title'),
    canActivate: [authGuard],
    loadComponent: () => import('./export/model-export.page').then((m) => m.ModelExportPage),
  },
];
