import type { TaskStatus } from '@kehittamo/shared/domain';

/** Everything the funder report shows, gathered once and written as DOCX or PDF. */
export interface FunderReportData {
  projectName: string;
  /** `YYYY-Qn`. */
  period: string;
  startsOn: string;
  endsOn: string;
  generatedOn: string;
  workPackages: {
    code: string;
    name: string;
    objective: string;
    percent: number;
    statusCounts: Record<TaskStatus, number>;
    overdue: number;
    /** Milestones and tasks done whose due date falls in the period. */
    completed: { title: string; organisation: string; dueOn: string }[];
  }[];
  indicators: { name: string; unit: string; target: number | null; current: number; inPeriod: number }[];
  budget: {
    rows: { organisation: string; netCosts: number; ownShare: number; euShare: number; actual: number; actualInPeriod: number; usedPercent: number }[];
    total: { netCosts: number; ownShare: number; euShare: number; actual: number; actualInPeriod: number; usedPercent: number };
  };
  /** From the organisations' reports for the period (approved or submitted). */
  highlights: { organisation: string; status: string; done: string; next: string }[];
}

export const STATUS_FI: Record<TaskStatus, string> = {
  'not-started': 'ei aloitettu',
  'on-track': 'ajallaan',
  'at-risk': 'riskissä',
  delayed: 'myöhässä',
  done: 'valmis',
};

const euroFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 2 });

/** "439 685 €" with a normal space (fonts without the narrow no-break space render it). */
export const euros = (value: number) => `${euroFormat.format(Math.round(value)).replace(/\s/g, ' ')} €`;
export const number = (value: number) => numberFormat.format(value).replace(/\s/g, ' ');
export const finnishDate = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

export function statusSummary(counts: Record<TaskStatus, number>): string {
  const parts = (Object.keys(STATUS_FI) as TaskStatus[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_FI[s]}`);
  return parts.length ? parts.join(', ') : 'ei tehtäviä';
}

/** The report's tables as rows of text: the DOCX and the PDF show the same. */
export function reportTables(data: FunderReportData): { title: string; header: string[]; rows: string[][] }[] {
  return [
    {
      title: 'Työpakettien tilanne',
      header: ['Työpaketti', 'Valmiusaste', 'Tehtävät', 'Myöhässä'],
      rows: data.workPackages.map((wp) => [`${wp.code} ${wp.name}`, `${wp.percent} %`, statusSummary(wp.statusCounts), String(wp.overdue)]),
    },
    {
      title: 'Indikaattorit',
      header: ['Indikaattori', 'Jaksolla', 'Yhteensä', 'Tavoite'],
      rows: data.indicators.map((i) => [i.name, `${number(i.inPeriod)} ${i.unit}`, `${number(i.current)} ${i.unit}`, i.target === null ? '–' : `${number(i.target)} ${i.unit}`]),
    },
    {
      title: 'Talous',
      header: ['Toteuttaja', 'Kustannusarvio', 'Omarahoitus 20 %', 'EU-rahoitus 80 %', 'Toteutunut jaksolla', 'Toteutunut yhteensä', 'Käytetty'],
      rows: [...data.budget.rows, { organisation: 'Yhteensä', ...data.budget.total }].map((r) => [
        r.organisation,
        euros(r.netCosts),
        euros(r.ownShare),
        euros(r.euShare),
        euros(r.actualInPeriod),
        euros(r.actual),
        `${number(r.usedPercent)} %`,
      ]),
    },
  ];
}
