import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideRouter, Router, UrlTree, type ActivatedRouteSnapshot, type RouterStateSnapshot } from '@angular/router';
import type { Me } from '@kehittamo/shared/domain';
import { authGuard, guestGuard, manageGuard } from './auth.guards';
import { AuthStore } from './auth.store';

const member = { id: 'u1', canManage: false, isAdmin: false } as Me;
const route = {} as ActivatedRouteSnapshot;
const state = { url: '/organisations/o1' } as RouterStateSnapshot;

function run(guard: typeof authGuard): boolean | string {
  const result = TestBed.runInInjectionContext(() => guard(route, state));
  return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : (result as boolean);
}

describe('route guards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
  });

  it('sends visitors to login with the page they wanted', () => {
    expect(run(authGuard)).toBe('/login?returnUrl=%2Forganisations%2Fo1');
    expect(run(manageGuard)).toBe('/login?returnUrl=%2Forganisations%2Fo1');
  });

  it('keeps management pages from members who do not manage', () => {
    TestBed.inject(AuthStore).set(member);
    expect(run(authGuard)).toBe(true);
    expect(run(manageGuard)).toBe('/spaces');
    TestBed.inject(AuthStore).set({ ...member, canManage: true });
    expect(run(manageGuard)).toBe(true);
  });

  it('skips the login page when already logged in', () => {
    expect(run(guestGuard)).toBe(true);
    TestBed.inject(AuthStore).set(member);
    expect(run(guestGuard)).toBe('/spaces');
  });
});
