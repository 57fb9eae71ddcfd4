import {
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './api/auth.api';
import { AuthStore } from './auth/auth.store';
import { csrfRetryInterceptor, sessionExpiredInterceptor } from './auth/http-interceptors';
import { ConfigStore } from './config/config.store';
import { I18nService } from './i18n/i18n.service';

/**
 * HTTP with CSRF protection, the session interceptors and the startup sequence:
 * make sure the XSRF cookie exists, then learn who is logged in (and their language)
 * before the first page renders, so guards and the shell never guess.
 */
export function provideKehittamoCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(
      withFetch(),
      // Angular's defaults, spelled out: cookie XSRF-TOKEN → header X-XSRF-TOKEN on mutating calls.
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([csrfRetryInterceptor, sessionExpiredInterceptor]),
    ),
    provideAppInitializer(async () => {
      const authApi = inject(AuthApi);
      const auth = inject(AuthStore);
      const config = inject(ConfigStore);
      inject(I18nService); // start syncing <html lang> with the language right away
      await firstValueFrom(authApi.csrf()).catch(() => undefined);
      await Promise.all([auth.load(), config.load()]);
    }),
  ]);
}
