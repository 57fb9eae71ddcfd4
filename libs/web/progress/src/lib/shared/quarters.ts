/** The project runs from 1.8.2024 to 31.12.2026. */
export const PROJECT_START = '2024-08-01';
export const PROJECT_END = '2026-12-31';

/** The project's quarters, `2024-Q3` … `2026-Q4`: what reports, indicator values and the funder report are for. */
export const PROJECT_QUARTERS: readonly string[] = (() => {
  const quarters: string[] = [];
  for (let year = 2024; year <= 2026; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === 2024 && quarter < 3) continue;
      quarters.push(`${year}-Q${quarter}`);
    }
  }
  return quarters;
})();

/** The quarter of a day, `YYYY-Qn`. */
export function quarterOf(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** Today's quarter, kept within the project (the first before it starts, the last after it ends). */
export function currentQuarter(today = new Date()): string {
  const quarter = quarterOf(today);
  if (quarter < PROJECT_QUARTERS[0]) return PROJECT_QUARTERS[0];
  const last = PROJECT_QUARTERS[PROJECT_QUARTERS.length - 1];
  return quarter > last ? last : quarter;
}

/** A local day as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
