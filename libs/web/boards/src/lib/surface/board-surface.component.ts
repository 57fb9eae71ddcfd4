import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core';
import type { CollabSession } from '@kehittamo/web/collab';
import type { Board, NoteColour, Viewport } from '@kehittamo/shared/domain';
import type { BoardLiveContext, PrivateNoteDraft } from './board-live-context';

export type BoardView = 'canvas' | 'outline';

/**
 * A board's content: the canvas or the outline view of the same Yjs document. Used by the board
 * page (live = null) and by a workshop's live page. PUBLIC CONTRACT — the workshop pages rely on
 * these inputs and outputs.
 */
@Component({
  selector: 'kh-board-surface',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p>{{ board().title }}</p>`,
})
export class BoardSurfaceComponent {
  readonly board = input.required<Board>();
  readonly session = input.required<CollabSession>();
  readonly live = input<BoardLiveContext | null>(null);
  /** Canvas or outline; two-way bindable so a page can keep it in its address. */
  readonly view = model<BoardView>('canvas');

  /** Dot voting: the user adds or removes one vote on a note. */
  readonly vote = output<string>();
  readonly unvote = output<string>();
  /** Private writing: the user's own notes, kept by the server until the facilitator reveals. */
  readonly addPrivateNote = output<PrivateNoteDraft>();
  readonly editPrivateNote = output<{ id: string; text: string; colour?: NoteColour }>();
  readonly deletePrivateNote = output<string>();
  /** The canvas view moved (pan or zoom): a facilitator's "bring everyone to me" sends it. */
  readonly viewportChange = output<Viewport>();
  /** Ids of the selected notes (for "send to a model description"). */
  readonly selectionChange = output<string[]>();
}
