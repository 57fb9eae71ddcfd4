import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BoardApi, remote, TranslatePipe } from '@kehittamo/web/core';
import {
  CollabDocumentService,
  CollabStatusComponent,
  CollabTextareaDirective,
  type CollabSession,
} from '@kehittamo/web/collab';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';

/** The root `Y.Text` of a board's shared notes. */
export const BOARD_NOTES_TEXT = 'notes';

/**
 * One board: its title, who else is here, whether changes are saved, and shared notes that
 * everyone with edit rights can type into at the same time. Read-only for view and comment
 * rights (the server drops their changes anyway; the field says so instead of pretending).
 */
@Component({
  selector: 'kh-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ErrorMessageComponent, CollabStatusComponent, CollabTextareaDirective],
  templateUrl: './board.page.html',
  styleUrl: './board.page.scss',
  host: { '(window:beforeunload)': 'warnIfUnsaved($event)' },
})
export class BoardPage {
  private readonly api = inject(BoardApi);
  private readonly collab = inject(CollabDocumentService);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:spaceId`. */
  readonly spaceId = input.required<string>();
  /** Route parameter `:boardId`. */
  readonly boardId = input.required<string>();

  protected readonly boards = remote({ params: () => this.spaceId(), load: (id: string) => this.api.list(id) });
  protected readonly board = computed(() => this.boards.value()?.find((board) => board.id === this.boardId()) ?? null);
  private readonly docName = computed(() => this.board()?.doc ?? null);
  protected readonly notFound = computed(() => this.boards.value() !== undefined && this.board() === null);
  protected readonly session = signal<CollabSession | null>(null);
  protected readonly notes = computed(() => this.session()?.doc.getText(BOARD_NOTES_TEXT) ?? null);
  /** Editable once the content has arrived, only with edit rights, and not after the session stopped. */
  protected readonly readOnly = computed(() => {
    const session = this.session();
    return !session || !session.loaded() || !session.canEdit() || session.stopped();
  });
  protected readonly readOnlyReason = computed(() => {
    const access = this.session()?.access();
    if (access === 'view') return 'board.readOnlyView' as const;
    if (access === 'comment') return 'board.readOnlyComment' as const;
    return null;
  });

  constructor() {
    effect(() => this.title.setDetail(this.board()?.title ?? null));
    // One session per board document, closed when the board changes or the page goes away.
    effect((onCleanup) => {
      const doc = this.docName();
      if (!doc) return;
      const session = untracked(() => this.collab.open(doc));
      this.session.set(session);
      onCleanup(() => {
        session.close();
        this.session.set(null);
      });
    });
  }

  /** Asks the browser to confirm leaving while changes are only on this device. */
  protected warnIfUnsaved(event: BeforeUnloadEvent): void {
    const session = this.session();
    if (session && session.saveState() !== 'saved') event.preventDefault();
  }
}
