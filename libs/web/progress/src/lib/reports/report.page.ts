import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, Injector, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { REPORT_LIMITS, type ProgressReport, type ProgressReportSections } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, LabelPipe, remote, toApiError, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, focusFirstInvalid, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { concat, last, type Observable } from 'rxjs';
import { ProgressApi } from '../progress.api';
import { ProgressNavComponent } from '../shared/progress-nav.component';

type Section = keyof ProgressReportSections;

const SECTIONS: readonly { key: Section; label: TranslationKey }[] = [
  { key: 'done', label: 'progress.rDone' },
  { key: 'next', label: 'progress.rNext' },
  { key: 'risks', label: 'progress.rRisks' },
  { key: 'support', label: 'progress.rSupport' },
];

/**
 * One quarterly report: the four sections as text fields while the organisation may edit it
 * (save, submit — the sections the server says are missing are marked at their fields), read
 * only otherwise; the coordinator's decision (approve, or return with a comment), the latest
 * comment shown prominently when returned, and the history of every step.
 */
@Component({
  selector: 'kh-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
    ProgressNavComponent,
  ],
  templateUrl: './report.page.html',
  styleUrls: ['../shared/progress.scss', './report.page.scss'],
})
export class ReportPage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);
  private readonly title = inject(PageTitleStrategy);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly sections = SECTIONS;
  protected readonly commentMax = REPORT_LIMITS.commentMax;
  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly report = remote({ params: () => this.id(), load: (id: string) => this.api.report(id) });

  private readonly section = () => this.fb.control('', [Validators.maxLength(REPORT_LIMITS.sectionMax)]);
  protected readonly form = this.fb.group({ done: this.section(), next: this.section(), risks: this.section(), support: this.section() });
  protected readonly decision = this.fb.group({ comment: ['', [Validators.maxLength(REPORT_LIMITS.commentMax)]] });

  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    effect(() => {
      const report = this.report.value();
      this.title.setDetail(report ? this.heading(report) : null);
      if (report) untracked(() => this.fill(report));
    });
  }

  protected heading(report: ProgressReport): string {
    return this.i18n.translate('progress.report', { period: report.period, organisation: report.organisationShortName });
  }

  protected save(): void {
    this.run(this.patch(), 'workshop.saved');
  }

  /** Unsaved changes are saved first; the server then checks that *done* and *next* are written. */
  protected submit(): void {
    const id = this.report.value()?.id;
    if (!id) return;
    const submit = this.api.submitReport(id);
    this.run(this.form.dirty ? concat(this.patch(), submit).pipe(last()) : submit, null, true);
  }

  protected approve(): void {
    this.decide('approve');
  }

  /** Returning says what should change: the comment is required. */
  protected returnReport(): void {
    const comment = this.decision.controls.comment;
    if (!comment.value.trim()) {
      comment.setErrors({ required: true });
      comment.markAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.decide('return');
  }

  private decide(decision: 'approve' | 'return'): void {
    const id = this.report.value()?.id;
    if (!id || this.decision.invalid) return;
    const comment = this.decision.controls.comment.value.trim();
    this.run(this.api.decideReport(id, { decision, comment }), null);
  }

  private patch(): Observable<ProgressReport> {
    const { done, next, risks, support } = this.form.getRawValue();
    return this.api.updateReport(this.id(), { done, next, risks, support });
  }

  private run(request: Observable<ProgressReport>, message: TranslationKey | null, markMissing = false): void {
    if (this.busy()) return;
    if (this.form.invalid && message) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({
      next: (report) => {
        this.busy.set(false);
        this.report.update(() => report);
        this.decision.reset({ comment: '' });
        this.notice.set(
          message ? this.i18n.translate(message) : this.i18n.translate('progress.statusNow', { status: this.i18n.label('reportStatuses', report.status) }),
        );
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
        if (markMissing) this.markMissing(failure);
      },
    });
  }

  /** The server's 400 names the empty sections: say so at each of them and move focus to the first. */
  private markMissing(failure: unknown): void {
    const missing = this.i18n.translate('progress.missing');
    let marked = false;
    for (const { field } of toApiError(failure)?.fields ?? []) {
      const control = this.form.get(field);
      if (!control) continue;
      control.setErrors({ ...control.errors, server: missing });
      control.markAsTouched();
      marked = true;
    }
    if (marked) focusFirstInvalid(this.host, this.injector);
  }

  private fill(report: ProgressReport): void {
    this.form.reset({ done: report.done, next: report.next, risks: report.risks, support: report.support });
  }
}
