import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideKehittamoCore } from '@kehittamo/web/core';
import { provideKehittamoUi } from '@kehittamo/web/ui';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideKehittamoCore(),
    provideKehittamoUi(),
    provideRouter(
      appRoutes,
      // Query parameters such as ?token= and ?returnUrl= arrive as component inputs.
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
  ],
};
