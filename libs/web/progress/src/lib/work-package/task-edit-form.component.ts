import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild, type OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PROGRESS_LIMITS, TASK_STATUSES, type ProgressTask, type TaskStatus } from '@kehittamo/shared/domain';
import { LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { percentValidator } from '../shared/validators';

/**
 * Edits one task or milestone (`canEdit`): status, % complete, due date, title and description,
 * or deletes it after asking. Opens with focus on the status.
 */
@Component({
  selector: 'kh-task-edit-form',
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
    FieldErrorPipe,
    ErrorMessageComponent,
    ConfirmButtonComponent,
  ],
  template: `
    <kh-error-message [error]="error() ?? deleteError()" />
    <form class="kh-form task-form" novalidate [formGroup]="form" (ngSubmit)="submit()" [attr.aria-label]="('commentThread.edit' | t) + ': ' + task().title">
      <div class="task-form__row">
        <mat-form-field>
          <mat-label>{{ 'progress.status' | t }}</mat-label>
          <select #status matNativeControl formControlName="status" data-testid="wp-task-status">
            @for (option of statuses; track option) {
              <option [value]="option">{{ option | label: 'taskStatuses' }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.percent' | t }}</mat-label>
          <input matInput type="number" inputmode="numeric" min="0" max="100" step="1" formControlName="percent" data-testid="wp-task-percent" />
          <mat-error>
            {{ form.controls.percent.hasError('range') ? ('progress.range' | t) : (form.controls.percent | fieldError) }}
          </mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'progress.due' | t }}</mat-label>
          <input matInput type="date" formControlName="dueOn" data-testid="wp-task-due" />
          <mat-error>{{ form.controls.dueOn | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'materialForm.titleField' | t }}</mat-label>
        <input matInput formControlName="title" data-testid="wp-task-title" [maxlength]="limits.titleMax" />
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'spaces.description' | t }} ({{ 'common.optional' | t }})</mat-label>
        <textarea matInput rows="3" formControlName="description" data-testid="wp-task-description" [maxlength]="limits.descriptionMax"></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <div class="kh-form-actions">
        <button matButton="filled" type="submit" data-testid="wp-task-save">
          {{ (busy() ? 'common.saving' : 'common.save') | t }}
        </button>
        <button matButton="outlined" type="button" (click)="closed.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
    <kh-confirm-button
      testId="wp-task-delete"
      [label]="'workshopForm.remove' | t"
      [accessibleLabel]="('workshopForm.remove' | t) + ': ' + task().title"
      [question]="'material.deleteConfirm' | t: { title: task().title }"
      [confirmLabel]="'space.removeYes' | t"
      (confirmed)="remove()"
    />
  `,
  styles: `
    .task-form {
      max-width: 40rem;
    }
    .task-form__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .task-form__row mat-form-field {
      flex: 1 1 10rem;
    }
  `,
})
export class TaskEditFormComponent implements OnInit {
  private readonly api = inject(ProgressApi);
  private readonly statusSelect = viewChild.required<ElementRef<HTMLSelectElement>>('status');

  readonly task = input.required<ProgressTask>();
  readonly saved = output<ProgressTask>();
  readonly deleted = output<string>();
  readonly closed = output<void>();

  protected readonly statuses = TASK_STATUSES;
  protected readonly limits = PROGRESS_LIMITS;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    status: this.fb.control<TaskStatus>('not-started'),
    percent: this.fb.control<number | null>(0, [Validators.required, percentValidator]),
    dueOn: ['', [Validators.required]],
    title: ['', [Validators.required, Validators.maxLength(PROGRESS_LIMITS.titleMax)]],
    description: ['', [Validators.maxLength(PROGRESS_LIMITS.descriptionMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly deleteError = signal<unknown>(null);

  constructor() {
    afterNextRender(() => this.statusSelect().nativeElement.focus());
  }

  ngOnInit(): void {
    const { status, percent, dueOn, title, description } = this.task();
    this.form.setValue({ status, percent, dueOn, title, description });
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    if (!value.title.trim()) this.form.controls.title.setValue('');
    this.submission.submit(
      () =>
        this.api.updateTask(this.task().id, {
          status: value.status,
          percent: value.percent ?? 0,
          dueOn: value.dueOn,
          title: value.title.trim(),
          description: value.description.trim(),
        }),
      { done: (task) => this.saved.emit(task) },
    );
  }

  protected remove(): void {
    this.deleteError.set(null);
    this.api.deleteTask(this.task().id).subscribe({
      next: () => this.deleted.emit(this.task().id),
      error: (failure: unknown) => this.deleteError.set(failure),
    });
  }
}
