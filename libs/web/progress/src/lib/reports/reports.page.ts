import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { REPORT_STATUSES, type ReportStatus } from '@kehittamo/shared/domain';
import { DateTimePipe, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { currentQuarter, PROJECT_QUARTERS } from '../shared/quarters';

/**
 * The organisations' quarterly progress reports (filter by organisation and status) and a form
 * that starts a draft for an organisation the user may edit; the new draft opens at once.
 */
@Component({
  selector: 'kh-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    ProgressNavComponent,
  ],
  templateUrl: './reports.page.html',
  styleUrls: ['../shared/progress.scss'],
})
export class ReportsPage {
  private readonly api = inject(ProgressApi);
  private readonly router = inject(Router);
  private readonly organisationApi = inject(OrganisationApi);

  protected readonly statuses = REPORT_STATUSES;
  protected readonly quarters = PROJECT_QUARTERS;
  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly organisations = remote({ params: () => true, load: () => this.organisationApi.list() });
  protected readonly organisationFilter = signal('');
  protected readonly statusFilter = signal<ReportStatus | ''>('');
  protected readonly reports = remote({
    params: () => ({ organisationId: this.organisationFilter(), status: this.statusFilter() }),
    load: (filter) => this.api.reports(filter),
  });

  protected readonly sortedOrganisations = computed(() =>
    [...(this.organisations.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly editableOrganisations = computed(() => {
    const editable = new Set(this.permissions.value()?.editableOrganisationIds ?? []);
    return this.sortedOrganisations().filter((organisation) => editable.has(organisation.id));
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', [Validators.required]],
    period: [currentQuarter(), [Validators.required]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // With one organisation there is nothing to choose.
    effect(() => {
      const editable = this.editableOrganisations();
      const control = this.form.controls.organisationId;
      if (editable.length === 1 && !control.value) control.setValue(editable[0].id);
    });
  }

  protected chooseOrganisation(event: Event): void {
    this.organisationFilter.set((event.target as HTMLSelectElement).value);
  }

  protected chooseStatus(event: Event): void {
    this.statusFilter.set((event.target as HTMLSelectElement).value as ReportStatus | '');
  }

  protected create(): void {
    this.submission.submit(() => this.api.createReport(this.form.getRawValue()), {
      staysBusy: true,
      done: (report) => void this.router.navigate(['/progress/reports', report.id]),
    });
  }
}
