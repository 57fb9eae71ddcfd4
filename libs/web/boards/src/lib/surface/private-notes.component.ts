import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NOTE_COLOURS, WORKSHOP_LIMITS, type NoteColour, type PrivateNote } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import type { PrivateNoteDraft } from './board-live-context';
import { colourKey } from './board-surface.controller';

/**
 * Private writing: the user's own notes, kept by the server and shown only to them until the
 * facilitator reveals them. Add, edit and delete are reported to the surface's outputs.
 */
@Component({
  selector: 'kh-private-notes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <section class="kh-private" data-testid="private-notes" aria-labelledby="kh-private-heading">
      <h2 id="kh-private-heading">{{ 'board.private.heading' | t }}</h2>
      <p>{{ 'board.private.intro' | t }}</p>
      @if (frameName(); as frame) {
        <p>{{ 'board.private.inFrame' | t: { frame } }}</p>
      }
      @if (notes().length) {
        <ol class="kh-private-list">
          @for (note of notes(); track note.id; let i = $index) {
            <li>
              <form class="kh-private-form" (submit)="save($event, note, text.value, colour.value)">
                <label [for]="'kh-pn-' + note.id">{{ 'board.private.editLabel' | t: { number: i + 1 } }}</label>
                <textarea #text rows="2" [id]="'kh-pn-' + note.id" [value]="note.text" [attr.maxlength]="maxLength"></textarea>
                <div class="kh-private-row">
                  <label [for]="'kh-pnc-' + note.id">{{ 'board.private.colour' | t }}</label>
                  <select #colour [id]="'kh-pnc-' + note.id">
                    @for (c of colours; track c) {
                      <option [value]="c" [selected]="c === note.colour">{{ colourKey(c) | t }}</option>
                    }
                  </select>
                  <button type="submit">{{ 'board.private.save' | t }}</button>
                  <button type="button" (click)="deleteNote.emit(note.id)">{{ 'board.private.delete' | t }}</button>
                </div>
              </form>
            </li>
          }
        </ol>
      } @else {
        <p class="kh-muted">{{ 'board.private.none' | t }}</p>
      }
      <form class="kh-private-form" data-testid="private-add" (submit)="add($event, newText, newColour.value)">
        <label for="kh-pn-new">{{ 'board.private.text' | t }}</label>
        <textarea #newText id="kh-pn-new" rows="2" [attr.maxlength]="maxLength"></textarea>
        <div class="kh-private-row">
          <label for="kh-pn-new-colour">{{ 'board.private.colour' | t }}</label>
          <select #newColour id="kh-pn-new-colour">
            @for (c of colours; track c) {
              <option [value]="c">{{ colourKey(c) | t }}</option>
            }
          </select>
          <button type="submit">{{ 'board.private.add' | t }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .kh-private {
      margin-block: 1rem;
      padding: 1rem;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      max-width: 60rem;
    }
    .kh-private-list { display: grid; gap: 0.75rem; padding: 0; list-style: none; }
    .kh-private-form { display: flex; flex-direction: column; gap: 0.25rem; }
    .kh-private-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    textarea, select, button {
      box-sizing: border-box;
      max-width: 100%;
      min-height: 44px;
      padding: 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    button { color: var(--mat-sys-primary); cursor: pointer; }
  `,
})
export class PrivateNotesComponent {
  readonly notes = input.required<readonly PrivateNote[]>();
  readonly frameName = input<string | null>(null);
  readonly addNote = output<PrivateNoteDraft>();
  readonly editNote = output<{ id: string; text: string; colour?: NoteColour }>();
  readonly deleteNote = output<string>();

  protected readonly colours = NOTE_COLOURS;
  protected readonly colourKey = colourKey;
  protected readonly maxLength = WORKSHOP_LIMITS.privateNoteText;

  protected add(event: Event, field: HTMLTextAreaElement, colour: string): void {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) return field.focus();
    this.addNote.emit({ text, colour: asColour(colour) });
    field.value = '';
    field.focus();
  }

  protected save(event: Event, note: PrivateNote, text: string, colour: string): void {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    this.editNote.emit({ id: note.id, text: trimmed, colour: asColour(colour) });
  }
}

function asColour(value: string): NoteColour {
  return NOTE_COLOURS.find((c) => c === value) ?? 'yellow';
}
