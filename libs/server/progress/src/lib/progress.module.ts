import { Module } from '@nestjs/common';
import { DataAccessModule } from '@kehittamo/server/data-access';
import { BudgetService } from './budget.service';
import { ProgressController } from './progress.controller';
import { ProgressExportService } from './export/export.service';
import { ExpertLedgerService } from './expert-ledger.service';
import { IndicatorService } from './indicator.service';
import { ReportService } from './report.service';
import { WorkPackageService } from './work-package.service';

/** The project management view: work packages, tasks and milestones, budget and actual costs. */
@Module({
  imports: [DataAccessModule],
  controllers: [ProgressController],
  providers: [WorkPackageService, BudgetService, ReportService, IndicatorService, ProgressExportService, ExpertLedgerService],
})
export class ProgressModule {}
