import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { BOARD_LIMITS, LIMITS, type Board, type CommentTarget } from '@kehittamo/shared/domain';
import { readBoard } from '@kehittamo/shared/board-content';
import { AuthStore, BoardApi, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { CollabDocumentService, CollabStatusComponent, type CollabSession } from '@kehittamo/web/collab';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { CommentThreadsPanelComponent } from '@kehittamo/web/comments';
import { BoardSurfaceComponent, type BoardView } from '../surface/board-surface.component';

/**
 * One board: its title, who else is here, whether changes are saved, and the board itself as a
 * canvas or an outline (`?view=outline`). People with edit rights can rename the board and
 * turn anonymous notes on or off; organisation admins can save it as a template.
 */
@Component({
  selector: 'kh-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
    CollabStatusComponent,
    BoardSurfaceComponent,
    CommentThreadsPanelComponent,
  ],
  templateUrl: './board.page.html',
  styleUrl: './board.page.scss',
  host: { '(window:beforeunload)': 'warnIfUnsaved($event)' },
})
export class BoardPage {
  private readonly api = inject(BoardApi);
  private readonly collab = inject(CollabDocumentService);
  private readonly title = inject(PageTitleStrategy);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** Route parameter `:spaceId`. */
  readonly spaceId = input.required<string>();
  /** Route parameter `:boardId`. */
  readonly boardId = input.required<string>();
  /** Query parameter `view`: `outline` for the list view, anything else the canvas. */
  readonly view = input<string | undefined>(undefined);
  /** Query parameter `?thread=`: a notification's link opens that comment thread. */
  readonly thread = input<string | undefined>(undefined);

  /** Notes selected on the canvas or in the outline; a new comment thread is about exactly one. */
  protected readonly selectedNotes = signal<string[]>([]);
  protected readonly selectedNote = computed(() => (this.selectedNotes().length === 1 ? this.selectedNotes()[0] : null));
  protected readonly commentTarget = computed<CommentTarget>(() => ({ kind: 'board-note', id: this.boardId() }));
  /** Each commented note's text, to show which note a thread is about (read when the threads change). */
  protected readonly noteLabels = signal<ReadonlyMap<string, string>>(new Map());

  protected readonly loaded = remote({ params: () => this.boardId(), load: (id: string) => this.api.get(id) });
  protected readonly board = computed<Board | null>(() => this.loaded.value() ?? null);
  protected readonly notFound = computed(() => {
    const error = this.loaded.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 403);
  });
  protected readonly otherError = computed(() => (this.notFound() ? null : this.loaded.error()));
  private readonly docName = computed(() => this.board()?.doc ?? null);
  protected readonly session = signal<CollabSession | null>(null);
  protected readonly currentView = computed<BoardView>(() => (this.view() === 'outline' ? 'outline' : 'canvas'));
  protected readonly canEdit = computed(() => this.session()?.canEdit() ?? false);
  /** Saving templates is for organisation admins (the server checks too). */
  protected readonly isAdmin = this.auth.isAdmin;

  protected readonly settings = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.boardTitleMax)]],
    anonymous: [false],
  });
  private readonly settingsSubmission = formSubmission(this.settings);
  protected readonly settingsBusy = this.settingsSubmission.busy;
  protected readonly settingsError = this.settingsSubmission.error;
  protected readonly settingsNotice = signal<string | null>(null);

  protected readonly template = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(BOARD_LIMITS.templateName)]],
  });
  private readonly templateSubmission = formSubmission(this.template);
  protected readonly templateBusy = this.templateSubmission.busy;
  protected readonly templateError = this.templateSubmission.error;
  protected readonly templateNotice = signal<string | null>(null);

  constructor() {
    effect(() => this.title.setDetail(this.board()?.title ?? null));
    // The settings form shows the board as loaded (and as saved).
    effect(() => {
      const board = this.board();
      if (board) untracked(() => this.settings.reset({ title: board.title, anonymous: board.anonymous }));
    });
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

  protected labelNotes(session: CollabSession): void {
    this.noteLabels.set(new Map(readBoard(session.doc).filter((item) => item.type === 'note').map((item) => [item.id, item.text])));
  }

  /** Keeps the view in the address (`?view=outline`), replacing the history entry. */
  protected setView(view: BoardView): void {
    void this.router.navigate([], {
      queryParams: { view: view === 'outline' ? 'outline' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected saveSettings(directive: FormGroupDirective): void {
    const board = this.board();
    if (!board) return;
    this.settingsNotice.set(null);
    const title = this.settings.controls.title.value.trim();
    if (!title) this.settings.controls.title.setValue('');
    const anonymous = this.settings.controls.anonymous.value;
    this.settingsSubmission.submit(() => this.api.update(board.id, { title, anonymous }), {
      done: (saved) => {
        this.loaded.update(() => saved);
        directive.resetForm({ title: saved.title, anonymous: saved.anonymous });
        this.settingsNotice.set(this.i18n.translate('board.settings.saved'));
      },
    });
  }

  protected saveTemplate(directive: FormGroupDirective): void {
    const board = this.board();
    if (!board) return;
    this.templateNotice.set(null);
    const name = this.template.controls.name.value.trim();
    if (!name) this.template.controls.name.setValue('');
    this.templateSubmission.submit(() => this.api.saveTemplate({ boardId: board.id, name }), {
      done: (saved) => {
        directive.resetForm({ name: '' });
        this.templateNotice.set(this.i18n.translate('board.settings.templateSaved', { name: saved.name ?? name }));
      },
    });
  }

  /** Asks the browser to confirm leaving while changes are only on this device. */
  protected warnIfUnsaved(event: BeforeUnloadEvent): void {
    const session = this.session();
    if (session && session.saveState() !== 'saved') event.preventDefault();
  }
}
