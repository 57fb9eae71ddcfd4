import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  ApiError,
  Board,
  BoardItem,
  BreakoutGroup,
  LiveCommand,
  LiveState,
  NoteColour,
  Viewport,
} from '@kehittamo/shared/domain';
import { AuthStore, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { CollabDocumentService, CollabStatusComponent, type CollabSession } from '@kehittamo/web/collab';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import type { PrivateNoteDraft } from '../../surface/board-live-context';
import { BoardSurfaceComponent, type BoardView } from '../../surface/board-surface.component';
import { watchFrames } from '../shared/board-frames';
import { WorkshopNavComponent } from '../shared/workshop-nav.component';
import { WorkshopApi } from '../workshop.api';
import { FacilitatorPanelComponent } from './facilitator-panel.component';
import { LiveAgendaComponent } from './live-agenda.component';
import { activeBoardId, buildBoardLiveContext, liveChanges, myBreakoutGroup } from './live-state';
import { LiveTimerComponent } from './live-timer.component';
import { ParticipantBarComponent } from './participant-bar.component';
import { PresenceListComponent } from './presence-list.component';
import { WorkshopLiveService } from './workshop-live.service';

/**
 * A workshop in live mode: the agenda, the shared timer, the board of the moment (canvas or
 * outline), who is here, and the tools of participants and facilitators. The server's live
 * state decides what everyone sees; this page only shows it and sends intents as commands.
 * Changes that matter are announced politely; refusals are shown as errors.
 */
@Component({
  selector: 'kh-workshop-live-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    ErrorMessageComponent,
    CollabStatusComponent,
    BoardSurfaceComponent,
    WorkshopNavComponent,
    LiveAgendaComponent,
    LiveTimerComponent,
    PresenceListComponent,
    ParticipantBarComponent,
    FacilitatorPanelComponent,
  ],
  providers: [WorkshopLiveService],
  templateUrl: './workshop-live.page.html',
  styleUrl: './workshop-live.page.scss',
})
export class WorkshopLivePage {
  private readonly api = inject(WorkshopApi);
  private readonly collab = inject(CollabDocumentService);
  private readonly i18n = inject(I18nService);
  private readonly title = inject(PageTitleStrategy);
  protected readonly live = inject(WorkshopLiveService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly workshop = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  private readonly me = inject(AuthStore).me;
  private readonly userId = computed(() => this.me()?.id ?? null);
  protected readonly facilitates = computed(() => this.workshop.value()?.myRole === 'facilitator');
  protected readonly state = this.live.state;

  /** A board this person picked themselves (a facilitator visiting a group), until the shared state moves on. */
  private readonly chosenBoardId = signal<string | null>(null);
  private readonly visitedFrameId = signal<string | null>(null);
  protected readonly visitedGroup = signal<string | null>(null);
  protected readonly hideCursor = signal(false);
  /** From the server, so a reload or another device shows it too. */
  protected readonly pauseRequested = computed(() => this.live.mine()?.pauseRequested ?? false);
  protected readonly view = signal<BoardView>('canvas');
  protected readonly viewport = signal<Viewport | null>(null);
  protected readonly commandError = signal<ApiError | null>(null);
  protected readonly announcement = signal('');
  protected readonly frames = signal<BoardItem[]>([]);
  protected readonly session = signal<CollabSession | null>(null);

  protected readonly boardId = computed(() => {
    const workshop = this.workshop.value();
    return workshop ? activeBoardId(workshop, this.state(), this.userId(), this.chosenBoardId()) : null;
  });
  protected readonly board = computed<Board | null>(() => {
    const workshop = this.workshop.value();
    const board = workshop?.boards.find((entry) => entry.id === this.boardId());
    if (!workshop || !board) return null;
    return { ...board, spaceId: workshop.spaceId, createdAt: workshop.createdAt, updatedAt: workshop.updatedAt };
  });
  protected readonly liveContext = computed(() => {
    const board = this.board();
    if (!board) return null;
    const context = buildBoardLiveContext({
      event: this.live.event(),
      mine: this.live.mine(),
      boardId: board.id,
      anonymous: board.anonymous,
      userId: this.userId(),
      hideCursor: this.hideCursor(),
    });
    // A facilitator visiting a group jumps to its frame the same way its members did.
    const visited = this.visitedFrameId();
    return visited ? { ...context, breakoutFrameId: visited } : context;
  });
  protected readonly myGroup = computed(() => myBreakoutGroup(this.state(), this.userId()));
  protected readonly handRaised = computed(
    () => this.live.event()?.presence.find((person) => person.userId === this.userId())?.handRaised ?? false,
  );
  protected readonly currentItem = computed(() => {
    const id = this.state()?.agendaItemId;
    return this.workshop.value()?.agenda.find((item) => item.id === id) ?? null;
  });

  constructor() {
    effect(() => this.title.setDetail(this.workshop.value()?.title ?? null));
    effect(() => {
      const id = this.id();
      untracked(() => this.live.connect(id));
    });

    // One Yjs session for the board on screen, closed when another board comes up or the page goes away.
    effect((onCleanup) => {
      const doc = this.board()?.doc;
      if (!doc) return;
      const session = untracked(() => this.collab.open(doc));
      this.session.set(session);
      onCleanup(() => {
        session.close();
        this.session.set(null);
        this.frames.set([]);
      });
    });
    // The board's frames (for locks, voting, private writing and groups), once its content is here.
    effect((onCleanup) => {
      const session = this.session();
      if (!session?.loaded()) return;
      const stop = untracked(() => watchFrames(session.doc, (frames) => this.frames.set(frames)));
      onCleanup(stop);
    });

    // When the shared state moves everyone (new agenda item, "bring everyone to me", breakouts), a
    // personal detour ends; changes worth hearing are announced.
    let previous: LiveState | null = null;
    effect(() => {
      const state = this.state();
      if (!state) return;
      untracked(() => {
        const before = previous;
        previous = state;
        if (
          before &&
          (before.agendaItemId !== state.agendaItemId ||
            before.follow?.seq !== state.follow?.seq ||
            !before.breakouts !== !state.breakouts)
        ) {
          this.leaveVisit();
        }
        const changes = liveChanges(before, state, {
          userId: this.userId(),
          boardId: this.boardId() ?? '',
          agenda: this.workshop.value()?.agenda ?? [],
        });
        if (changes.length) this.announcement.set(changes.map((change) => this.i18n.translate(change.key, change.params)).join(' '));
      });
    });
  }

  protected async send(command: LiveCommand): Promise<boolean> {
    this.commandError.set(null);
    const answer = await this.live.send(command);
    if (!answer.ok) this.commandError.set(answer.error);
    return answer.ok;
  }

  protected setAgendaItem(itemId: string | null): void {
    void this.send({ type: 'agenda.set', itemId });
  }

  protected async togglePause(on: boolean): Promise<void> {
    await this.send({ type: 'pause', on });
  }

  protected vote(itemId: string): void {
    void this.send({ type: 'vote', itemId });
  }

  protected unvote(itemId: string): void {
    void this.send({ type: 'unvote', itemId });
  }

  protected addPrivateNote(note: PrivateNoteDraft): void {
    void this.send({ type: 'private.add', text: note.text, colour: note.colour });
  }

  protected editPrivateNote(note: { id: string; text: string; colour?: NoteColour }): void {
    void this.send({ type: 'private.edit', ...note });
  }

  protected deletePrivateNote(id: string): void {
    void this.send({ type: 'private.delete', id });
  }

  protected chooseBoard(event: Event): void {
    this.visitedFrameId.set(null);
    this.visitedGroup.set(null);
    this.chosenBoardId.set((event.target as HTMLSelectElement).value || null);
  }

  protected visit(group: BreakoutGroup): void {
    this.chosenBoardId.set(group.boardId);
    this.visitedFrameId.set(group.frameId);
    this.visitedGroup.set(group.name);
  }

  protected leaveVisit(): void {
    this.chosenBoardId.set(null);
    this.visitedFrameId.set(null);
    this.visitedGroup.set(null);
  }
}
