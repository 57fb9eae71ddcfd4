import { DestroyRef, effect, inject, signal, untracked, type Signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';

/** Server data held in signals: the latest value, the last error and whether a load is running. */
export interface Remote<T> {
  readonly value: Signal<T | undefined>;
  readonly error: Signal<unknown>;
  readonly loading: Signal<boolean>;
  reload(): void;
  /** Applies a local change after a successful mutation, without a round trip. */
  update(change: (current: T) => T): void;
}

export interface RemoteOptions<P, T> {
  /** Reactive input of the load, e.g. a route id; `undefined` means "nothing to load yet". */
  params: () => P | undefined;
  load: (params: P) => Observable<T>;
}

/**
 * Loads data whenever `params` changes and cancels the previous request, like
 * `rxResource` (still experimental in Angular 21), in a few lines we own.
 * Call in an injection context (a field initialiser of a component).
 */
export function remote<P, T>(options: RemoteOptions<P, T>): Remote<T> {
  const value = signal<T | undefined>(undefined);
  const error = signal<unknown>(undefined);
  const loading = signal(true); // true until the first params are seen, so pages do not flash "empty"
  const reloads = signal(0);
  let running: Subscription | undefined;

  const start = (params: P) => {
    running?.unsubscribe();
    loading.set(true);
    error.set(undefined);
    running = options.load(params).subscribe({
      next: (result) => value.set(result),
      error: (failure: unknown) => {
        error.set(failure);
        loading.set(false);
      },
      complete: () => loading.set(false),
    });
  };

  effect(() => {
    reloads();
    const params = options.params();
    untracked(() => {
      if (params === undefined) {
        running?.unsubscribe();
        value.set(undefined);
        loading.set(false);
      } else {
        start(params);
      }
    });
  });
  inject(DestroyRef).onDestroy(() => running?.unsubscribe());

  return {
    value: value.asReadonly(),
    error: error.asReadonly(),
    loading: loading.asReadonly(),
    reload: () => reloads.update((count) => count + 1),
    update: (change) => value.update((current) => (current === undefined ? current : change(current))),
  };
}
