import { NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { boardOutline } from '@kehittamo/shared/board-content';
import { BOARD_LIMITS, NOTE_COLOURS, type BoardItem, type NoteColour } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { CollabTextareaDirective } from '@kehittamo/web/collab';
import { ConfirmButtonComponent } from '@kehittamo/web/ui';
import type { DeletedItems } from './board-store';
import { BoardSurfaceController, colourKey } from './board-surface.controller';

/** The key of the open canvas in per-frame state ("Not in a frame"). */
const LOOSE = '';

/**
 * The board as an ordered, live list: one h2 per frame with its notes and text blocks, then
 * those not in a frame. Everything the canvas does with notes is here as ordinary form
 * controls (add, edit, colour, move between frames, reorder, delete with undo, vote), and the
 * result of each action is announced politely.
 */
@Component({
  selector: 'kh-board-outline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, TranslatePipe, CollabTextareaDirective, ConfirmButtonComponent],
  templateUrl: './board-outline.component.html',
  styleUrl: './board-outline.component.scss',
})
export class BoardOutlineComponent {
  protected readonly ctl = inject(BoardSurfaceController);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected readonly colours = NOTE_COLOURS;
  protected readonly colourKey = colourKey;
  protected readonly limits = BOARD_LIMITS;
  protected readonly loose = LOOSE;
  protected readonly outline = computed(() => boardOutline(this.ctl.items()));
  protected readonly frames = computed(() => this.outline().frames.map((f) => f.frame));
  /** The latest delete of this user, per frame key, until undone or replaced. */
  protected readonly deleted = signal<{ key: string; items: DeletedItems; count: number } | null>(null);

  protected frameName(frame: BoardItem): string {
    return this.ctl.frameNames().get(frame.id) ?? this.ctl.t('board.untitledFrame');
  }

  protected text(id: string) {
    return this.ctl.store()?.text(id) ?? null;
  }

  protected locked(frameId: string | null): boolean {
    return frameId !== null && this.ctl.lockedFrames().has(frameId);
  }

  protected addNote(event: Event, frameId: string | null, field: HTMLTextAreaElement, colour: string): void {
    event.preventDefault();
    const store = this.ctl.store();
    const text = field.value.trim();
    if (!store || !text) {
      field.focus();
      return;
    }
    if (!this.ctl.canAddTo(frameId)) return this.ctl.announce('board.announce.refused');
    store.add({ type: 'note', text, frame: frameId, colour: asColour(colour), author: this.ctl.author() });
    field.value = '';
    field.focus();
    const frame = frameId ? this.ctl.frameNames().get(frameId) : null;
    if (frame) this.ctl.announce('board.announce.addedToFrame', { frame });
    else this.ctl.announce('board.announce.added', { type: this.ctl.t('board.types.note') });
  }

  /** A vote more or less; the buttons stay focusable when they cannot be used, and then do nothing. */
  protected vote(item: BoardItem, add: boolean, allowed: boolean): void {
    if (allowed) this.ctl.vote(item.id, add);
  }

  protected setColour(item: BoardItem, value: string): void {
    const colour = asColour(value);
    if (!this.ctl.canChange(item) || colour === item.colour) return;
    this.ctl.store()?.update([{ id: item.id, patch: { colour } }]);
    this.ctl.announce('board.announce.colour', { colour: this.ctl.colourName(colour) });
  }

  protected moveTo(item: BoardItem, value: string): void {
    const frameId = value === LOOSE ? null : value;
    if (frameId === item.frame) return;
    if (!this.ctl.canChange(item) || !this.ctl.canAddTo(frameId)) return this.ctl.announce('board.announce.refused');
    this.ctl.store()?.moveToFrame(item.id, frameId);
    if (frameId) this.ctl.announce('board.announce.movedToFrame', { frame: this.ctl.frameNames().get(frameId) ?? '' });
    else this.ctl.announce('board.announce.movedOut');
    this.focusLater(`[data-outline-item="${item.id}"] textarea`);
  }

  protected moveInOrder(item: BoardItem, direction: -1 | 1): void {
    if (!this.ctl.canChange(item)) return;
    this.ctl.store()?.moveInOrder(item.id, direction);
    this.ctl.announce(direction === -1 ? 'board.announce.movedUp' : 'board.announce.movedDown');
    const scope = item.type === 'frame' ? `[data-outline-frame="${item.id}"]` : `[data-outline-item="${item.id}"]`;
    const action = direction === -1 ? 'up' : 'down';
    const other = direction === -1 ? 'down' : 'up';
    // Reordering moves the element, which loses focus: put it back on the same button (or its pair at the end).
    afterNextRender(
      () => {
        const button =
          this.host.querySelector<HTMLButtonElement>(`${scope} [data-action="${action}"]:not(:disabled)`) ??
          this.host.querySelector<HTMLButtonElement>(`${scope} [data-action="${other}"]`);
        button?.focus();
      },
      { injector: this.injector },
    );
  }

  protected delete(item: BoardItem): void {
    if (!this.ctl.canChange(item)) return;
    const items = this.ctl.store()?.delete([item.id]);
    if (!items) return;
    this.deleted.set({ key: item.frame ?? LOOSE, items, count: 1 });
    this.ctl.announce('board.announce.deleted', { count: 1 });
    this.focusLater('[data-testid="outline-undo-delete"]');
  }

  protected undoDelete(): void {
    const deleted = this.deleted();
    if (!deleted) return;
    this.ctl.store()?.restore(deleted.items);
    this.deleted.set(null);
    this.ctl.announce('board.announce.restored');
    const first = deleted.items.removed[0];
    if (first) this.focusLater(`[data-outline-item="${first.id}"] textarea`);
  }

  protected addFrame(event: Event, field: HTMLInputElement): void {
    event.preventDefault();
    const store = this.ctl.store();
    const name = field.value.trim();
    if (!store || !name || !this.ctl.canEdit()) {
      field.focus();
      return;
    }
    // Next to the rightmost frame, so the canvas stays readable.
    const frames = this.frames();
    const right = frames.reduce((max, f) => Math.max(max, f.x + f.w), -80);
    const top = frames.length ? Math.min(...frames.map((f) => f.y)) : 0;
    store.add({ type: 'frame', text: name, x: right + 80, y: top });
    field.value = '';
    this.ctl.announce('board.announce.added', { type: this.ctl.t('board.types.frame') });
  }

  protected rename(event: Event, frame: BoardItem, field: HTMLInputElement): void {
    event.preventDefault();
    const name = field.value.trim();
    if (!this.ctl.canChange(frame) || !name) return;
    this.ctl.store()?.setText(frame.id, name);
    this.ctl.announce('board.announce.renamed', { name });
  }

  protected deleteFrame(frame: BoardItem): void {
    if (!this.ctl.canChange(frame)) return;
    const items = this.ctl.store()?.delete([frame.id]);
    if (!items) return;
    this.deleted.set({ key: LOOSE, items, count: 1 });
    this.ctl.announce('board.announce.deleted', { count: 1 });
    this.focusLater('[data-testid="outline-undo-delete"]');
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}

function asColour(value: string): NoteColour {
  return NOTE_COLOURS.find((c) => c === value) ?? 'yellow';
}
