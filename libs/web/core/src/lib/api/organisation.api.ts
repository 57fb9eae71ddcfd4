import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateOrganisationRequest,
  Member,
  Organisation,
  PasswordResetLink,
  UpdateMemberRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Organisation[]> {
    return this.http.get<Organisation[]>('/api/organisations');
  }

  /** Admins only. */
  create(request: CreateOrganisationRequest): Observable<Organisation> {
    return this.http.post<Organisation>('/api/organisations', request);
  }

  members(organisationId: string): Observable<Member[]> {
    return this.http.get<Member[]>(`${base(organisationId)}/members`);
  }

  /** The contract does not fix the response body; null (204) is handled by callers. */
  updateMember(organisationId: string, userId: string, request: UpdateMemberRequest): Observable<Member | null> {
    return this.http.patch<Member | null>(`${base(organisationId)}/members/${encodeURIComponent(userId)}`, request);
  }

  removeMember(organisationId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${base(organisationId)}/members/${encodeURIComponent(userId)}`);
  }

  /**
   * A single-use, expiring link with which the member sets a new password, for the
   * coordinator to pass on (it is also mailed when mail is configured). Managers only;
   * an admin's account only by an admin (403).
   */
  createPasswordResetLink(organisationId: string, userId: string): Observable<PasswordResetLink> {
    return this.http.post<PasswordResetLink>(
      `${base(organisationId)}/members/${encodeURIComponent(userId)}/password-reset`,
      null,
    );
  }
}

function base(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}`;
}
