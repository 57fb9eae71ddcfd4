import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateSpaceRequest,
  SetSpaceMemberRequest,
  Space,
  SpaceMember,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SpaceApi {
  private readonly http = inject(HttpClient);

  /** The spaces the caller may see, each with the caller's own access. */
  list(): Observable<Space[]> {
    return this.http.get<Space[]>('/api/spaces');
  }

  get(id: string): Observable<Space> {
    return this.http.get<Space>(base(id));
  }

  create(request: CreateSpaceRequest): Observable<Space> {
    return this.http.post<Space>('/api/spaces', request);
  }

  members(id: string): Observable<SpaceMember[]> {
    return this.http.get<SpaceMember[]>(`${base(id)}/members`);
  }

  /** Adds a member or changes their access. The body (if any) is not relied on. */
  setMember(id: string, userId: string, request: SetSpaceMemberRequest): Observable<SpaceMember | null> {
    return this.http.put<SpaceMember | null>(`${base(id)}/members/${encodeURIComponent(userId)}`, request);
  }

  removeMember(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${base(id)}/members/${encodeURIComponent(userId)}`);
  }
}

function base(id: string): string {
  return `/api/spaces/${encodeURIComponent(id)}`;
}
