import { Module } from '@nestjs/common';
import { BudgetService } from './budget.service';
import { ProgressController } from './progress.controller';
import { ProgressExportService } from './export/export.service';
import { IndicatorService } from './indicator.service';
import { ReportService } from './report.service';
import { WorkPackageService } from './work-package.service';

/** The project management view: work packages, tasks and milestones, budget and actual costs. */
@Module({
  controllers: [ProgressController],
  providers: [WorkPackageService, BudgetService, ReportService, IndicatorService, ProgressExportService],
})
export class ProgressModule {}
