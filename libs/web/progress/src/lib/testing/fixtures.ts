import type {
  BudgetFigures,
  BudgetOverview,
  CostEntry,
  Indicator,
  ProgressReport,
  OrganisationBudget,
  ProgressPermissions,
  ProgressTask,
  TaskStatus,
  WorkPackageProgress,
} from '@kehittamo/shared/domain';

/** Builders for the progress specs (never imported by production code): ISO and Kainuu, TP4. */
export const ISO = 'o-iso';
export const KAINUU = 'o-kainuu';

export function permissions(overrides: Partial<ProgressPermissions> = {}): ProgressPermissions {
  return { editableOrganisationIds: [], canManage: false, canSeeBudget: true, ...overrides };
}

export function task(overrides: Partial<ProgressTask> = {}): ProgressTask {
  return {
    id: 't1',
    workPackageId: 'wp4',
    workPackageCode: 'TP4',
    organisationId: ISO,
    organisationShortName: 'ISO',
    parentId: null,
    kind: 'task',
    title: 'Kokemusasiantuntijoiden rakenne',
    description: '',
    ownerId: null,
    ownerName: null,
    startsOn: null,
    dueOn: '2025-06-30',
    status: 'on-track',
    percent: 40,
    suggestion: null,
    models: [],
    overdue: false,
    canEdit: false,
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const noCounts: Record<TaskStatus, number> = { 'not-started': 0, 'on-track': 0, 'at-risk': 0, delayed: 0, done: 0 };

export function workPackage(overrides: Partial<WorkPackageProgress> = {}): WorkPackageProgress {
  return {
    id: 'wp4',
    code: 'TP4',
    name: 'Kokemusasiantuntijuus kehittämisessä',
    objective: 'Rakenteet kokemusasiantuntijoiden mukanaololle.',
    tasks: [],
    percent: 0,
    statusCounts: { ...noCounts },
    overdue: 0,
    ...overrides,
  };
}

function figures(netCosts: number, actual: number, monthlyBurn: number, forecast: number): BudgetFigures {
  return {
    netCosts,
    ownShare: Math.round(netCosts * 0.2),
    euShare: netCosts - Math.round(netCosts * 0.2),
    actual,
    remaining: netCosts - actual,
    usedPercent: Math.round((actual / netCosts) * 1000) / 10,
    monthlyBurn,
    forecast,
    byCategory: { personnel: actual, services: 0, travel: 0, equipment: 0, other: 0 },
  };
}

export function organisationBudget(organisationId: string, name: string, netCosts: number, actual: number): OrganisationBudget {
  return { organisationId, name, shortName: name, ...figures(netCosts, actual, 10_000, actual + 200_000) };
}

export function budget(overrides: Partial<BudgetOverview> = {}): BudgetOverview {
  return {
    startsOn: '2024-08-01',
    endsOn: '2026-12-31',
    organisations: [
      organisationBudget(ISO, 'Itä-Suomen sosiaalialan osaamiskeskus', 439_685, 120_000.5),
      organisationBudget(KAINUU, 'Kainuun hyvinvointialue', 596_181, 150_000),
    ],
    total: figures(1_035_866, 270_000.5, 20_000, 1_100_000),
    months: [
      { period: '2024-08', actual: 90_000, cumulativeActual: 90_000, cumulativePlanned: 35_000 },
      { period: '2024-09', actual: 180_000.5, cumulativeActual: 270_000.5, cumulativePlanned: 70_000 },
    ],
    canEnterCosts: true,
    ...overrides,
  };
}

export function cost(overrides: Partial<CostEntry> = {}): CostEntry {
  return {
    id: 'c1',
    organisationId: ISO,
    organisationShortName: 'ISO',
    period: '2024-09',
    category: 'personnel',
    amount: 1250.5,
    note: 'Palkat',
    enteredBy: 'Kirsi K.',
    enteredAt: '2024-10-01T10:00:00.000Z',
    ...overrides,
  };
}

export function report(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: 'r1',
    organisationId: ISO,
    organisationShortName: 'ISO',
    period: '2025-Q3',
    startsOn: '2025-07-01',
    endsOn: '2025-09-30',
    status: 'draft',
    done: '',
    next: '',
    risks: '',
    support: '',
    coordinatorComment: '',
    authorName: 'Kirsi K.',
    updatedAt: '2025-09-20T10:00:00.000Z',
    canEdit: false,
    canDecide: false,
    history: [{ action: 'created', actorName: 'Kirsi K.', comment: '', at: '2025-09-01T10:00:00.000Z' }],
    ...overrides,
  };
}

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'i1',
    name: 'Koulutetut ammattilaiset',
    unit: 'henkilöä',
    description: '',
    source: 'manual',
    target: 40,
    baseline: 0,
    values: [
      { organisationId: ISO, organisationShortName: 'ISO', period: '2024-Q4', value: 5 },
      { organisationId: KAINUU, organisationShortName: 'Kainuu', period: '2024-Q4', value: 3 },
      { organisationId: ISO, organisationShortName: 'ISO', period: '2025-Q1', value: 4 },
    ],
    totals: [
      { period: '2024-Q4', value: 8 },
      { period: '2025-Q1', value: 4 },
    ],
    current: 12,
    canEnter: false,
    ...overrides,
  };
}

/** A 400 `validation_failed` body naming the fields. */
export function validationFailed(...fields: string[]) {
  return {
    statusCode: 400,
    code: 'validation_failed',
    message: 'Validation failed',
    fields: fields.map((field) => ({ field, problems: ['must be written before the report is submitted'] })),
  };
}

/** Whitespace as plain spaces: Intl puts no-break spaces between thousands and before "€". */
export const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * A row's (or any element's) children as text, one space between them: Angular drops the
 * whitespace between tags, so `textContent` would run the cells together.
 */
export const cells = (element: Element | null | undefined): string =>
  Array.from(element?.children ?? [])
    .map((child) => text(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
