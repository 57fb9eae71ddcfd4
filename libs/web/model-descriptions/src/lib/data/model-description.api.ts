import { HttpClient, HttpEventType, HttpParams, type HttpEvent, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { filenameFromDisposition } from '@kehittamo/web/core';
import type {
  ChangeModelPhaseRequest,
  CreateModelDescriptionRequest,
  CreateModelVersionRequest,
  InnokylaCopy,
  Language,
  LockModelDescriptionRequest,
  ModelDescription,
  ModelDescriptionExport,
  ModelDescriptionQuery,
  ModelDescriptionSummary,
  ModelPhase,
  ModelVersion,
  ModelVersionComparison,
  ModelVersionDetail,
  UpdateModelDescriptionRequest,
} from '@kehittamo/shared/domain';
import { filter, map, type Observable } from 'rxjs';

/** The downloadable formats of `GET …/:id/export/<format>`. */
export const MODEL_EXPORT_FORMATS = ['md', 'docx', 'pdf', 'json'] as const;
export type ModelExportFormat = (typeof MODEL_EXPORT_FORMATS)[number];

/** A download in progress (`fraction` null when the size is unknown) or finished. */
export type DownloadEvent =
  | { kind: 'progress'; fraction: number | null }
  | { kind: 'done'; blob: Blob; filename: string | null };

/** `/api/model-descriptions`. Every call answers 404 when the caller may not see the description. */
@Injectable({ providedIn: 'root' })
export class ModelDescriptionApi {
  private readonly http = inject(HttpClient);

  /** Filtered; with `q` ranked by relevance and each hit carrying a `snippet`. */
  list(query: ModelDescriptionQuery): Observable<ModelDescriptionSummary[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'string' && value.trim()) params = params.set(key, value.trim());
    }
    return this.http.get<ModelDescriptionSummary[]>(BASE, { params });
  }

  phases(): Observable<ModelPhase[]> {
    return this.http.get<ModelPhase[]>(`${BASE}/phases`);
  }

  /** Needs edit rights in the space. */
  create(request: CreateModelDescriptionRequest): Observable<ModelDescription> {
    return this.http.post<ModelDescription>(BASE, request);
  }

  /** A JSON export taken back as a new description in the space. */
  import(spaceId: string, body: ModelDescriptionExport): Observable<ModelDescription> {
    return this.http.post<ModelDescription>(`${BASE}/import`, body, { params: { spaceId } });
  }

  get(id: string): Observable<ModelDescription> {
    return this.http.get<ModelDescription>(one(id));
  }

  update(id: string, request: UpdateModelDescriptionRequest): Observable<ModelDescription> {
    return this.http.patch<ModelDescription>(one(id), request);
  }

  changePhase(id: string, request: ChangeModelPhaseRequest): Observable<ModelDescription> {
    return this.http.put<ModelDescription>(`${one(id)}/phase`, request);
  }

  /** Coordinators and admins only (`canLock`). */
  setLocked(id: string, request: LockModelDescriptionRequest): Observable<ModelDescription> {
    return this.http.put<ModelDescription>(`${one(id)}/lock`, request);
  }

  versions(id: string): Observable<ModelVersion[]> {
    return this.http.get<ModelVersion[]>(`${one(id)}/versions`);
  }

  createVersion(id: string, request: CreateModelVersionRequest): Observable<ModelVersion> {
    return this.http.post<ModelVersion>(`${one(id)}/versions`, request);
  }

  version(id: string, versionId: string): Observable<ModelVersionDetail> {
    return this.http.get<ModelVersionDetail>(`${one(id)}/versions/${encodeURIComponent(versionId)}`);
  }

  /** `to` is a version id or `current`. */
  compare(id: string, from: string, to: string): Observable<ModelVersionComparison> {
    return this.http.get<ModelVersionComparison>(`${one(id)}/versions/compare`, { params: { from, to } });
  }

  /** Everyone in the document sees the restored content at once; answers the version that kept what was there before. */
  restore(id: string, versionId: string): Observable<ModelVersion> {
    return this.http.post<ModelVersion>(`${one(id)}/versions/${encodeURIComponent(versionId)}/restore`, {});
  }

  innokyla(id: string): Observable<InnokylaCopy> {
    return this.http.get<InnokylaCopy>(`${one(id)}/export/innokyla`);
  }

  /** Downloads an export as a Blob, reporting progress; `language` sets the headings of md/docx/pdf. */
  download(id: string, format: ModelExportFormat, language: Language): Observable<DownloadEvent> {
    return this.http
      .get(`${one(id)}/export/${format}`, {
        params: format === 'json' ? {} : { lang: language },
        responseType: 'blob',
        observe: 'events',
        reportProgress: true,
      })
      .pipe(
        filter((event) => event.type === HttpEventType.DownloadProgress || event.type === HttpEventType.Response),
        map((event: HttpEvent<Blob>): DownloadEvent => {
          if (event.type === HttpEventType.DownloadProgress) {
            return { kind: 'progress', fraction: event.total ? Math.min(1, event.loaded / event.total) : null };
          }
          const response = event as HttpResponse<Blob>;
          return {
            kind: 'done',
            blob: response.body ?? new Blob(),
            filename: filenameFromDisposition(response.headers.get('Content-Disposition')),
          };
        }),
      );
  }
}

const BASE = '/api/model-descriptions';

function one(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}
