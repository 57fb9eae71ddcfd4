import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { CostEntry } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import { FunderReportComponent } from '../exports/funder-report.component';
import { CSV_EXPORTS, ProgressApi } from '../progress.api';
import { EurosPipe, formatEuros, formatMonth, MonthPipe, PercentagePipe } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { BurnChartComponent } from './burn-chart.component';
import { CostFormComponent, type CostOrganisation } from './cost-form.component';

/**
 * The budget per organisation and in total, the burn chart, and the actual costs: entered and
 * deleted for the organisations the user may edit. Experience experts (`canSeeBudget` false) get
 * a polite sentence and no requests for figures they may not see.
 */
@Component({
  selector: 'kh-budget-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    TranslatePipe,
    LabelPipe,
    EurosPipe,
    MonthPipe,
    PercentagePipe,
    ErrorMessageComponent,
    NoticeComponent,
    ConfirmButtonComponent,
    BurnChartComponent,
    CostFormComponent,
    ProgressNavComponent,
    FunderReportComponent,
  ],
  templateUrl: './budget.page.html',
  styleUrls: ['../shared/progress.scss', './budget.page.scss'],
})
export class BudgetPage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);

  protected readonly csv = CSV_EXPORTS;
  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  private readonly allowed = computed(() => this.permissions.value()?.canSeeBudget || undefined);
  protected readonly budget = remote({ params: () => this.allowed(), load: () => this.api.budget() });
  /** The cost list's organisation filter; '' for all. */
  protected readonly filter = signal('');
  protected readonly costs = remote({
    params: () => (this.allowed() ? { organisationId: this.filter() } : undefined),
    load: ({ organisationId }) => this.api.costs(organisationId || undefined),
  });
  protected readonly notice = signal<string | null>(null);
  protected readonly deleteError = signal<unknown>(null);

  private readonly editable = computed(() => new Set(this.permissions.value()?.editableOrganisationIds ?? []));
  /** Organisations whose costs the user may enter, by name. */
  protected readonly costOrganisations = computed<CostOrganisation[]>(() =>
    (this.budget.value()?.organisations ?? [])
      .filter((organisation) => this.editable().has(organisation.organisationId))
      .map((organisation) => ({ id: organisation.organisationId, name: organisation.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );

  /** How much the total forecast goes over the planned net costs; null when it does not. */
  protected readonly overrun = computed(() => {
    const total = this.budget.value()?.total;
    return total && total.forecast > total.netCosts ? total.forecast - total.netCosts : null;
  });

  protected canDelete(entry: CostEntry): boolean {
    return this.editable().has(entry.organisationId);
  }

  /** "3.2025 ISO 1 250,50 €": what the delete question and button name the entry by. */
  protected describe(entry: CostEntry): string {
    const locale = this.i18n.locale();
    return `${formatMonth(entry.period, locale)} ${entry.organisationShortName} ${formatEuros(entry.amount, locale, true)}`;
  }

  protected choose(event: Event): void {
    this.filter.set((event.target as HTMLSelectElement).value);
  }

  protected costCreated(): void {
    this.changed();
  }

  protected deleteCost(entry: CostEntry): void {
    this.deleteError.set(null);
    this.api.deleteCost(entry.id).subscribe({
      next: () => {
        this.costs.update((entries) => entries.filter((known) => known.id !== entry.id));
        this.changed();
      },
      error: (failure: unknown) => this.deleteError.set(failure),
    });
  }

  /** Costs change every figure: reload both. */
  private changed(): void {
    this.notice.set(this.i18n.translate('workshop.saved'));
    this.budget.reload();
    this.costs.reload();
  }
}
