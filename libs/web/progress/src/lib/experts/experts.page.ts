import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LEDGER_LIMITS } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';
import { ledgerCsv, ProgressApi } from '../progress.api';
import { DayPipe, EurosPipe, formatNumber } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { isoDay } from '../shared/quarters';

/** The current quarter's first and last day. */
function quarterRange(today = new Date()): { from: string; to: string } {
  const first = Math.floor(today.getMonth() / 3) * 3;
  return { from: isoDay(new Date(today.getFullYear(), first, 1)), to: isoDay(new Date(today.getFullYear(), first + 3, 0)) };
}

/**
 * Coordinators' page for experience experts' fees and travel: the engagements in a date range
 * (totals per expert with the real name, and every row), the payroll CSV for the same range, and
 * a form to enter a task an expert did. Others get one sentence and no requests.
 */
@Component({
  selector: 'kh-experts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    DayPipe,
    EurosPipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
    ProgressNavComponent,
  ],
  templateUrl: './experts.page.html',
  styleUrls: ['../shared/progress.scss'],
})
export class ExpertsPage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly range = signal(quarterRange());
  protected readonly ledger = remote({
    params: () => (this.permissions.value()?.canManage ? this.range() : undefined),
    load: ({ from, to }) => this.api.expertLedger(from, to),
  });
  protected readonly csv = computed(() => ledgerCsv(this.range().from, this.range().to));
  protected readonly notice = signal<string | null>(null);

  protected readonly rangeForm = this.fb.group({
    from: [this.range().from, [Validators.required]],
    to: [this.range().to, [Validators.required]],
  });

  protected readonly entryForm = this.fb.group({
    expertId: ['', [Validators.required]],
    date: [isoDay(new Date()), [Validators.required]],
    description: ['', [Validators.required, Validators.maxLength(LEDGER_LIMITS.descriptionMax)]],
    hours: this.fb.control<number | null>(null, [Validators.required, Validators.min(0.25), Validators.max(LEDGER_LIMITS.hoursMax)]),
    travelCosts: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(LEDGER_LIMITS.travelMax)]),
  });
  private readonly submission = formSubmission(this.entryForm);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly descriptionMax = LEDGER_LIMITS.descriptionMax;

  /** Experts to choose from: those with engagements in the range. */
  protected readonly experts = computed(() =>
    [...(this.ledger.value()?.totals ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  );

  protected show(): void {
    if (this.rangeForm.invalid) {
      this.rangeForm.markAllAsTouched();
      return;
    }
    this.range.set(this.rangeForm.getRawValue());
  }

  protected addEntry(): void {
    const { expertId, date, description, hours, travelCosts } = this.entryForm.getRawValue();
    this.submission.submit(
      () => this.api.createLedgerEntry({ expertId, date, description: description.trim(), hours: Number(hours), travelCosts: Number(travelCosts ?? 0) }),
      {
        done: () => {
          this.entryForm.reset({ expertId, date, description: '', hours: null, travelCosts: null });
          this.notice.set(this.i18n.translate('workshop.saved'));
          this.ledger.reload();
        },
      },
    );
  }

  protected number(value: number): string {
    return formatNumber(value, this.i18n.locale());
  }
}
