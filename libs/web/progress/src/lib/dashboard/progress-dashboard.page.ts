import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProgressTask, WorkPackageProgress } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { FunderReportComponent } from '../exports/funder-report.component';
import { ProgressApi } from '../progress.api';
import { DayPipe, EurosPipe, PercentagePipe, statusCounts } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';

/**
 * "Miten hanke etenee?": a card per work package (% complete, status counts in words, overdue),
 * everything past its due date, and for staff (`canSeeBudget`) a budget summary. The budget is
 * not even asked for when the caller may not see it.
 */
@Component({
  selector: 'kh-progress-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    LabelPipe,
    ErrorMessageComponent,
    DayPipe,
    EurosPipe,
    PercentagePipe,
    ProgressNavComponent,
    FunderReportComponent,
  ],
  templateUrl: './progress-dashboard.page.html',
  styleUrls: ['../shared/progress.scss', './progress-dashboard.page.scss'],
})
export class ProgressDashboardPage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);

  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly workPackages = remote({ params: () => true, load: () => this.api.workPackages() });
  protected readonly budget = remote({
    params: () => this.permissions.value()?.canSeeBudget || undefined,
    load: () => this.api.budget(),
  });

  /** Overdue tasks and milestones of every work package, the longest overdue first. */
  protected readonly overdue = computed(() =>
    (this.workPackages.value() ?? [])
      .flatMap((wp) => wp.tasks.filter((task) => task.overdue))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title)),
  );

  /** How much the forecast goes over the planned net costs; null when it does not. */
  protected readonly overrun = computed(() => {
    const total = this.budget.value()?.total;
    return total && total.forecast > total.netCosts ? total.forecast - total.netCosts : null;
  });

  protected counts(wp: WorkPackageProgress): string {
    return statusCounts(wp.statusCounts, this.i18n) || this.i18n.translate('progress.noTasks');
  }

  protected bar(percent: number): number {
    return Math.min(100, Math.max(0, percent));
  }

  protected taskLink(task: ProgressTask): string[] {
    return ['/progress/work-packages', task.workPackageCode];
  }
}
