import { FormControl, FormGroup, Validators, type AbstractControl, type ValidatorFn } from '@angular/forms';
import { WORKSHOP_LIMITS, type AgendaItem, type AgendaItemInput } from '@kehittamo/shared/domain';
import { fromLocalParts } from './local-date-time';

export type AgendaItemForm = FormGroup<{
  id: FormControl<string | null>;
  title: FormControl<string>;
  minutes: FormControl<number | null>;
  /** '' = the workshop's own board. */
  boardId: FormControl<string>;
  /** '' = the whole board. */
  frameId: FormControl<string>;
}>;

export function agendaItemForm(item?: AgendaItem): AgendaItemForm {
  return new FormGroup({
    id: new FormControl<string | null>(item?.id ?? null),
    title: new FormControl(item?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WORKSHOP_LIMITS.agendaTitleMax)],
    }),
    minutes: new FormControl<number | null>(item?.minutes ?? 15, [
      Validators.required,
      Validators.min(1),
      Validators.max(WORKSHOP_LIMITS.agendaMinutesMax),
    ]),
    boardId: new FormControl(item?.boardId ?? '', { nonNullable: true }),
    frameId: new FormControl(item?.frameId ?? '', { nonNullable: true }),
  });
}

/** `mainBoardId`: the workshop's own board once it exists, so a frame on it names its board. */
export function agendaInput(form: AgendaItemForm, mainBoardId: string | null): AgendaItemInput {
  const { id, title, minutes, boardId, frameId } = form.getRawValue();
  const board = boardId || (frameId ? mainBoardId : null);
  return {
    ...(id ? { id } : {}),
    title: title.trim(),
    minutes: Number(minutes),
    boardId: board,
    frameId: board ? frameId || null : null,
  };
}

/**
 * On the end-time control: the end must come after the start. Reads its siblings, so the
 * form re-checks it whenever a start or end field changes.
 */
export function endsAfterStart(): ValidatorFn {
  return (control: AbstractControl) => {
    const group = control.parent;
    if (!group) return null;
    const value = (name: string) => String(group.get(name)?.value ?? '');
    const start = fromLocalParts(value('startDate'), value('startTime'));
    const end = fromLocalParts(value('endDate'), value('endTime'));
    if (!start || !end) return null;
    return Date.parse(end) > Date.parse(start) ? null : { endBeforeStart: true };
  };
}
