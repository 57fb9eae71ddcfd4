import { ChangeDetectionStrategy, Component, computed, effect, inject, input, model, output, untracked } from '@angular/core';
import type { Board, NoteColour, Viewport } from '@kehittamo/shared/domain';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import type { CollabSession } from '@kehittamo/web/collab';
import { BoardCanvasComponent } from './board-canvas.component';
import type { BoardLiveContext, PrivateNoteDraft } from './board-live-context';
import { BoardOutlineComponent } from './board-outline.component';
import { BoardStore } from './board-store';
import { BoardSurfaceController } from './board-surface.controller';
import { PrivateNotesComponent } from './private-notes.component';

export type BoardView = 'canvas' | 'outline';
export type { BoardLiveContext, PrivateNoteDraft } from './board-live-context';

let nextId = 0;

/**
 * A board's content: the canvas or the outline view of the same Yjs document. Used by the board
 * page (live = null) and by a workshop's live page. PUBLIC CONTRACT — the workshop pages rely on
 * these inputs and outputs.
 *
 * All reads and writes of the document go through `@kehittamo/shared/board-content` (via
 * {@link BoardStore}); votes and private notes are never written to the document, only reported
 * through the outputs.
 */
@Component({
  selector: 'kh-board-surface',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, BoardCanvasComponent, BoardOutlineComponent, PrivateNotesComponent],
  providers: [BoardSurfaceController],
  host: { class: 'kh-board-surface', '(keydown)': 'onKeydown($event)' },
  template: `
    @if (showViewSwitch()) {
      <div class="kh-view-switch" role="group" [attr.aria-labelledby]="switchLabelId">
        <span [id]="switchLabelId" class="kh-view-switch-label">{{ 'board.viewLabel' | t }}:</span>
        <button type="button" data-testid="view-canvas" [attr.aria-pressed]="view() === 'canvas'" (click)="view.set('canvas')">
          {{ 'board.viewCanvas' | t }}
        </button>
        <button type="button" data-testid="view-outline" [attr.aria-pressed]="view() === 'outline'" (click)="view.set('outline')">
          {{ 'board.viewOutline' | t }}
        </button>
      </div>
    }
    @if (readOnlyReason(); as reason) {
      <p class="kh-callout" data-testid="board-read-only">{{ reason | t }}</p>
    }
    @if (ctl.anonymous()) {
      <p class="kh-muted" data-testid="board-anonymous">{{ 'board.anonymousBoard' | t }}</p>
    }
    @if (live()?.voting; as voting) {
      <div class="kh-callout" data-testid="voting-info">
        <p>
          {{ (voting.open ? 'board.voting.open' : 'board.voting.closed') | t: { left: voting.votesLeft } }}
          @if (!voting.tallies) {
            {{ 'board.voting.hidden' | t }}
          }
        </p>
      </div>
    }
    @if (live()?.privateWriting; as writing) {
      <kh-private-notes
        [notes]="writing.notes"
        [frameName]="writing.frameId ? (ctl.frameNames().get(writing.frameId) ?? null) : null"
        (addNote)="addPrivateNote.emit($event)"
        (editNote)="editPrivateNote.emit($event)"
        (deleteNote)="deletePrivateNote.emit($event)"
      />
    }
    @if (view() === 'outline') {
      <kh-board-outline />
    } @else {
      <kh-board-canvas />
    }
  `,
  styles: `
    :host { display: block; }
    .kh-view-switch { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block: 0.5rem 1rem; }
    .kh-view-switch-label { font: var(--mat-sys-label-large); }
    .kh-view-switch button {
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 999px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .kh-view-switch button[aria-pressed='true'] {
      background: var(--mat-sys-primary);
      border-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .kh-callout p { margin: 0; }
  `,
})
export class BoardSurfaceComponent {
  protected readonly ctl = inject(BoardSurfaceController);

  readonly board = input.required<Board>();
  readonly session = input.required<CollabSession>();
  readonly live = input<BoardLiveContext | null>(null);
  /** Canvas or outline; two-way bindable so a page can keep it in its address. */
  readonly view = model<BoardView>('canvas');
  /** Optional: show the canvas/outline buttons (default on). */
  readonly showViewSwitch = input(true);

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

  protected readonly switchLabelId = `kh-board-view-${nextId++}`;

  protected readonly readOnlyReason = computed<TranslationKey | null>(() => {
    const access = this.session().access();
    if (access === 'view') return 'board.readOnlyView';
    if (access === 'comment') return 'board.readOnlyComment';
    if (this.live()?.boardLocked) return 'board.readOnlyLocked';
    return null;
  });

  private lastSelection = '';

  constructor() {
    this.ctl.bind({ board: this.board, session: this.session, live: this.live });
    this.ctl.emitVote = (id) => this.vote.emit(id);
    this.ctl.emitUnvote = (id) => this.unvote.emit(id);
    this.ctl.emitViewport = (viewport) => this.viewportChange.emit(viewport);

    // One store per session (document), destroyed with it.
    effect((onCleanup) => {
      const session = this.session();
      const store = new BoardStore(session.doc);
      untracked(() => {
        this.ctl.store.set(store);
        this.ctl.selection.set(new Set());
      });
      onCleanup(() => {
        store.destroy();
        this.ctl.store.set(null);
      });
    });

    // Selection: forget items others deleted; report the selected notes.
    effect(() => {
      const selection = this.ctl.selection();
      const byId = this.ctl.itemsById();
      const present = [...selection].filter((id) => byId.has(id));
      if (present.length !== selection.size) {
        untracked(() => this.ctl.selection.set(new Set(present)));
        return;
      }
      const notes = present.filter((id) => byId.get(id)?.type === 'note');
      const key = notes.join(',');
      if (key !== this.lastSelection) {
        this.lastSelection = key;
        untracked(() => this.selectionChange.emit(notes));
      }
    });
  }

  /** Undo and redo of this user's own changes (never someone else's), outside text fields. */
  protected onKeydown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('textarea, input, select, [contenteditable="true"]')) return;
    const key = event.key.toLowerCase();
    const store = this.ctl.store();
    if (!store || !this.ctl.canEdit()) return;
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      store.undo();
      this.ctl.announce('board.announce.undone');
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      store.redo();
      this.ctl.announce('board.announce.redone');
    }
  }
}
