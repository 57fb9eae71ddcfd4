import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Board,
  BoardTemplate,
  CreateBoardRequest,
  SaveBoardTemplateRequest,
  UpdateBoardRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

/**
 * Boards of a space and board templates. In web/core (not in web/boards) so that the space
 * page and the board page, two features that must not import each other, can both use it.
 */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  /** Newest first; 404 without access to the space. */
  list(spaceId: string): Observable<Board[]> {
    return this.http.get<Board[]>(`/api/spaces/${encodeURIComponent(spaceId)}/boards`);
  }

  /** One board; 404 when it does not exist or the user has no access to its space. */
  get(boardId: string): Observable<Board> {
    return this.http.get<Board>(`/api/boards/${encodeURIComponent(boardId)}`);
  }

  /** Needs edit rights in the space (403 otherwise). */
  create(request: CreateBoardRequest): Observable<Board> {
    return this.http.post<Board>('/api/boards', request);
  }

  /** Rename, or turn anonymous notes on or off; needs edit rights in the space. */
  update(boardId: string, request: UpdateBoardRequest): Observable<Board> {
    return this.http.patch<Board>(`/api/boards/${encodeURIComponent(boardId)}`, request);
  }

  /** Built-in templates first (their `name` is null: the app names them by key), then saved ones. */
  templates(): Observable<BoardTemplate[]> {
    return this.http.get<BoardTemplate[]>('/api/board-templates');
  }

  /** Saves a board's frames and text blocks as a template; organisation admins only. */
  saveTemplate(request: SaveBoardTemplateRequest): Observable<BoardTemplate> {
    return this.http.post<BoardTemplate>('/api/board-templates', request);
  }

  /** Organisation admins only; built-in templates cannot be deleted. */
  deleteTemplate(templateId: string): Observable<void> {
    return this.http.delete<void>(`/api/board-templates/${encodeURIComponent(templateId)}`);
  }
}
