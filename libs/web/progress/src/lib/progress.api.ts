import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BudgetOverview,
  CostEntry,
  CreateCostEntryRequest,
  CreateProgressTaskRequest,
  ProgressPermissions,
  ProgressTask,
  UpdateProgressTaskRequest,
  WorkPackageProgress,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

const BASE = '/api/progress';
const workPackage = (code: string) => `${BASE}/work-packages/${encodeURIComponent(code)}`;
const task = (id: string) => `${BASE}/tasks/${encodeURIComponent(id)}`;

/**
 * The project management view: work packages with their tasks and milestones, the budget and
 * actual costs. Rights are checked on the server; {@link permissions} says what to offer.
 * Provided by `progressRoutes` (not in root), so it stays out of the initial bundle.
 * Field errors come back as 400 `validation_failed` with `fields`.
 */
@Injectable()
export class ProgressApi {
  private readonly http = inject(HttpClient);

  permissions(): Observable<ProgressPermissions> {
    return this.http.get<ProgressPermissions>(`${BASE}/permissions`);
  }

  /** TP1–TP5 in order. */
  workPackages(): Observable<WorkPackageProgress[]> {
    return this.http.get<WorkPackageProgress[]>(`${BASE}/work-packages`);
  }

  /** By code, e.g. `TP4`; 404 for an unknown code. */
  workPackage(code: string): Observable<WorkPackageProgress> {
    return this.http.get<WorkPackageProgress>(workPackage(code));
  }

  /** Coordinators and admins only (`canManage`). */
  setObjective(code: string, objective: string): Observable<WorkPackageProgress> {
    return this.http.put<WorkPackageProgress>(`${workPackage(code)}/objective`, { objective });
  }

  /** Only for an organisation in `editableOrganisationIds`. */
  createTask(request: CreateProgressTaskRequest): Observable<ProgressTask> {
    return this.http.post<ProgressTask>(`${BASE}/tasks`, request);
  }

  updateTask(id: string, request: UpdateProgressTaskRequest): Observable<ProgressTask> {
    return this.http.patch<ProgressTask>(task(id), request);
  }

  /** 204. */
  deleteTask(id: string): Observable<void> {
    return this.http.delete<void>(task(id));
  }

  /** 403 for experience experts: ask only when `canSeeBudget`. */
  budget(): Observable<BudgetOverview> {
    return this.http.get<BudgetOverview>(`${BASE}/budget`);
  }

  /** Newest period first; all organisations the caller sees, or one. */
  costs(organisationId?: string): Observable<CostEntry[]> {
    return this.http.get<CostEntry[]>(`${BASE}/costs`, { params: organisationId ? { organisationId } : {} });
  }

  createCost(request: CreateCostEntryRequest): Observable<CostEntry> {
    return this.http.post<CostEntry>(`${BASE}/costs`, request);
  }

  /** 204. */
  deleteCost(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/costs/${encodeURIComponent(id)}`);
  }
}
