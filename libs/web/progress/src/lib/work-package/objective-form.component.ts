import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, output, viewChild, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PROGRESS_LIMITS, type WorkPackageProgress } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';

/** The work package's objective, for coordinators and admins (`canManage`). Focuses the text when opened. */
@Component({
  selector: 'kh-objective-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, TranslatePipe, FieldErrorPipe, ErrorMessageComponent],
  template: `
    <kh-error-message [error]="error()" />
    <form class="kh-form" novalidate [formGroup]="form" (ngSubmit)="submit()">
      <mat-form-field>
        <mat-label>{{ 'progress.objective' | t }}</mat-label>
        <textarea #text matInput rows="4" formControlName="objective" data-testid="wp-objective-input" [maxlength]="max"></textarea>
        <mat-error>{{ form.controls.objective | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="wp-objective-save">
          {{ (busy() ? 'common.saving' : 'common.save') | t }}
        </button>
        <button matButton="outlined" type="button" (click)="closed.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class ObjectiveFormComponent implements OnInit {
  private readonly api = inject(ProgressApi);
  private readonly text = viewChild.required<ElementRef<HTMLTextAreaElement>>('text');

  readonly workPackage = input.required<WorkPackageProgress>();
  readonly saved = output<WorkPackageProgress>();
  readonly closed = output<void>();

  protected readonly max = PROGRESS_LIMITS.objectiveMax;
  protected readonly form = inject(NonNullableFormBuilder).group({
    objective: ['', [Validators.maxLength(PROGRESS_LIMITS.objectiveMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    afterNextRender(() => this.text().nativeElement.focus());
  }

  ngOnInit(): void {
    this.form.setValue({ objective: this.workPackage().objective });
  }

  protected submit(): void {
    const objective = this.form.controls.objective.value.trim();
    this.submission.submit(() => this.api.setObjective(this.workPackage().code, objective), { done: (wp) => this.saved.emit(wp) });
  }
}
