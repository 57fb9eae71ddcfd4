import {
  HttpBackend,
  HttpXhrBackend,
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { csrfRetryInterceptor, sessionExpiredInterceptor } from '@kehittamo/web/core';

/**
 * An `HttpClient` over XMLHttpRequest for the material routes (in their `providers`, followed by
 * `MaterialApi`, so that the instance there uses it), with the app's XSRF header and interceptors.
 * The app's own client uses fetch, which reports no upload progress. A child `provideHttpClient()`
 * would still pick the parent's fetch backend, so the backend is set explicitly.
 * Here rather than in web/core because web/core is in the initial bundle.
 */
export function provideUploadHttpClient(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([csrfRetryInterceptor, sessionExpiredInterceptor]),
    ),
    { provide: HttpBackend, useExisting: HttpXhrBackend },
  ]);
}
