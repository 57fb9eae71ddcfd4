import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { DataSource } from 'typeorm';
import { BudgetService } from '../budget.service';
import { IndicatorService } from '../indicator.service';
import { requireBudgetAccess } from '../progress-access';
import { quarterDates } from '../quarters';
import { ReportService } from '../report.service';
import { WorkPackageService } from '../work-package.service';
import { toCsv } from './csv';
import { STATUS_FI, type FunderReportData } from './funder-report-data';
import { renderFunderReportDocx } from './funder-report-docx';
import { renderFunderReportPdf } from './funder-report-pdf';

export const CSV_TABLES = ['tasks', 'budget', 'costs', 'indicators'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const REPORT_STATUS_FI: Record<string, string> = { approved: 'hyväksytty', submitted: 'odottaa hyväksyntää' };

/** The funder report (DOCX, PDF) for a quarter, and any of the view's tables as CSV. */
@Injectable()
export class ProgressExportService {
  constructor(
    private readonly db: DataSource,
    private readonly workPackages: WorkPackageService,
    private readonly budget: BudgetService,
    private readonly indicators: IndicatorService,
    private readonly reports: ReportService,
  ) {}

  async funderReport(user: AuthenticatedUser, period: string, format: 'pdf' | 'docx', today = new Date().toISOString().slice(0, 10)): Promise<ExportFile> {
    const data = await this.funderReportData(user, period, today);
    const body = format === 'pdf' ? await renderFunderReportPdf(data) : await renderFunderReportDocx(data);
    return {
      body,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: `vaiheraportti-${period}.${format}`,
    };
  }

  async funderReportData(user: AuthenticatedUser, period: string, today: string): Promise<FunderReportData> {
    requireBudgetAccess(await this.workPackages.permissions(user));
    const { startsOn, endsOn } = quarterDates(period);
    const [project]: { name: string }[] = await this.db.query(`SELECT name FROM projects ORDER BY starts_on LIMIT 1`);
    if (!project) throw AppException.notFound('Project');
    const [packages, indicators, budget, reports] = await Promise.all([
      this.workPackages.list(user),
      this.indicators.list(user),
      this.budget.overview(user, today),
      this.reports.list(user, {}),
    ]);
    const periodCosts: { organisation_id: string; amount: string }[] = await this.db.query(
      `SELECT organisation_id, sum(amount)::text AS amount FROM progress_costs WHERE period BETWEEN $1 AND $2 GROUP BY organisation_id`,
      [startsOn, endsOn],
    );
    const inPeriod = new Map(periodCosts.map((c) => [c.organisation_id, Number(c.amount)]));
    const rows = budget.organisations.map((o) => ({
      organisation: o.name,
      netCosts: o.netCosts,
      ownShare: o.ownShare,
      euShare: o.euShare,
      actual: o.actual,
      actualInPeriod: inPeriod.get(o.organisationId) ?? 0,
      usedPercent: o.usedPercent,
    }));
    return {
      projectName: project.name,
      period,
      startsOn,
      endsOn,
      generatedOn: today,
      workPackages: packages.map((wp) => ({
        code: wp.code,
        name: wp.name,
        objective: wp.objective,
        percent: wp.percent,
        statusCounts: wp.statusCounts,
        overdue: wp.overdue,
        completed: wp.tasks
          .filter((t) => t.status === 'done' && t.dueOn >= startsOn && t.dueOn <= endsOn)
          .map((t) => ({ title: t.title, organisation: t.organisationShortName, dueOn: t.dueOn })),
      })),
      indicators: indicators.map((i) => ({
        name: i.name,
        unit: i.unit,
        target: i.target,
        current: i.current,
        inPeriod: i.totals.find((x) => x.period === period)?.value ?? 0,
      })),
      budget: {
        rows,
        total: {
          netCosts: budget.total.netCosts,
          ownShare: budget.total.ownShare,
          euShare: budget.total.euShare,
          actual: budget.total.actual,
          actualInPeriod: rows.reduce((s, r) => s + r.actualInPeriod, 0),
          usedPercent: budget.total.usedPercent,
        },
      },
      highlights: reports
        .filter((r) => r.period === period && (r.status === 'approved' || r.status === 'submitted'))
        .map((r) => ({ organisation: r.organisationShortName, status: REPORT_STATUS_FI[r.status], done: r.done, next: r.next })),
    };
  }

  async csv(user: AuthenticatedUser, table: CsvTable): Promise<ExportFile> {
    const file = (body: Buffer): ExportFile => ({ body, contentType: 'text/csv; charset=utf-8', filename: `${table}.csv` });
    switch (table) {
      case 'tasks': {
        const packages = await this.workPackages.list(user);
        return file(
          toCsv(
            ['Työpaketti', 'Toteuttaja', 'Laji', 'Tehtävä', 'Yläteht.', 'Vastuuhenkilö', 'Alkaa', 'Määräpäivä', 'Tila', 'Valmiusaste %', 'Ehdotus %'],
            packages.flatMap((wp) =>
              wp.tasks.map((t) => [
                wp.code,
                t.organisationShortName,
                t.kind === 'milestone' ? 'välitavoite' : 'tehtävä',
                t.title,
                t.parentId ? (wp.tasks.find((p) => p.id === t.parentId)?.title ?? '') : '',
                t.ownerName ?? '',
                t.startsOn ?? '',
                t.dueOn,
                STATUS_FI[t.status],
                t.percent,
                t.suggestion?.percent ?? null,
              ]),
            ),
          ),
        );
      }
      case 'budget': {
        const budget = await this.budget.overview(user);
        return file(
          toCsv(
            ['Toteuttaja', 'Kustannusarvio €', 'Omarahoitus €', 'EU-rahoitus €', 'Toteutunut €', 'Jäljellä €', 'Käytetty %', 'Kuukausikulutus €', 'Ennuste €'],
            [...budget.organisations.map((o) => ({ label: o.name, ...o })), { label: 'Yhteensä', ...budget.total }].map((o) => [
              o.label,
              o.netCosts,
              o.ownShare,
              o.euShare,
              o.actual,
              o.remaining,
              o.usedPercent,
              o.monthlyBurn,
              o.forecast,
            ]),
          ),
        );
      }
      case 'costs': {
        const costs = await this.budget.costs(user);
        return file(toCsv(['Toteuttaja', 'Kuukausi', 'Laji', 'Summa €', 'Selite'], costs.map((c) => [c.organisationShortName, c.period, c.category, c.amount, c.note])));
      }
      case 'indicators': {
        const indicators = await this.indicators.list(user);
        return file(
          toCsv(
            ['Indikaattori', 'Yksikkö', 'Toteuttaja', 'Vuosineljännes', 'Arvo'],
            indicators.flatMap((i) => i.values.map((v) => [i.name, i.unit, v.organisationShortName ?? 'yhteiset', v.period, v.value])),
          ),
        );
      }
    }
  }
}
