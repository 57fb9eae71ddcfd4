import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, Me } from '@kehittamo/shared/domain';
import { firstValueFrom, finalize, tap, type Observable } from 'rxjs';
import { AuthApi } from '../api/auth.api';

/** Who is logged in. Loaded once at startup; updated by login, logout and profile changes. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly current = signal<Me | null>(null);

  readonly me = this.current.asReadonly();
  readonly isLoggedIn = computed(() => this.current() !== null);
  /** May invite people and read the audit log. */
  readonly canManage = computed(() => this.current()?.canManage ?? false);
  /** May create organisations and manage every member. */
  readonly isAdmin = computed(() => this.current()?.isAdmin ?? false);

  /** Asks the server who we are. Any failure (401, server down) means "not logged in". */
  async load(): Promise<Me | null> {
    try {
      this.current.set(await firstValueFrom(this.api.me()));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.current.set(null);
    }
    return this.current();
  }

  login(request: LoginRequest): Observable<Me> {
    return this.api.login(request).pipe(tap((me) => this.current.set(me)));
  }

  /** Forgets the user locally even if the request fails: the UI must not look logged in. */
  logout(): Observable<void> {
    return this.api.logout().pipe(finalize(() => this.clear()));
  }

  logoutAll(): Observable<void> {
    return this.api.logoutAll().pipe(tap(() => this.clear()));
  }

  set(me: Me): void {
    this.current.set(me);
  }

  clear(): void {
    this.current.set(null);
  }
}
