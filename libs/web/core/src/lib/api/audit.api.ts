import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEvent, Page } from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

export interface AuditQuery {
  /** Omit for every organisation the caller manages. */
  organisationId?: string;
  limit: number;
  offset: number;
}

/** Security events; managers only. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEvent>> {
    let params = new HttpParams().set('limit', query.limit).set('offset', query.offset);
    if (query.organisationId) params = params.set('organisationId', query.organisationId);
    return this.http.get<Page<AuditEvent>>('/api/audit', { params });
  }
}
