import type { Routes } from '@angular/router';
import { authGuard } from '@kehittamo/web/core';
import { MaterialApi } from './shared/material.api';
import { pageTitle } from '@kehittamo/web/ui';
import { provideUploadHttpClient } from './shared/upload-http-client';

/**
 * The material library. Its pages share an `HttpClient` over XMLHttpRequest (uploads report their
 * progress and can be aborted) and the `MaterialApi` that uses it.
 * `collections` and `new` come before `:id`.
 */
export const materialsRoutes: Routes = [
  {
    path: 'materials',
    canActivate: [authGuard],
    providers: [provideUploadHttpClient(), MaterialApi],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: pageTitle('materials.title'),
        loadComponent: () => import('./library/materials.page').then((m) => m.MaterialsPage),
      },
      {
        path: 'new',
        title: pageTitle('materials.add'),
        loadComponent: () => import('./add/add-material.page').then((m) => m.AddMaterialPage),
      },
      {
        path: 'collections',
        title: pageTitle('materialCollections.title'),
        loadComponent: () => import('./collections/collections.page').then((m) => m.CollectionsPage),
      },
      {
        path: 'collections/:id',
        title: pageTitle('materialCollections.title'),
        loadComponent: () => import('./collections/collection.page').then((m) => m.CollectionPage),
      },
      {
        path: ':id',
        title: pageTitle('materials.title'),
        loadComponent: () => import('./detail/material.page').then((m) => m.MaterialPage),
      },
    ],
  },
];
