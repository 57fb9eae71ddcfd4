import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  isBuiltInTemplateKey,
  WORKSHOP_LIMITS,
  type BoardTemplate,
  type CreateWorkshopRequest,
  type UpdateWorkshopRequest,
  type Workshop,
  type WorkshopPerson,
} from '@kehittamo/shared/domain';
import { BoardApi, describeError, I18nService, remote, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { applyServerErrors, ErrorMessageComponent, FieldErrorPipe, formSubmission } from '@kehittamo/web/ui';
import { map } from 'rxjs';
import { TEMPLATE_LABEL } from '../shared/labels';
import { SearchPickerComponent, type PickerOption, type PickerTexts } from '../shared/search-picker.component';
import { WorkshopApi } from '../workshop.api';
import { AgendaEditorComponent, type AgendaBoardOption } from './agenda-editor.component';
import { fromLocalParts, toLocalParts } from './local-date-time';
import { agendaInput, agendaItemForm, endsAfterStart, type AgendaItemForm } from './workshop-form.model';

/** API field → form control, for the server's validation messages. */
const SERVER_FIELDS: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime' };

const PEOPLE_TEXTS = (kind: 'facilitators' | 'participants'): PickerTexts => ({
  legend: `workshopForm.${kind}`,
  search: 'workshopForm.peopleSearch',
  searchHint: 'workshopForm.peopleSearchHint',
  none: `workshopForm.${kind}None`,
  add: 'workshopForm.addPerson',
  remove: 'workshopForm.removePerson',
  added: 'workshopForm.personAdded',
  removed: 'workshopForm.personRemoved',
});

const MODEL_TEXTS: PickerTexts = {
  legend: 'workshopForm.models',
  search: 'workshopForm.modelSearch',
  searchHint: 'workshopForm.modelSearchHint',
  none: 'workshopForm.modelsNone',
  add: 'workshopForm.addModel',
  remove: 'workshopForm.removeModel',
  added: 'workshopForm.modelAdded',
  removed: 'workshopForm.modelRemoved',
};

const personOption = (person: WorkshopPerson): PickerOption => ({
  id: person.userId,
  label: person.displayName,
  detail: person.organisation,
});

/** Field ids and labels, in page order, for the error summary. */
const SUMMARY_FIELDS: { control: string; id: string; label: TranslationKey }[] = [
  { control: 'title', id: 'workshop-title', label: 'workshopForm.titleField' },
  { control: 'description', id: 'workshop-description', label: 'workshopForm.description' },
  { control: 'startDate', id: 'workshop-start-date', label: 'workshopForm.startDate' },
  { control: 'startTime', id: 'workshop-start-time', label: 'workshopForm.startTime' },
  { control: 'endDate', id: 'workshop-end-date', label: 'workshopForm.endDate' },
  { control: 'endTime', id: 'workshop-end-time', label: 'workshopForm.endTime' },
  { control: 'location', id: 'workshop-location', label: 'workshopForm.location' },
];

/**
 * Plans a workshop (create) or changes one (edit): basic facts, time, people, agenda, linked
 * model descriptions and, when creating, the board's template and anonymity. Problems are shown
 * next to each field and, after a rejected submit, in a summary with links to the fields.
 */
@Component({
  selector: 'kh-workshop-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    SearchPickerComponent,
    AgendaEditorComponent,
  ],
  providers: [FieldErrorPipe],
  templateUrl: './workshop-form.component.html',
  styleUrl: './workshop-form.component.scss',
})
export class WorkshopFormComponent implements OnInit {
  private readonly api = inject(WorkshopApi);
  private readonly boardApi = inject(BoardApi);
  private readonly i18n = inject(I18nService);
  private readonly fieldError = inject(FieldErrorPipe);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);

  readonly spaceId = input.required<string>();
  /** The workshop to change; null to plan a new one. */
  readonly workshop = input<Workshop | null>(null);
  readonly saved = output<Workshop>();
  readonly cancelled = output<void>();

  protected readonly limits = WORKSHOP_LIMITS;
  protected readonly facilitatorTexts = PEOPLE_TEXTS('facilitators');
  protected readonly participantTexts = PEOPLE_TEXTS('participants');
  protected readonly modelTexts = MODEL_TEXTS;

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WORKSHOP_LIMITS.titleMax)],
    }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(WORKSHOP_LIMITS.descriptionMax)] }),
    startDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('09:00', { nonNullable: true, validators: [Validators.required] }),
    endDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    endTime: new FormControl('12:00', { nonNullable: true, validators: [Validators.required, endsAfterStart()] }),
    location: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(WORKSHOP_LIMITS.locationMax)] }),
    agenda: new FormArray<AgendaItemForm>([]),
    templateId: new FormControl('empty', { nonNullable: true }),
    anonymous: new FormControl(false, { nonNullable: true }),
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  /** The summary appears after the first rejected submit and follows the form from then on. */
  protected readonly attempted = signal(false);
  private readonly formRevision = signal(0);

  protected readonly facilitators = signal<PickerOption[]>([]);
  protected readonly participants = signal<PickerOption[]>([]);
  protected readonly models = signal<PickerOption[]>([]);
  protected readonly facilitatorIds = computed(() => this.facilitators().map((option) => option.id));
  protected readonly participantIds = computed(() => this.participants().map((option) => option.id));

  protected readonly editing = computed(() => this.workshop() !== null);
  protected readonly templates = remote({
    params: () => (this.editing() ? undefined : true),
    load: () => this.api.templates(),
  });
  private readonly spaceBoards = remote({ params: () => this.spaceId(), load: (id: string) => this.boardApi.list(id) });

  /** The workshop's own board first ('' — it may not exist yet), then its other boards and the space's. */
  protected readonly boardOptions = computed<AgendaBoardOption[]>(() => {
    const workshop = this.workshop();
    const main = workshop?.boards.find((board) => board.id === workshop.mainBoardId) ?? null;
    const options: AgendaBoardOption[] = [{ id: '', title: this.i18n.translate('workshopForm.ownBoard'), doc: main?.doc ?? null }];
    const others = [...(workshop?.boards ?? []), ...(this.spaceBoards.value() ?? [])];
    for (const board of others) {
      if (board.id === workshop?.mainBoardId || options.some((option) => option.id === board.id)) continue;
      options.push({ id: board.id, title: board.title, doc: board.doc });
    }
    return options;
  });

  protected readonly searchPeople = (query: string) =>
    this.api.people(this.spaceId(), query).pipe(map((people) => people.map(personOption)));
  protected readonly searchModels = (query: string) =>
    this.api.models({ q: query }).pipe(map((models) => models.map((model) => ({ id: model.id, label: model.name, detail: model.spaceName }))));

  constructor() {
    // The server's field problems go next to the matching fields.
    effect(() => {
      const failure = this.error();
      if (!failure) return;
      untracked(() => {
        const description = describeError(failure, (key, params) => this.i18n.translate(key, params));
        applyServerErrors(this.form, description, SERVER_FIELDS);
        this.formRevision.update((n) => n + 1);
      });
    });
  }

  ngOnInit(): void {
    const workshop = this.workshop();
    if (workshop) this.fill(workshop);
    const controls = this.form.controls;
    // The end is checked against the start whenever either changes; an empty end date follows the start date.
    controls.startDate.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((date) => {
      if (!controls.endDate.value && date) controls.endDate.setValue(date);
    });
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      controls.endTime.updateValueAndValidity({ emitEvent: false });
      this.formRevision.update((n) => n + 1);
    });
  }

  protected templateLabel(template: BoardTemplate): string {
    if (template.name) return template.name;
    return isBuiltInTemplateKey(template.id) ? this.i18n.translate(TEMPLATE_LABEL[template.id]) : template.id;
  }

  protected templateHint(template: BoardTemplate): string {
    return template.frames.length
      ? this.i18n.translate('workshopForm.templateFrames', { frames: template.frames.join(', ') })
      : this.i18n.translate('workshopForm.templateNoFrames');
  }

  /** The form's problems as sentences with the field they belong to, in page order. */
  protected summary(): { id: string; text: string }[] {
    this.formRevision();
    const entries: { id: string; text: string }[] = [];
    for (const field of SUMMARY_FIELDS) {
      const control = this.form.get(field.control);
      if (control?.invalid) entries.push({ id: field.id, text: `${this.i18n.translate(field.label)}: ${this.problem(control)}` });
    }
    this.form.controls.agenda.controls.forEach((item, index) => {
      for (const [name, label] of [
        ['title', 'workshopForm.itemTitle'],
        ['minutes', 'workshopForm.itemMinutes'],
      ] as const) {
        const control = item.controls[name];
        if (!control.invalid) continue;
        const where = this.i18n.translate('workshopForm.itemHeading', { number: index + 1 });
        entries.push({ id: `agenda-${index}-${name}`, text: `${where}, ${this.i18n.translate(label)}: ${this.problem(control)}` });
      }
    });
    return entries;
  }

  /** The message shown for one control, here and next to the field. */
  protected problem(control: AbstractControl): string {
    if (control.hasError('endBeforeStart')) return this.i18n.translate('workshopForm.endBeforeStart');
    if (control.hasError('min') || control.hasError('max')) {
      return this.i18n.translate('workshopForm.minutesRange', { max: WORKSHOP_LIMITS.agendaMinutesMax });
    }
    return this.fieldError.transform(control);
  }

  protected focusField(event: Event, id: string): void {
    event.preventDefault();
    const field = this.document.getElementById(id);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }

  protected submit(): void {
    if (this.form.invalid) this.attempted.set(true);
    const value = this.form.getRawValue();
    const startsAt = fromLocalParts(value.startDate, value.startTime) ?? '';
    const endsAt = fromLocalParts(value.endDate, value.endTime) ?? '';
    const common = {
      title: value.title.trim(),
      description: value.description.trim(),
      startsAt,
      endsAt,
      location: value.location.trim(),
      facilitatorIds: this.facilitatorIds(),
      participantIds: this.participantIds(),
      agenda: this.form.controls.agenda.controls.map((item) => agendaInput(item, this.workshop()?.mainBoardId ?? null)),
      modelIds: this.models().map((model) => model.id),
    } satisfies UpdateWorkshopRequest;
    if (!common.title) this.form.controls.title.setValue('');
    const workshop = this.workshop();
    if (workshop) {
      this.submission.submit(() => this.api.update(workshop.id, common), { done: (saved) => this.saved.emit(saved) });
    } else {
      const request: CreateWorkshopRequest = {
        ...common,
        spaceId: this.spaceId(),
        templateId: value.templateId,
        anonymous: value.anonymous,
      };
      this.submission.submit(() => this.api.create(request), { staysBusy: true, done: (saved) => this.saved.emit(saved) });
    }
  }

  private fill(workshop: Workshop): void {
    const start = toLocalParts(workshop.startsAt);
    const end = toLocalParts(workshop.endsAt);
    this.form.patchValue({
      title: workshop.title,
      description: workshop.description,
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      location: workshop.location,
    });
    for (const item of workshop.agenda) {
      // The main board is "the workshop's own" in the editor, whichever way the server wrote it.
      const boardId = item.boardId === workshop.mainBoardId ? null : item.boardId;
      this.form.controls.agenda.push(agendaItemForm({ ...item, boardId }));
    }
    this.facilitators.set(workshop.facilitators.map(personOption));
    this.participants.set(workshop.participants.map(personOption));
    this.models.set(workshop.models.map((model) => ({ id: model.id, label: model.name, detail: null })));
  }
}
