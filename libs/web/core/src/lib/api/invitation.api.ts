import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  InvitationCreated,
  InvitationPreview,
  InvitationSummary,
  Me,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InvitationApi {
  private readonly http = inject(HttpClient);

  create(request: CreateInvitationRequest): Observable<InvitationCreated> {
    return this.http.post<InvitationCreated>('/api/invitations', request);
  }

  list(organisationId: string): Observable<InvitationSummary[]> {
    return this.http.get<InvitationSummary[]>('/api/invitations', { params: { organisationId } });
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`/api/invitations/${encodeURIComponent(id)}`);
  }

  /** Public: what the invitation page shows before accepting. */
  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/api/invitations/preview/${encodeURIComponent(token)}`);
  }

  /** Accepting logs the user in. */
  accept(request: AcceptInvitationRequest): Observable<Me> {
    return this.http.post<Me>('/api/invitations/accept', request);
  }
}
