import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { CollabSession } from '@kehittamo/web/collab';
import { BoardSurfaceController } from './board-surface.controller';

/** Others' pointers are redrawn at most this often. */
const POINTER_REFRESH_MS = 150;

interface RemoteCursor {
  key: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

/**
 * Others' pointers on the canvas, from awareness, at most once per frame. A component of its
 * own so that a hundred moving pointers re-render only this layer, never the board's items.
 */
@Component({
  selector: 'kh-board-cursors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (cursor of cursors(); track cursor.key) {
      <div
        class="kh-cursor"
        aria-hidden="true"
        data-testid="remote-cursor"
        [style.transform]="'translate(' + cursor.x + 'px,' + cursor.y + 'px) scale(' + scale() + ')'"
      >
        <svg width="16" height="20" viewBox="0 0 16 20" [style.fill]="cursor.color"><path d="M0 0 L0 16 L4.5 12 L8 19 L10.5 18 L7 11 L13 11 z" /></svg>
        <span [style.background-color]="cursor.color">{{ cursor.name }}</span>
      </div>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .kh-cursor {
      position: absolute;
      z-index: 100000;
      transform-origin: 0 0;
      pointer-events: none;
      contain: layout style;
    }
    .kh-cursor span {
      display: block;
      margin: 2px 0 0 12px;
      padding: 1px 6px;
      border-radius: 4px;
      color: #fff;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
  `,
})
export class BoardCursorsComponent {
  private readonly ctl = inject(BoardSurfaceController);
  readonly session = input.required<CollabSession>();
  /** The canvas zoom: pointers keep their size on screen. */
  readonly zoom = input.required<number>();

  protected readonly cursors = signal<readonly RemoteCursor[]>([]);
  protected readonly scale = computed(() => 1 / this.zoom());

  constructor() {
    effect((onCleanup) => {
      const session = this.session();
      let frame = 0;
      const read = () => {
        frame = 0;
        const self = untracked(() => this.ctl.selfUserId());
        const list: RemoteCursor[] = [];
        session.awareness.getStates().forEach((state, clientId) => {
          if (clientId === session.doc.clientID) return;
          const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
          const cursor = (state as { cursor?: { x?: unknown; y?: unknown } | null }).cursor;
          if (!user || typeof user.name !== 'string' || user.id === self || !cursor) return;
          if (typeof cursor.x !== 'number' || typeof cursor.y !== 'number' || !Number.isFinite(cursor.x) || !Number.isFinite(cursor.y)) return;
          list.push({ key: clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#005cbb', x: cursor.x, y: cursor.y });
        });
        this.cursors.set(list);
      };
      // Repainting every pointer on every move is most of the browser's work on a full board:
      // at most every POINTER_REFRESH_MS (people see others' pointers glide, not jitter).
      let last = 0;
      const onChange = () => {
        if (frame) return;
        const wait = Math.max(0, last + POINTER_REFRESH_MS - performance.now());
        frame = window.setTimeout(() => {
          last = performance.now();
          requestAnimationFrame(read);
        }, wait);
      };
      session.awareness.on('change', onChange);
      read();
      onCleanup(() => {
        session.awareness.off('change', onChange);
        if (frame) clearTimeout(frame);
        this.cursors.set([]);
      });
    });
  }
}
