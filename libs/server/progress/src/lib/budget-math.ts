import { COST_CATEGORIES, type BudgetFigures, type BudgetMonth, type CostCategory } from '@kehittamo/shared/domain';

export interface PlannedBudget {
  netCosts: number;
  ownShare: number;
  euShare: number;
}

export interface MonthlyCost {
  /** `YYYY-MM`. */
  period: string;
  category: CostCategory;
  amount: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** Months from the start month to the end month, inclusive (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * Planned against actual for one budget: what is left, how much is used, the burn rate (mean
 * cost per month over the project's months so far, from its start up to `today`'s month) and the
 * forecast to the end at that rate.
 */
export function budgetFigures(plan: PlannedBudget, costs: MonthlyCost[], project: { startsOn: string; endsOn: string }, today: string): BudgetFigures {
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((c) => [c, 0])) as Record<CostCategory, number>;
  let actual = 0;
  for (const cost of costs) {
    byCategory[cost.category] = cents(byCategory[cost.category] + cost.amount);
    actual += cost.amount;
  }
  actual = cents(actual);
  const start = project.startsOn.slice(0, 7);
  const end = project.endsOn.slice(0, 7);
  const now = today.slice(0, 7) < start ? start : today.slice(0, 7) > end ? end : today.slice(0, 7);
  const elapsed = monthsBetween(start, now).length;
  const left = monthsBetween(now, end).length - 1;
  const monthlyBurn = elapsed > 0 ? cents(actual / elapsed) : 0;
  return {
    netCosts: plan.netCosts,
    ownShare: plan.ownShare,
    euShare: plan.euShare,
    actual,
    remaining: cents(plan.netCosts - actual),
    usedPercent: plan.netCosts > 0 ? Math.round((actual / plan.netCosts) * 1000) / 10 : 0,
    monthlyBurn,
    forecast: cents(actual + monthlyBurn * Math.max(0, left)),
    byCategory,
  };
}

/** Cumulative actual against an even plan, month by month from the start up to `today`'s month. */
export function budgetMonths(totalPlanned: number, costs: MonthlyCost[], project: { startsOn: string; endsOn: string }, today: string): BudgetMonth[] {
  const all = monthsBetween(project.startsOn.slice(0, 7), project.endsOn.slice(0, 7));
  const upTo = today.slice(0, 7);
  const perMonth = new Map<string, number>();
  for (const cost of costs) perMonth.set(cost.period, (perMonth.get(cost.period) ?? 0) + cost.amount);
  let cumulative = 0;
  return all
    .map((period, index) => {
      const actual = cents(perMonth.get(period) ?? 0);
      cumulative = cents(cumulative + actual);
      return { period, actual, cumulativeActual: cumulative, cumulativePlanned: cents((totalPlanned * (index + 1)) / all.length) };
    })
    .filter((m) => m.period <= upTo);
}

/** The sum of several budgets' figures (the project total); rates recomputed from the sums. */
export function sumFigures(parts: BudgetFigures[]): BudgetFigures {
  const byCategory = Object.fromEntries(COST_CATEGORIES.map((c) => [c, cents(parts.reduce((s, p) => s + p.byCategory[c], 0))])) as Record<CostCategory, number>;
  const sum = (key: 'netCosts' | 'ownShare' | 'euShare' | 'actual' | 'remaining' | 'monthlyBurn' | 'forecast') => cents(parts.reduce((s, p) => s + p[key], 0));
  const netCosts = sum('netCosts');
  const actual = sum('actual');
  return {
    netCosts,
    ownShare: sum('ownShare'),
    euShare: sum('euShare'),
    actual,
    remaining: sum('remaining'),
    usedPercent: netCosts > 0 ? Math.round((actual / netCosts) * 1000) / 10 : 0,
    monthlyBurn: sum('monthlyBurn'),
    forecast: sum('forecast'),
    byCategory,
  };
}
