import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { BoardItem, BoardItemType } from '@kehittamo/shared/domain';
import type * as Y from 'yjs';
import { BoardItemComponent } from './board-item.component';
import type { VoteInfo } from './board-surface.controller';

/** Everything one item on the canvas shows; the same object while nothing about it changed. */
export interface ItemView {
  item: BoardItem;
  selected: boolean;
  resizable: boolean;
  locked: boolean;
  votes: VoteInfo | null;
  label: string;
  summary: string;
}

export const sameView = (a: ItemView, b: ItemView): boolean =>
  a.item === b.item &&
  a.selected === b.selected &&
  a.resizable === b.resizable &&
  a.locked === b.locked &&
  a.votes === b.votes &&
  a.label === b.label &&
  a.summary === b.summary;

/**
 * A run of consecutive items (in reading order) on the canvas. The canvas hands each group the
 * same array while none of its items changed, so a change checks one group's items, not all of
 * a full board's (an item's host bindings run whenever the view holding it is checked).
 * `display: contents`: the items stay positioned in the canvas layer, and in its Tab order.
 */
@Component({
  selector: 'kh-board-item-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BoardItemComponent],
  host: { style: 'display: contents' },
  template: `
    @for (view of views(); track view.item.id) {
      <kh-board-item
        [item]="view.item"
        [selected]="view.selected"
        [resizable]="view.resizable"
        [locked]="view.locked"
        [text]="editingId() === view.item.id ? editingText() : null"
        [votes]="view.votes"
        [typeName]="typeNames()[view.item.type]"
        [label]="view.label"
        [summary]="view.summary"
        [fallbackText]="fallbackText()"
        (editEnd)="editEnd.emit(view.item.id)"
        (vote)="vote.emit({ id: view.item.id, add: $event })"
      />
    }
  `,
})
export class BoardItemGroupComponent {
  readonly views = input.required<readonly ItemView[]>();
  readonly editingId = input<string | null>(null);
  readonly editingText = input<Y.Text | null>(null);
  readonly typeNames = input.required<Record<BoardItemType, string>>();
  readonly fallbackText = input('');

  readonly editEnd = output<string>();
  readonly vote = output<{ id: string; add: boolean }>();
}
