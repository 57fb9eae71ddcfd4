import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Board, CreateBoardRequest } from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

/**
 * Boards of a space. In web/core (not in web/boards) so that the space page and the board
 * page, two features that must not import each other, can both use it.
 */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  /** Newest first; 404 without access to the space. */
  list(spaceId: string): Observable<Board[]> {
    return this.http.get<Board[]>(`/api/spaces/${encodeURIComponent(spaceId)}/boards`);
  }

  /** Needs edit rights in the space (403 otherwise). */
  create(request: CreateBoardRequest): Observable<Board> {
    return this.http.post<Board>('/api/boards', request);
  }
}
