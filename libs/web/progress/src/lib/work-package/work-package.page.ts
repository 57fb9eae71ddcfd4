import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ProgressTask, WorkPackageProgress } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { CSV_EXPORTS, ProgressApi } from '../progress.api';
import { DayPipe, PercentagePipe, statusCounts, suggestionText } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { AddTaskFormComponent, type OrganisationChoice } from './add-task-form.component';
import { ObjectiveFormComponent } from './objective-form.component';
import { TaskEditFormComponent } from './task-edit-form.component';

/** The tasks and milestones of one organisation, in the server's order (sub-tasks after their parent). */
interface TaskGroup {
  organisationId: string;
  name: string;
  tasks: ProgressTask[];
  /** The task being edited in this group, if any: its form follows the group's table. */
  editing: ProgressTask | null;
}

/**
 * One work package: its objective (coordinators edit it), its tasks and milestones per
 * organisation with the hand-entered % and the suggested % with its basis in words, an edit form
 * per task the user may change, and a form for new tasks of the organisations they may edit.
 */
@Component({
  selector: 'kh-work-package-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    TranslatePipe,
    LabelPipe,
    DayPipe,
    PercentagePipe,
    ErrorMessageComponent,
    NoticeComponent,
    ObjectiveFormComponent,
    TaskEditFormComponent,
    AddTaskFormComponent,
    ProgressNavComponent,
  ],
  templateUrl: './work-package.page.html',
  styleUrls: ['../shared/progress.scss', './work-package.page.scss'],
})
export class WorkPackagePage {
  private readonly api = inject(ProgressApi);
  private readonly organisationApi = inject(OrganisationApi);
  private readonly i18n = inject(I18nService);
  private readonly title = inject(PageTitleStrategy);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  /** Route parameter `:code`, e.g. `TP4`. */
  readonly code = input.required<string>();

  protected readonly csvTasks = CSV_EXPORTS.tasks;
  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly workPackage = remote({ params: () => this.code(), load: (code: string) => this.api.workPackage(code) });
  /** Names for the "add" form; loaded only for users who may add something. */
  private readonly organisations = remote({
    params: () => (this.permissions.value()?.editableOrganisationIds.length ? true : undefined),
    load: () => this.organisationApi.list(),
  });

  protected readonly editableOrganisations = computed<OrganisationChoice[]>(() => {
    const editable = new Set(this.permissions.value()?.editableOrganisationIds ?? []);
    return (this.organisations.value() ?? [])
      .filter((organisation) => editable.has(organisation.id))
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  protected readonly editing = signal<string | null>(null);
  protected readonly editingObjective = signal(false);
  protected readonly notice = signal<string | null>(null);

  protected readonly groups = computed<TaskGroup[]>(() => {
    const groups = new Map<string, TaskGroup>();
    const editing = this.editing();
    for (const task of this.workPackage.value()?.tasks ?? []) {
      let group = groups.get(task.organisationId);
      if (!group) {
        group = { organisationId: task.organisationId, name: task.organisationShortName, tasks: [], editing: null };
        groups.set(task.organisationId, group);
      }
      group.tasks.push(task);
      if (task.id === editing) group.editing = task;
    }
    return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  /** An action column only when there is something to edit. */
  protected readonly canEditAny = computed(() => (this.workPackage.value()?.tasks ?? []).some((task) => task.canEdit));

  constructor() {
    effect(() => {
      const wp = this.workPackage.value();
      this.title.setDetail(wp ? `${wp.code} ${wp.name}` : null);
    });
  }

  protected counts(wp: WorkPackageProgress): string {
    return statusCounts(wp.statusCounts, this.i18n) || this.i18n.translate('progress.noTasks');
  }

  protected suggestion(task: ProgressTask): string {
    return task.suggestion ? suggestionText(task.suggestion, this.i18n) : '';
  }

  protected bar(percent: number): number {
    return Math.min(100, Math.max(0, percent));
  }

  protected toggleEdit(task: ProgressTask): void {
    this.notice.set(null);
    this.editing.update((current) => (current === task.id ? null : task.id));
  }

  protected closeEdit(taskId: string): void {
    this.editing.set(null);
    this.focus(`[data-task-id="${taskId}"] [data-testid="wp-task-edit"]`);
  }

  /** The answer replaces the task at once; the reload brings the new totals and suggestions. */
  protected taskSaved(task: ProgressTask): void {
    this.workPackage.update((wp) => ({ ...wp, tasks: wp.tasks.map((known) => (known.id === task.id ? task : known)) }));
    this.announce();
    this.closeEdit(task.id);
    this.workPackage.reload();
  }

  protected taskDeleted(): void {
    this.editing.set(null);
    this.announce();
    this.focus('#wp-tasks-heading');
    this.workPackage.reload();
  }

  protected taskCreated(): void {
    this.announce();
    this.workPackage.reload();
  }

  protected openObjective(): void {
    this.notice.set(null);
    this.editingObjective.set(true);
  }

  protected closeObjective(): void {
    this.editingObjective.set(false);
    this.focus('[data-testid="wp-objective-edit"]');
  }

  protected objectiveSaved(wp: WorkPackageProgress): void {
    this.workPackage.update(() => wp);
    this.announce();
    this.closeObjective();
  }

  private announce(): void {
    this.notice.set(this.i18n.translate('workshop.saved'));
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
