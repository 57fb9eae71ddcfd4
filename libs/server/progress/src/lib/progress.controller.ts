import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { AppException, CurrentUser, attachmentDisposition, type AuthenticatedUser } from '@kehittamo/server/core';
import type { BudgetOverview, CostEntry, ExpertEngagementSummary, ExpertLedger, ExpertLedgerRow, Indicator, ProgressPermissions, ProgressReport, ProgressTask, WorkPackageProgress } from '@kehittamo/shared/domain';
import { BudgetService } from './budget.service';
import {
  CostQueryDto,
  CreateIndicatorDto,
  CreateLedgerEntryDto,
  LedgerRangeDto,
  ExportPeriodDto,
  SetIndicatorValueDto,
  CreateCostDto,
  CreateReportDto,
  CreateTaskDto,
  DecideReportDto,
  ReportQueryDto,
  UpdateObjectiveDto,
  UpdateReportDto,
  UpdateTaskDto,
} from './dto/progress.dto';
import { CSV_TABLES, ProgressExportService, type CsvTable, type ExportFile } from './export/export.service';
import { ExpertLedgerService } from './expert-ledger.service';
import { IndicatorService } from './indicator.service';
import { ReportService } from './report.service';
import { WorkPackageService } from './work-package.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('progress')
@Controller('progress')
export class ProgressController {
  constructor(
    private readonly workPackages: WorkPackageService,
    private readonly budget: BudgetService,
    private readonly reports: ReportService,
    private readonly indicators: IndicatorService,
    private readonly exports: ProgressExportService,
    private readonly ledger: ExpertLedgerService,
  ) {}

  @Get('permissions')
  permissions(@CurrentUser() user: AuthenticatedUser): Promise<ProgressPermissions> {
    return this.workPackages.permissions(user);
  }

  @Get('work-packages')
  listWorkPackages(@CurrentUser() user: AuthenticatedUser): Promise<WorkPackageProgress[]> {
    return this.workPackages.list(user);
  }

  @Get('work-packages/:code')
  getWorkPackage(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string): Promise<WorkPackageProgress> {
    return this.workPackages.get(user, code);
  }

  /** Coordinators and admins. */
  @Put('work-packages/:code/objective')
  setObjective(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() dto: UpdateObjectiveDto): Promise<WorkPackageProgress> {
    return this.workPackages.setObjective(user, code, dto.objective);
  }

  @Post('tasks')
  createTask(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateTaskDto): Promise<ProgressTask> {
    return this.workPackages.create(user, dto);
  }

  @Patch('tasks/:id')
  updateTask(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateTaskDto): Promise<ProgressTask> {
    return this.workPackages.update(user, id, dto);
  }

  @Delete('tasks/:id')
  @HttpCode(204)
  deleteTask(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    return this.workPackages.delete(user, id);
  }

  /** Per organisation and in total: net costs, own share (20 %), EU share (80 %), actuals, burn rate, forecast. Not for experts (403). */
  @Get('budget')
  budgetOverview(@CurrentUser() user: AuthenticatedUser): Promise<BudgetOverview> {
    return this.budget.overview(user);
  }

  @Get('costs')
  costs(@CurrentUser() user: AuthenticatedUser, @Query() query: CostQueryDto): Promise<CostEntry[]> {
    return this.budget.costs(user, query.organisationId);
  }

  @Post('costs')
  addCost(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCostDto): Promise<CostEntry> {
    return this.budget.addCost(user, dto);
  }

  @Delete('costs/:id')
  @HttpCode(204)
  deleteCost(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    return this.budget.deleteCost(user, id);
  }

  @Get('reports')
  listReports(@CurrentUser() user: AuthenticatedUser, @Query() query: ReportQueryDto): Promise<ProgressReport[]> {
    return this.reports.list(user, query);
  }

  /** A draft for an organisation and quarter (one per quarter: 409 for a second). */
  @Post('reports')
  createReport(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateReportDto): Promise<ProgressReport> {
    return this.reports.create(user, dto);
  }

  @Get('reports/:id')
  getReport(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ProgressReport> {
    return this.reports.get(user, id);
  }

  /** Drafts and returned reports, by the organisation. */
  @Patch('reports/:id')
  updateReport(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: UpdateReportDto): Promise<ProgressReport> {
    return this.reports.update(user, id, dto);
  }

  @Post('reports/:id/submit')
  @HttpCode(200)
  submitReport(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ProgressReport> {
    return this.reports.submit(user, id);
  }

  /** Coordinators and admins: approve, or return with a comment. */
  @Post('reports/:id/decision')
  @HttpCode(200)
  decideReport(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: DecideReportDto): Promise<ProgressReport> {
    return this.reports.decide(user, id, dto);
  }

  @Get('indicators')
  listIndicators(@CurrentUser() user: AuthenticatedUser): Promise<Indicator[]> {
    return this.indicators.list(user);
  }

  /** Coordinators and admins. */
  @Post('indicators')
  createIndicator(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateIndicatorDto): Promise<Indicator> {
    return this.indicators.create(user, dto);
  }

  /** One organisation's value for a quarter (entered indicators only; counted ones answer 409). */
  @Put('indicators/:id/values')
  setIndicatorValue(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: SetIndicatorValueDto): Promise<Indicator> {
    return this.indicators.setValue(user, id, dto);
  }

  /** The funder progress report for a quarter (`?period=2025-Q3`): WP status, indicators, budget use, highlights. */
  @Get('export/funder-report.:format')
  async funderReport(
    @CurrentUser() user: AuthenticatedUser,
    @Param('format') format: string,
    @Query() query: ExportPeriodDto,
    @Res() res: Response,
  ): Promise<void> {
    if (format !== 'pdf' && format !== 'docx') throw AppException.notFound('Export format');
    send(res, await this.exports.funderReport(user, query.period, format));
  }

  /** Coordinators and admins: experts' engagements in a date range, for fees and travel. */
  @Get('expert-ledger')
  expertLedger(@CurrentUser() user: AuthenticatedUser, @Query() query: LedgerRangeDto): Promise<ExpertLedger> {
    return this.ledger.ledger(user, query.from, query.to);
  }

  @Post('expert-ledger')
  addLedgerEntry(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateLedgerEntryDto): Promise<ExpertLedgerRow> {
    return this.ledger.add(user, dto);
  }

  @Delete('expert-ledger/:id')
  @HttpCode(204)
  removeLedgerEntry(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<void> {
    return this.ledger.remove(user, id);
  }

  /** For payroll, with real names; every download is written to the audit log. */
  @Get('export/expert-ledger.csv')
  async expertLedgerCsv(@CurrentUser() user: AuthenticatedUser, @Query() query: LedgerRangeDto, @Res() res: Response): Promise<void> {
    send(res, { body: await this.ledger.payrollCsv(user, query.from, query.to), contentType: 'text/csv; charset=utf-8', filename: `kokemusasiantuntijat-${query.from}-${query.to}.csv` });
  }

  /** Everyone: per quarter, only figures that cannot point to a person. */
  @Get('expert-engagement')
  expertEngagement(): Promise<ExpertEngagementSummary> {
    return this.ledger.summary();
  }

  // Declared last: `:table.csv` would otherwise catch the ledger's own export above.
  /** A table as CSV for a spreadsheet: tasks, budget, costs or indicators. */
  @Get('export/:table.csv')
  async csv(@CurrentUser() user: AuthenticatedUser, @Param('table') table: string, @Res() res: Response): Promise<void> {
    if (!(CSV_TABLES as readonly string[]).includes(table)) throw AppException.notFound('Table');
    send(res, await this.exports.csv(user, table as CsvTable));
  }
}

function send(res: Response, file: ExportFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', attachmentDisposition(file.filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(file.body.byteLength));
  res.end(file.body);
}
