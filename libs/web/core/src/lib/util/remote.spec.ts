import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { remote } from './remote';

describe('remote', () => {
  const requests = new Map<string, Subject<string>>();

  @Component({ template: '' })
  class Host {
    readonly id = signal<string | undefined>('a');
    readonly data = remote({
      params: () => this.id(),
      load: (id: string) => {
        const request = new Subject<string>();
        requests.set(id, request);
        return request;
      },
    });
  }

  beforeEach(() => requests.clear());

  it('loads for the current params and ignores an answer that arrives after they changed', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    expect(host.data.loading()).toBe(true);

    host.id.set('b');
    await fixture.whenStable();
    requests.get('a')!.next('stale');
    requests.get('b')!.next('fresh');
    requests.get('b')!.complete();

    expect(host.data.value()).toBe('fresh');
    expect(host.data.loading()).toBe(false);
  });

  it('keeps the error for the page to show and loads again on reload', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    requests.get('a')!.error(new Error('offline'));
    expect(host.data.error()).toBeInstanceOf(Error);

    host.data.reload();
    await fixture.whenStable();
    requests.get('a')!.next('back');
    expect(host.data.error()).toBeUndefined();
    expect(host.data.value()).toBe('back');
  });
});
