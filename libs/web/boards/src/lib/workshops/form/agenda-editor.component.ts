import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  type OnInit,
  type Signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { WORKSHOP_LIMITS, type BoardItem } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { FieldErrorPipe } from '@kehittamo/web/ui';
import { BoardFramesLoader } from '../shared/board-frames';
import { agendaMinutes } from '../shared/people';
import { agendaItemForm, type AgendaItemForm } from './workshop-form.model';

/** A board an agenda item can work on; `doc` null while it does not exist yet (the workshop's own, before creation). */
export interface AgendaBoardOption {
  id: string;
  title: string;
  doc: string | null;
}

/**
 * The agenda as a list of items (title, minutes, board, frame), added, removed and moved by
 * buttons only — no dragging, so it works from the keyboard and with a screen reader. Each
 * move is announced and focus follows the moved item.
 */
@Component({
  selector: 'kh-agenda-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslatePipe, FieldErrorPipe],
  providers: [BoardFramesLoader],
  template: `
    <fieldset class="kh-agenda" data-testid="agenda-editor">
      <legend>{{ 'workshopForm.agenda' | t }}</legend>
      <p class="kh-muted">{{ 'workshopForm.agendaHint' | t }}</p>
      @if (!agenda().length) {
        <p>{{ 'workshopForm.agendaEmpty' | t }}</p>
      }
      <ol class="kh-agenda__items">
        @for (item of agenda().controls; track item; let i = $index; let first = $first; let last = $last) {
          <li class="kh-agenda__item" data-testid="agenda-item" [formGroup]="item">
            <h3 class="kh-agenda__heading">{{ 'workshopForm.itemHeading' | t: { number: i + 1 } }}</h3>
            <mat-form-field>
              <mat-label>{{ 'workshopForm.itemTitle' | t }}</mat-label>
              <input matInput formControlName="title" class="kh-agenda__title" [id]="'agenda-' + i + '-title'" data-testid="agenda-title" />
              <mat-error>{{ item.controls.title | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'workshopForm.itemMinutes' | t }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                min="1"
                [max]="minutesMax"
                formControlName="minutes"
                [id]="'agenda-' + i + '-minutes'"
                data-testid="agenda-minutes"
              />
              <mat-error>
                @if (item.controls.minutes.hasError('min') || item.controls.minutes.hasError('max')) {
                  {{ 'workshopForm.minutesRange' | t: { max: minutesMax } }}
                } @else {
                  {{ item.controls.minutes | fieldError }}
                }
              </mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'workshopForm.itemBoard' | t }}</mat-label>
              <select matNativeControl formControlName="boardId" data-testid="agenda-board" (change)="boardChanged(item)">
                @for (board of boards(); track board.id) {
                  <option [value]="board.id">{{ board.title }}</option>
                }
              </select>
            </mat-form-field>
            @if (framesOf(item); as frames) {
              @if (frames.length) {
                <mat-form-field>
                  <mat-label>{{ 'workshopForm.itemFrame' | t }}</mat-label>
                  <select matNativeControl formControlName="frameId" data-testid="agenda-frame">
                    <option value="">{{ 'workshopForm.wholeBoard' | t }}</option>
                    @for (frame of frames; track frame.id) {
                      <option [value]="frame.id">{{ frame.text || ('workshopForm.untitledFrame' | t) }}</option>
                    }
                  </select>
                  <mat-hint>{{ 'workshopForm.itemFrameHint' | t }}</mat-hint>
                </mat-form-field>
              }
            }
            <div class="kh-form-actions">
              <button
                matButton="outlined"
                type="button"
                data-action="up"
                [attr.aria-disabled]="first ? 'true' : null"
                [attr.aria-label]="'workshopForm.moveUpLabel' | t: { number: i + 1 }"
                (click)="move(i, -1, 'up')"
              >
                {{ 'workshopForm.moveUp' | t }}
              </button>
              <button
                matButton="outlined"
                type="button"
                data-action="down"
                [attr.aria-disabled]="last ? 'true' : null"
                [attr.aria-label]="'workshopForm.moveDownLabel' | t: { number: i + 1 }"
                (click)="move(i, 1, 'down')"
              >
                {{ 'workshopForm.moveDown' | t }}
              </button>
              <button
                matButton="outlined"
                type="button"
                data-testid="agenda-remove"
                [attr.aria-label]="'workshopForm.removeItemLabel' | t: { number: i + 1 }"
                (click)="remove(i)"
              >
                {{ 'workshopForm.remove' | t }}
              </button>
            </div>
          </li>
        }
      </ol>
      <p data-testid="agenda-total">{{ 'workshopForm.total' | t: { minutes: total() } }}</p>
      <button #addButton matButton="outlined" type="button" class="kh-agenda__add" data-testid="agenda-add" [disabled]="agenda().length >= maxItems" (click)="add()">
        {{ 'workshopForm.addItem' | t }}
      </button>
    </fieldset>
  `,
  styles: `
    .kh-agenda {
      margin: 0;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      min-width: 0;
    }
    .kh-agenda legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .kh-agenda__items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .kh-agenda__item {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-block: 0.75rem;
      padding: 0.75rem;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .kh-agenda__heading {
      margin: 0;
    }
  `,
})
export class AgendaEditorComponent implements OnInit {
  private readonly loader = inject(BoardFramesLoader);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  readonly agenda = input.required<FormArray<AgendaItemForm>>();
  /** First: the workshop's own board (id ''). */
  readonly boards = input.required<readonly AgendaBoardOption[]>();

  protected readonly minutesMax = WORKSHOP_LIMITS.agendaMinutesMax;
  protected readonly maxItems = WORKSHOP_LIMITS.agendaItems;
  /** Bumped on every change of the list, so the total (read from the form) is recomputed. */
  private readonly revision = signal(0);
  private readonly frames = signal<ReadonlyMap<string, Signal<BoardItem[] | null>>>(new Map());

  ngOnInit(): void {
    for (const item of this.agenda().controls) this.loadFrames(item);
    this.agenda()
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.revision.update((n) => n + 1));
  }

  protected total(): number {
    this.revision();
    return agendaMinutes(this.agenda().controls.map((item) => ({ minutes: Number(item.controls.minutes.value) })));
  }

  protected framesOf(item: AgendaItemForm): BoardItem[] | null {
    const doc = this.docOf(item);
    return doc ? (this.frames().get(doc)?.() ?? null) : null;
  }

  protected boardChanged(item: AgendaItemForm): void {
    item.controls.frameId.setValue('');
    this.loadFrames(item);
  }

  protected add(): void {
    const agenda = this.agenda();
    if (agenda.length >= this.maxItems) return;
    agenda.push(agendaItemForm());
    this.focusIn(agenda.length - 1, '.kh-agenda__title');
  }

  protected remove(index: number): void {
    const agenda = this.agenda();
    agenda.removeAt(index);
    void this.announcer.announce(this.i18n.translate('workshopForm.itemRemoved', { number: index + 1 }), 'polite');
    if (agenda.length) this.focusIn(Math.min(index, agenda.length - 1), '.kh-agenda__title');
    else afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.kh-agenda__add')?.focus(), { injector: this.injector });
  }

  /** aria-disabled rather than disabled at the ends, so focus stays on the button the user just pressed. */
  protected move(index: number, by: -1 | 1, action: 'up' | 'down'): void {
    const agenda = this.agenda();
    const target = index + by;
    if (target < 0 || target >= agenda.length) return;
    const item = agenda.at(index);
    agenda.removeAt(index, { emitEvent: false });
    agenda.insert(target, item);
    void this.announcer.announce(
      this.i18n.translate('workshopForm.itemMoved', { number: target + 1, total: agenda.length }),
      'polite',
    );
    this.focusIn(target, `[data-action="${action}"]`);
  }

  private docOf(item: AgendaItemForm): string | null {
    return this.boards().find((board) => board.id === item.controls.boardId.value)?.doc ?? null;
  }

  private loadFrames(item: AgendaItemForm): void {
    const doc = this.docOf(item);
    if (!doc || this.frames().has(doc)) return;
    this.frames.update((map) => new Map(map).set(doc, this.loader.frames(doc)));
  }

  private focusIn(index: number, selector: string): void {
    afterNextRender(
      () => this.host.nativeElement.querySelectorAll('.kh-agenda__item')[index]?.querySelector<HTMLElement>(selector)?.focus(),
      { injector: this.injector },
    );
  }
}
