/** Quarters (`YYYY-Qn`), the period of reports, indicators and the funder report. */

/** `2025-Q3` → 1.7.2025–30.9.2025. */
export function quarterDates(period: string): { startsOn: string; endsOn: string } {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  const startMonth = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, startMonth - 1 + 3, 0));
  return { startsOn: `${year}-${String(startMonth).padStart(2, '0')}-01`, endsOn: end.toISOString().slice(0, 10) };
}

export function quarterOf(startsOn: string): string {
  return `${startsOn.slice(0, 4)}-Q${Math.floor((Number(startsOn.slice(5, 7)) - 1) / 3) + 1}`;
}

/** SQL: the quarter (`YYYY-Qn`) of a date or timestamp column. */
export const QUARTER_SQL = (column: string) => `to_char(${column}, 'YYYY') || '-Q' || to_char(${column}, 'Q')`;
