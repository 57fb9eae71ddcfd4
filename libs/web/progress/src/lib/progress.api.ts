import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BudgetOverview,
  CostEntry,
  CreateCostEntryRequest,
  CreateLedgerEntryRequest,
  CreateProgressReportRequest,
  CreateProgressTaskRequest,
  DecideProgressReportRequest,
  ExpertEngagementSummary,
  ExpertLedger,
  ExpertLedgerRow,
  Indicator,
  ProgressPermissions,
  ProgressReport,
  ProgressTask,
  ReportStatus,
  SetIndicatorValueRequest,
  UpdateProgressReportRequest,
  UpdateProgressTaskRequest,
  WorkPackageProgress,
} from '@kehittamo/shared/domain';
import type { Observable } from 'rxjs';

const BASE = '/api/progress';
const workPackage = (code: string) => `${BASE}/work-packages/${encodeURIComponent(code)}`;
const task = (id: string) => `${BASE}/tasks/${encodeURIComponent(id)}`;
const report = (id: string) => `${BASE}/reports/${encodeURIComponent(id)}`;

/** Filters of the report list; empty ones are left out of the request. */
export interface ReportFilter {
  organisationId?: string;
  status?: ReportStatus | '';
}

/** The funder report's two formats. */
export type FunderReportFormat = 'pdf' | 'docx';

/** Where the CSV exports are downloaded from (plain links: the browser downloads them). */
export const CSV_EXPORTS = {
  tasks: `${BASE}/export/tasks.csv`,
  budget: `${BASE}/export/budget.csv`,
  costs: `${BASE}/export/costs.csv`,
  indicators: `${BASE}/export/indicators.csv`,
} as const;

/** The expert ledger for payroll, with real names; every download is audited. */
export const ledgerCsv = (from: string, to: string) =>
  `${BASE}/export/expert-ledger.csv?${new URLSearchParams({ from, to }).toString()}`;

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

  // ---------- reports ----------

  /** Newest period first. */
  reports(filter: ReportFilter = {}): Observable<ProgressReport[]> {
    const params: Record<string, string> = {};
    if (filter.organisationId) params['organisationId'] = filter.organisationId;
    if (filter.status) params['status'] = filter.status;
    return this.http.get<ProgressReport[]>(`${BASE}/reports`, { params });
  }

  report(id: string): Observable<ProgressReport> {
    return this.http.get<ProgressReport>(report(id));
  }

  /** A draft; 409 when the organisation already has one for the quarter. */
  createReport(request: CreateProgressReportRequest): Observable<ProgressReport> {
    return this.http.post<ProgressReport>(`${BASE}/reports`, request);
  }

  /** Draft or returned only (`canEdit`); 409 otherwise. */
  updateReport(id: string, request: UpdateProgressReportRequest): Observable<ProgressReport> {
    return this.http.patch<ProgressReport>(report(id), request);
  }

  /** 400 `validation_failed` with the empty required sections as `fields`. */
  submitReport(id: string): Observable<ProgressReport> {
    return this.http.post<ProgressReport>(`${report(id)}/submit`, {});
  }

  /** Coordinators and admins (`canDecide`); returning needs a comment. */
  decideReport(id: string, request: DecideProgressReportRequest): Observable<ProgressReport> {
    return this.http.post<ProgressReport>(`${report(id)}/decision`, request);
  }

  // ---------- indicators and engagement ----------

  indicators(): Observable<Indicator[]> {
    return this.http.get<Indicator[]>(`${BASE}/indicators`);
  }

  /** Manual indicators (`canEnter`) only; entering again corrects the value. Answers the indicator. */
  setIndicatorValue(id: string, request: SetIndicatorValueRequest): Observable<Indicator> {
    return this.http.put<Indicator>(`${BASE}/indicators/${encodeURIComponent(id)}/values`, request);
  }

  /** Per quarter, suppressed when fewer than three experts took part. */
  expertEngagement(): Observable<ExpertEngagementSummary> {
    return this.http.get<ExpertEngagementSummary>(`${BASE}/expert-engagement`);
  }

  /** Coordinators and admins only (`canManage`). */
  expertLedger(from: string, to: string): Observable<ExpertLedger> {
    return this.http.get<ExpertLedger>(`${BASE}/expert-ledger`, { params: { from, to } });
  }

  createLedgerEntry(request: CreateLedgerEntryRequest): Observable<ExpertLedgerRow> {
    return this.http.post<ExpertLedgerRow>(`${BASE}/expert-ledger`, request);
  }

  // ---------- exports ----------

  /** The funder report for a quarter as a file (not for experts: it holds the budget). */
  funderReport(format: FunderReportFormat, period: string): Observable<Blob> {
    return this.http.get(`${BASE}/export/funder-report.${format}`, { params: { period }, responseType: 'blob' });
  }
}
