import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  PROGRESS_LIMITS,
  TASK_KINDS,
  TASK_STATUSES,
  type ProgressTask,
  type TaskKind,
  type TaskStatus,
  type WorkPackageProgress,
} from '@kehittamo/shared/domain';
import { AuthStore, LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { ProgressApi } from '../progress.api';
import { percentValidator } from '../shared/validators';

/** An organisation the user may add tasks for. */
export interface OrganisationChoice {
  id: string;
  name: string;
}

/**
 * A new task or milestone in this work package, for an organisation the user may edit. A task may
 * be a sub-task of a top-level task of the same organisation; the owner is the user or nobody.
 */
@Component({
  selector: 'kh-add-task-form',
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
  ],
  templateUrl: './add-task-form.component.html',
  styleUrl: './add-task-form.component.scss',
})
export class AddTaskFormComponent {
  private readonly api = inject(ProgressApi);
  private readonly auth = inject(AuthStore);

  readonly workPackage = input.required<WorkPackageProgress>();
  readonly organisations = input.required<readonly OrganisationChoice[]>();
  readonly created = output<ProgressTask>();

  protected readonly kinds = TASK_KINDS;
  protected readonly statuses = TASK_STATUSES;
  protected readonly limits = PROGRESS_LIMITS;
  protected readonly me = this.auth.me;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: this.fb.control<TaskKind>('task'),
    organisationId: ['', [Validators.required]],
    title: ['', [Validators.required, Validators.maxLength(PROGRESS_LIMITS.titleMax)]],
    description: ['', [Validators.maxLength(PROGRESS_LIMITS.descriptionMax)]],
    startsOn: [''],
    dueOn: ['', [Validators.required]],
    parentId: [''],
    status: this.fb.control<TaskStatus>('not-started'),
    percent: this.fb.control<number | null>(0, [Validators.required, percentValidator]),
    owner: this.fb.control<'' | 'me'>(''),
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  private readonly organisationId = toSignal(this.form.controls.organisationId.valueChanges, {
    initialValue: this.form.controls.organisationId.value,
  });
  protected readonly isTask = computed(() => this.kind() === 'task');
  /** Top-level tasks of the chosen organisation: a sub-task goes under one of them. */
  protected readonly parents = computed(() => {
    const organisationId = this.organisationId();
    return this.workPackage().tasks.filter((task) => task.kind === 'task' && !task.parentId && task.organisationId === organisationId);
  });

  constructor() {
    // With one organisation there is nothing to choose.
    effect(() => {
      const organisations = this.organisations();
      const control = this.form.controls.organisationId;
      if (organisations.length === 1 && !control.value) control.setValue(organisations[0].id);
    });
    // A parent from another organisation, or for a milestone, no longer fits.
    effect(() => {
      const parents = this.parents();
      const control = this.form.controls.parentId;
      if (control.value && (!this.isTask() || !parents.some((parent) => parent.id === control.value))) control.setValue('');
    });
  }

  protected submit(formDirective: FormGroupDirective): void {
    const value = this.form.getRawValue();
    if (!value.title.trim()) this.form.controls.title.setValue('');
    const task = value.kind === 'task';
    this.submission.submit(
      () =>
        this.api.createTask({
          workPackageId: this.workPackage().id,
          organisationId: value.organisationId,
          kind: value.kind,
          title: value.title.trim(),
          description: value.description.trim(),
          startsOn: value.startsOn || null,
          dueOn: value.dueOn,
          parentId: task && value.parentId ? value.parentId : null,
          status: value.status,
          percent: value.percent ?? 0,
          ownerId: value.owner === 'me' ? (this.me()?.id ?? null) : null,
        }),
      {
        done: (created) => {
          formDirective.resetForm({ ...this.form.getRawValue(), title: '', description: '', startsOn: '', dueOn: '', parentId: '', status: 'not-started', percent: 0 });
          this.created.emit(created);
        },
      },
    );
  }
}
