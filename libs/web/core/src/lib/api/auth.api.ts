import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChangePasswordRequest,
  LoginRequest,
  Me,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  UpdateProfileRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

/** `/api/auth`: session, profile and password endpoints. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** Makes the server set the XSRF-TOKEN cookie that mutating requests echo back. */
  csrf(): Observable<unknown> {
    return this.http.get('/api/auth/csrf');
  }

  me(): Observable<Me> {
    return this.http.get<Me>('/api/auth/me');
  }

  login(request: LoginRequest): Observable<Me> {
    return this.http.post<Me>('/api/auth/login', request);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null);
  }

  /** Ends every session of the user, this one included. */
  logoutAll(): Observable<void> {
    return this.http.post<void>('/api/auth/logout-all', null);
  }

  updateProfile(request: UpdateProfileRequest): Observable<Me> {
    return this.http.patch<Me>('/api/auth/me', request);
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', request);
  }

  /** Always 202, whether or not the address has an account (no enumeration). */
  requestPasswordReset(request: PasswordResetRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/request', request);
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/confirm', request);
  }
}
