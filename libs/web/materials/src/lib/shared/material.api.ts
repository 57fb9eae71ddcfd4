import { HttpClient, HttpParams, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddCollectionItemRequest,
  CreateMaterialCollectionRequest,
  CreateMaterialRequest,
  Material,
  MaterialCollection,
  MaterialCollectionSummary,
  MaterialMetadata,
  MaterialQuery,
  MaterialSummary,
  MaterialTagCount,
  MaterialUsage,
  Page,
  ReorderCollectionRequest,
  UpdateMaterialCollectionRequest,
  UpdateMaterialRequest,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

const material = (id: string) => `/api/materials/${encodeURIComponent(id)}`;
const collection = (id: string) => `/api/material-collections/${encodeURIComponent(id)}`;
const inSpace = (spaceId?: string): { params: Record<string, string> } => ({ params: spaceId ? { spaceId } : {} });

/**
 * The material library: files, links and notes, and their collections ("learning paths").
 * Rights are checked on the server (403/404); `Material.canEdit` says what to offer.
 *
 * Uploads report their progress, which the app's fetch-based `HttpClient` cannot do for a request
 * body: the material routes (web/materials) provide an XMLHttpRequest-based `HttpClient` and this
 * service again, so that the instance their pages inject can; unsubscribing aborts the upload.
 */
@Injectable({ providedIn: 'root' })
export class MaterialApi {
  private readonly http = inject(HttpClient);

  /** Newest first by default; with `q`, best match first and each item has a `snippet`. */
  list(query: MaterialQuery): Observable<Page<MaterialSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query) as [keyof MaterialQuery, string | number | undefined][]) {
      if (value !== undefined && value !== '') params = params.set(key, value);
    }
    return this.http.get<Page<MaterialSummary>>('/api/materials', { params });
  }

  /** Tags in use in the materials the caller sees (in one space, when given), for filter chips. */
  tags(spaceId?: string): Observable<MaterialTagCount[]> {
    return this.http.get<MaterialTagCount[]>('/api/materials/tags', inSpace(spaceId));
  }

  /** Counts a view. */
  get(id: string): Observable<Material> {
    return this.http.get<Material>(material(id));
  }

  /** A link or a note; files go through {@link upload}. */
  create(request: CreateMaterialRequest): Observable<Material> {
    return this.http.post<Material>('/api/materials', request);
  }

  /**
   * A new file material, as multipart: the metadata fields first, the file last (the server
   * reads the fields before it streams the file). Emits the progress events and the response;
   * 413 `payload_too_large` over the size limit, 400 `validation_failed` on the field `file`
   * for a format that is not allowed.
   */
  upload(spaceId: string, metadata: MaterialMetadata, file: File): Observable<HttpEvent<Material>> {
    return this.http.post<Material>('/api/materials/upload', materialFormData(metadata, file), {
      params: { spaceId },
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Replaces the file with a new version; the earlier versions are kept. */
  uploadVersion(id: string, file: File): Observable<HttpEvent<Material>> {
    return this.http.post<Material>(`${material(id)}/versions`, materialFormData(null, file), {
      reportProgress: true,
      observe: 'events',
    });
  }

  update(id: string, request: UpdateMaterialRequest): Observable<Material> {
    return this.http.patch<Material>(material(id), request);
  }

  /** 204. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(material(id));
  }

  /** The caller's own "useful" mark; answers with the new counts. */
  setUseful(id: string, useful: boolean): Observable<MaterialUsage> {
    return this.http.put<MaterialUsage>(`${material(id)}/useful`, { useful });
  }

  /** For a plain `<a href download>`: the server counts the download and sends the file as an attachment. */
  downloadUrl(id: string, version?: number): string {
    return version === undefined ? `${material(id)}/download` : `${material(id)}/download?version=${version}`;
  }

  /** A PNG of the first page or a thumbnail; only when `file.hasPreview`. */
  previewUrl(id: string): string {
    return `${material(id)}/preview`;
  }

  collections(spaceId?: string): Observable<MaterialCollectionSummary[]> {
    return this.http.get<MaterialCollectionSummary[]>('/api/material-collections', inSpace(spaceId));
  }

  collection(id: string): Observable<MaterialCollection> {
    return this.http.get<MaterialCollection>(collection(id));
  }

  createCollection(request: CreateMaterialCollectionRequest): Observable<MaterialCollection> {
    return this.http.post<MaterialCollection>('/api/material-collections', request);
  }

  updateCollection(id: string, request: UpdateMaterialCollectionRequest): Observable<MaterialCollection> {
    return this.http.patch<MaterialCollection>(collection(id), request);
  }

  deleteCollection(id: string): Observable<void> {
    return this.http.delete<void>(collection(id));
  }

  /** Appends (or inserts at `position`). */
  addToCollection(id: string, request: AddCollectionItemRequest): Observable<MaterialCollection> {
    return this.http.post<MaterialCollection>(`${collection(id)}/items`, request);
  }

  /** The same materials in a new order. */
  reorderCollection(id: string, request: ReorderCollectionRequest): Observable<MaterialCollection> {
    return this.http.put<MaterialCollection>(`${collection(id)}/items`, request);
  }

  removeFromCollection(id: string, materialId: string): Observable<MaterialCollection> {
    return this.http.delete<MaterialCollection>(`${collection(id)}/items/${encodeURIComponent(materialId)}`);
  }
}

/**
 * The multipart body of an upload: the metadata as text fields (lists comma-separated, empty
 * values left out), then the file part `file`. Without metadata (a new version) only the file.
 */
export function materialFormData(metadata: MaterialMetadata | null, file: File): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(metadata ?? {}) as [string, string | string[] | null | undefined][]) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) data.append(name, text);
  }
  data.append('file', file, file.name);
  return data;
}
