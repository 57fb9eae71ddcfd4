import { XhrFactory } from '@angular/common';
import { FetchBackend, HttpBackend, HttpEventType, provideHttpClient, withFetch, type HttpEvent } from '@angular/common/http';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Material } from '@kehittamo/shared/domain';
import { MaterialApi } from './material.api';
import { provideUploadHttpClient } from './upload-http-client';

/** Just enough of an XMLHttpRequest to see what Angular's XHR backend does with it. */
class FakeXhr {
  readonly DONE = 4;
  readyState = 1;
  status = 0;
  statusText = '';
  responseURL = '';
  method = '';
  url = '';
  aborted = false;
  readonly headers = new Map<string, string>();
  readonly listeners = new Map<string, (event: unknown) => void>();
  readonly uploadListeners = new Map<string, (event: unknown) => void>();
  readonly upload = {
    addEventListener: (name: string, listener: (event: unknown) => void) => this.uploadListeners.set(name, listener),
    removeEventListener: (name: string) => this.uploadListeners.delete(name),
  };
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  addEventListener(name: string, listener: (event: unknown) => void): void {
    this.listeners.set(name, listener);
  }
  removeEventListener(name: string): void {
    this.listeners.delete(name);
  }
  getAllResponseHeaders(): string {
    return '';
  }
  send(): void {
    // the test drives the events
  }
  abort(): void {
    this.aborted = true;
  }
}

describe('provideUploadHttpClient', () => {
  let xhr: FakeXhr;

  beforeEach(() => {
    xhr = new FakeXhr();
    document.cookie = 'XSRF-TOKEN=token-1; path=/';
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withFetch()), { provide: XhrFactory, useValue: { build: () => xhr } }],
    });
  });

  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('gives the material routes an XMLHttpRequest client (the app keeps fetch) with the XSRF header, upload progress and abort', () => {
    const root = TestBed.inject(EnvironmentInjector);
    const routes = createEnvironmentInjector([provideUploadHttpClient(), MaterialApi], root);
    expect(root.get(HttpBackend)).toBeInstanceOf(FetchBackend);

    const events: HttpEvent<Material>[] = [];
    const file = new File(['%PDF-1.7'], 'opas.pdf', { type: 'application/pdf' });
    const subscription = routes.get(MaterialApi).uploadVersion('m1', file).subscribe((event) => events.push(event));

    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/materials/m1/versions');
    expect(xhr.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    xhr.uploadListeners.get('progress')?.({ loaded: 5, total: 10, lengthComputable: true });
    expect(events.filter((event) => event.type === HttpEventType.UploadProgress)).toEqual([
      { type: HttpEventType.UploadProgress, loaded: 5, total: 10 },
    ]);

    subscription.unsubscribe();
    expect(xhr.aborted).toBe(true);
    routes.destroy();
  });
});
