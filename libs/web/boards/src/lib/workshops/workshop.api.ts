import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { filenameFromDisposition } from '@kehittamo/web/core';
import type {
  AttendanceRecord,
  BoardTemplate,
  CreateWorkshopRequest,
  FeedbackTrend,
  LiveStateEvent,
  ModelDescriptionSummary,
  SendToModelRequest,
  SendToModelResult,
  UpdateWorkshopRequest,
  Workshop,
  WorkshopFeedbackRequest,
  WorkshopFeedbackSummary,
  WorkshopListItem,
  WorkshopPerson,
  WorkshopSummary,
} from '@kehittamo/shared/domain';
import { map, type Observable } from 'rxjs';

/** A file fetched from the server, ready to hand to the browser as a download. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition; null when the server sent none. */
  filename: string | null;
}

/**
 * `/api/workshops` and the few neighbouring calls the workshop pages need (board templates,
 * model descriptions to link). Model descriptions are read here directly rather than through
 * web/model-descriptions: feature libraries do not import each other.
 */
@Injectable({ providedIn: 'root' })
export class WorkshopApi {
  private readonly http = inject(HttpClient);

  /** Soonest upcoming first, then past. Without `spaceId`: every workshop the user can see. */
  list(spaceId?: string): Observable<WorkshopListItem[]> {
    return this.http.get<WorkshopListItem[]>(BASE, { params: spaceId ? { spaceId } : {} });
  }

  /** Everyone with access to the space, filtered by name. Never their organisation role. */
  people(spaceId: string, q: string): Observable<WorkshopPerson[]> {
    let params = new HttpParams().set('spaceId', spaceId);
    if (q.trim()) params = params.set('q', q.trim());
    return this.http.get<WorkshopPerson[]>(`${BASE}/people`, { params });
  }

  /** Needs edit rights in the space; the creator becomes a facilitator. */
  create(request: CreateWorkshopRequest): Observable<Workshop> {
    return this.http.post<Workshop>(BASE, request);
  }

  get(id: string): Observable<Workshop> {
    return this.http.get<Workshop>(one(id));
  }

  /** Facilitators only. */
  update(id: string, request: UpdateWorkshopRequest): Observable<Workshop> {
    return this.http.patch<Workshop>(one(id), request);
  }

  /** Facilitators only. */
  delete(id: string): Observable<void> {
    return this.http.delete<void>(one(id));
  }

  /** The live state as everyone sees it (for a first paint before the socket has joined). */
  live(id: string): Observable<LiveStateEvent> {
    return this.http.get<LiveStateEvent>(`${one(id)}/live`);
  }

  /** Facilitators, coordinators and admins; 403/404 for others. */
  attendance(id: string): Observable<AttendanceRecord[]> {
    return this.http.get<AttendanceRecord[]>(`${one(id)}/attendance`);
  }

  attendanceCsv(id: string): Observable<DownloadedFile> {
    return this.download(`${one(id)}/attendance.csv`);
  }

  feedback(id: string): Observable<WorkshopFeedbackSummary> {
    return this.http.get<WorkshopFeedbackSummary>(`${one(id)}/feedback`);
  }

  /** Once per person: the second answer is refused with 409 `conflict`. */
  sendFeedback(id: string, request: WorkshopFeedbackRequest): Observable<void> {
    return this.http.post<void>(`${one(id)}/feedback`, request);
  }

  feedbackTrend(organisationId: string): Observable<FeedbackTrend> {
    return this.http.get<FeedbackTrend>(`${BASE}/feedback/trend`, { params: { organisationId } });
  }

  summary(id: string): Observable<WorkshopSummary> {
    return this.http.get<WorkshopSummary>(`${one(id)}/summary`);
  }

  summaryFile(id: string, format: 'md' | 'pdf'): Observable<DownloadedFile> {
    return this.download(`${one(id)}/summary.${format}`);
  }

  /** Needs edit rights to the model description (403 otherwise). */
  sendToModel(id: string, request: SendToModelRequest): Observable<SendToModelResult> {
    return this.http.post<SendToModelResult>(`${one(id)}/send-to-model`, request);
  }

  templates(): Observable<BoardTemplate[]> {
    return this.http.get<BoardTemplate[]>('/api/board-templates');
  }

  /** Model descriptions of a space (or all the user may see), optionally searched. */
  models(query: { spaceId?: string; q?: string }): Observable<ModelDescriptionSummary[]> {
    let params = new HttpParams();
    if (query.spaceId) params = params.set('spaceId', query.spaceId);
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    return this.http.get<ModelDescriptionSummary[]>('/api/model-descriptions', { params });
  }

  private download(url: string): Observable<DownloadedFile> {
    return this.http.get(url, { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob(),
        filename: filenameFromDisposition(response.headers.get('Content-Disposition')),
      })),
    );
  }
}

const BASE = '/api/workshops';

function one(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}
