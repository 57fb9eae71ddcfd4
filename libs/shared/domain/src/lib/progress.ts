import type { IsoDate, IsoDateTime } from './contracts';

/**
 * The project management view (`/api/progress/…`): work packages with their tasks and milestones
 * per organisation, and the budget with actual costs. Money is in whole euros as plain numbers
 * (cents allowed in actual costs).
 */

export const TASK_KINDS = ['task', 'milestone'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['not-started', 'on-track', 'at-risk', 'delayed', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const COST_CATEGORIES = ['personnel', 'services', 'travel', 'equipment', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const PROGRESS_LIMITS = {
  titleMax: 200,
  descriptionMax: 4000,
  objectiveMax: 2000,
  noteMax: 500,
  /** Largest single cost entry, in euros. */
  amountMax: 10_000_000,
  modelLinksMax: 20,
} as const;

/** `YYYY-MM`: the month a cost belongs to. */
export const COST_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The suggested % complete, derived from linked evidence, shown beside the hand-entered value:
 * the share of sub-tasks done, and for linked model descriptions their completeness and phase.
 * Managers decide; the suggestion never overwrites anything.
 */
export interface PercentSuggestion {
  percent: number;
  /** What it was derived from, for the explanation shown beside it. */
  basis: { subtasksDone: number; subtasks: number; models: number; modelPercent: number | null };
}

export interface ProgressTask {
  id: string;
  workPackageId: string;
  workPackageCode: string;
  organisationId: string;
  organisationShortName: string;
  /** A sub-task's parent task; milestones and top-level tasks have none. */
  parentId: string | null;
  kind: TaskKind;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  startsOn: IsoDate | null;
  dueOn: IsoDate;
  status: TaskStatus;
  /** Entered by hand, 0–100. */
  percent: number;
  suggestion: PercentSuggestion | null;
  /** Linked model descriptions the caller may see. */
  models: { id: string; name: string; phase: string }[];
  /** Not done and past its due date. */
  overdue: boolean;
  canEdit: boolean;
  updatedAt: IsoDateTime;
}

export interface WorkPackageProgress {
  id: string;
  code: string;
  name: string;
  objective: string;
  /** Tasks and milestones in due-date order (sub-tasks after their parent). */
  tasks: ProgressTask[];
  /** Mean % complete of the top-level tasks (0 without tasks). */
  percent: number;
  statusCounts: Record<TaskStatus, number>;
  overdue: number;
}

export interface CreateProgressTaskRequest {
  workPackageId: string;
  organisationId: string;
  kind: TaskKind;
  title: string;
  description?: string;
  ownerId?: string | null;
  startsOn?: IsoDate | null;
  dueOn: IsoDate;
  parentId?: string | null;
  status?: TaskStatus;
  percent?: number;
  modelIds?: string[];
}

export type UpdateProgressTaskRequest = Partial<Omit<CreateProgressTaskRequest, 'workPackageId' | 'organisationId' | 'kind' | 'parentId'>>;

export interface UpdateWorkPackageRequest {
  objective: string;
}

// ---------- budget ----------

export interface BudgetFigures {
  /** Planned net costs. */
  netCosts: number;
  /** Own financing (20 %). */
  ownShare: number;
  /** EU financing (80 %). */
  euShare: number;
  /** Actual costs entered so far. */
  actual: number;
  /** netCosts − actual. */
  remaining: number;
  /** actual / netCosts, 0–100+ (one decimal). */
  usedPercent: number;
  /** Mean actual cost per month over the months with entries so far (the burn rate). */
  monthlyBurn: number;
  /** actual + monthlyBurn × months left to the project's end. */
  forecast: number;
  byCategory: Record<CostCategory, number>;
}

export interface OrganisationBudget extends BudgetFigures {
  organisationId: string;
  name: string;
  shortName: string;
}

export interface BudgetMonth {
  /** `YYYY-MM`. */
  period: string;
  actual: number;
  cumulativeActual: number;
  /** Planned cumulative spend if the budget were used evenly over the project. */
  cumulativePlanned: number;
}

/** `GET /api/progress/budget`. */
export interface BudgetOverview {
  startsOn: IsoDate;
  endsOn: IsoDate;
  organisations: OrganisationBudget[];
  total: BudgetFigures;
  /** Every month of the project up to now, all organisations together. */
  months: BudgetMonth[];
  /** True when the caller may enter costs for at least one organisation. */
  canEnterCosts: boolean;
}

export interface CostEntry {
  id: string;
  organisationId: string;
  organisationShortName: string;
  period: string;
  category: CostCategory;
  amount: number;
  note: string;
  enteredBy: string | null;
  enteredAt: IsoDateTime;
}

export interface CreateCostEntryRequest {
  organisationId: string;
  period: string;
  category: CostCategory;
  amount: number;
  note?: string;
}

/** `GET /api/progress/permissions`: what the caller may do in the project management view. */
export interface ProgressPermissions {
  /** Organisations whose tasks and costs the caller may enter and change. */
  editableOrganisationIds: string[];
  /** Coordinators and admins: work-package objectives, every organisation. */
  canManage: boolean;
  /** Everyone but experience experts. */
  canSeeBudget: boolean;
}

// ---------- periodic progress reports ----------

/**
 * `draft` → `submitted` → `approved`, or `returned` to the organisation with the coordinator's
 * comment (then edited and submitted again). Every step is kept in the report's history.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A quarter, `YYYY-Qn`, e.g. `2025-Q3`. */
export const REPORT_PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

export const REPORT_LIMITS = { sectionMax: 8000, commentMax: 2000 } as const;

export interface ProgressReportSections {
  /** What was done in the period. */
  done: string;
  /** What comes next. */
  next: string;
  risks: string;
  /** Support the organisation needs (from the main project or the others). */
  support: string;
}

export interface ProgressReportEvent {
  action: 'created' | 'edited' | 'submitted' | 'approved' | 'returned';
  actorName: string | null;
  comment: string;
  at: IsoDateTime;
}

export interface ProgressReport extends ProgressReportSections {
  id: string;
  organisationId: string;
  organisationShortName: string;
  /** `YYYY-Qn`. */
  period: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: ReportStatus;
  /** The coordinator's latest comment (on approving or returning). */
  coordinatorComment: string;
  authorName: string | null;
  updatedAt: IsoDateTime;
  /** The organisation may edit and submit it (draft or returned). */
  canEdit: boolean;
  /** Coordinators and admins may approve or return it (submitted). */
  canDecide: boolean;
  history: ProgressReportEvent[];
}

export interface CreateProgressReportRequest {
  organisationId: string;
  period: string;
}

export type UpdateProgressReportRequest = Partial<ProgressReportSections>;

export interface DecideProgressReportRequest {
  decision: 'approve' | 'return';
  /** Required when returning. */
  comment?: string;
}

// ---------- indicators ----------

/**
 * Where an indicator's values come from: entered by the organisations (`manual`), or counted by
 * the platform itself — workshops held, experience experts' published comments (counts only,
 * never per person), model descriptions that reached "ready" or "established".
 */
export const INDICATOR_SOURCES = ['manual', 'workshops-held', 'expert-contributions', 'models-ready'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const INDICATOR_LIMITS = { nameMax: 200, unitMax: 40, descriptionMax: 2000, valueMax: 1_000_000_000 } as const;

export interface IndicatorValue {
  /** Null: the project's shared spaces (not one organisation's). */
  organisationId: string | null;
  organisationShortName: string | null;
  /** `YYYY-Qn`. */
  period: string;
  value: number;
}

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  description: string;
  source: IndicatorSource;
  target: number | null;
  baseline: number | null;
  /** Every value, per organisation and quarter, oldest first. */
  values: IndicatorValue[];
  /** All organisations together, per quarter, oldest first. */
  totals: { period: string; value: number }[];
  /** The sum of all values so far (counts) — compared with `target`. */
  current: number;
  canEnter: boolean;
}

export interface CreateIndicatorRequest {
  name: string;
  unit: string;
  description?: string;
  source?: IndicatorSource;
  target?: number | null;
  baseline?: number | null;
}

/** `PUT /api/progress/indicators/:id/values`: one organisation's value for a quarter (manual indicators). */
export interface SetIndicatorValueRequest {
  organisationId: string;
  period: string;
  value: number;
}

// ---------- experience-expert engagement ledger ----------

/** Fewer experts than this in a group, and the group's figures are not shown (they would identify someone). */
export const ENGAGEMENT_MIN_GROUP = 3;

export const LEDGER_LIMITS = { descriptionMax: 300, hoursMax: 24, travelMax: 5000 } as const;

/**
 * One engagement of an experience expert: a workshop they attended (from the attendance record)
 * or a task entered by a coordinator. Only coordinators and admins see these, for fees and travel.
 */
export interface ExpertLedgerRow {
  /** Null for workshop attendance (derived, not entered). */
  id: string | null;
  expertId: string;
  displayName: string;
  /** For payroll only. */
  realName: string | null;
  organisationShortName: string;
  date: IsoDate;
  kind: 'workshop' | 'task';
  description: string;
  hours: number;
  travelCosts: number;
}

export interface ExpertLedger {
  from: IsoDate;
  to: IsoDate;
  rows: ExpertLedgerRow[];
  /** Per expert: engagements, hours, travel costs in the range. */
  totals: { expertId: string; displayName: string; realName: string | null; engagements: number; hours: number; travelCosts: number }[];
}

export interface CreateLedgerEntryRequest {
  expertId: string;
  date: IsoDate;
  description: string;
  hours: number;
  travelCosts?: number;
}

/**
 * `GET /api/progress/expert-engagement`: what everyone may see — per quarter, how many experts took
 * part, in how many engagements, for how many hours; null (suppressed) when fewer than
 * ENGAGEMENT_MIN_GROUP experts took part that quarter.
 */
export interface ExpertEngagementSummary {
  quarters: { period: string; suppressed: boolean; experts: number | null; engagements: number | null; hours: number | null }[];
}
