import { LiveAnnouncer } from '@angular/cdk/a11y';
import { computed, inject, Injectable, signal, type Signal } from '@angular/core';
import type { Board, BoardItem, NoteColour, Viewport } from '@kehittamo/shared/domain';
import { AuthStore, I18nService, type TranslationKey, type TranslationParams } from '@kehittamo/web/core';
import type { CollabSession } from '@kehittamo/web/collab';
import { isLocked } from './board-geometry';
import type { BoardLiveContext } from './board-live-context';
import type { BoardStore } from './board-store';

/** A note's voting state for one user. */
export interface VoteInfo {
  mine: number;
  /** Revealed total, or null while hidden. */
  tally: number | null;
  canAdd: boolean;
  canRemove: boolean;
}

const sameVote = (a: VoteInfo | undefined, b: VoteInfo): boolean =>
  !!a && a.mine === b.mine && a.tally === b.tally && a.canAdd === b.canAdd && a.canRemove === b.canRemove;

export interface SurfaceInputs {
  board: Signal<Board>;
  session: Signal<CollabSession>;
  live: Signal<BoardLiveContext | null>;
}

/** The translation key of a note colour's name. */
export const colourKey = (colour: NoteColour) => `board.colours.${colour}` as const;

const NO_LOCKS: ReadonlySet<string> = new Set();

/**
 * The state one board surface shares between its canvas, outline and panels (provided by
 * `BoardSurfaceComponent`, one per surface): the document store, what the user may change,
 * the selection, voting per note, and announcing results to screen readers.
 */
@Injectable()
export class BoardSurfaceController {
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);

  private readonly inputs = signal<SurfaceInputs | null>(null);
  readonly board = computed<Board | null>(() => this.inputs()?.board() ?? null);
  readonly session = computed<CollabSession | null>(() => this.inputs()?.session() ?? null);
  readonly live = computed<BoardLiveContext | null>(() => this.inputs()?.live() ?? null);
  readonly store = signal<BoardStore | null>(null);

  /** Called once by the surface with its inputs. */
  bind(inputs: SurfaceInputs): void {
    this.inputs.set(inputs);
  }

  readonly items = computed<readonly BoardItem[]>(() => this.store()?.items() ?? []);
  readonly itemsById = computed<ReadonlyMap<string, BoardItem>>(() => this.store()?.itemsById() ?? new Map());
  /** Selected item ids (canvas). */
  readonly selection = signal<ReadonlySet<string>>(new Set());

  /** Whether this user may change the board now: edit rights, content loaded, session running, board not locked. */
  readonly canEdit = computed(() => {
    const session = this.session();
    return !!session && session.loaded() && session.canEdit() && !session.stopped() && !this.live()?.boardLocked;
  });
  readonly lockedFrames = computed(() => this.live()?.lockedFrames ?? NO_LOCKS);
  readonly anonymous = computed(() => !!this.board()?.anonymous || !!this.live()?.anonymous);
  /** The name new notes carry; null on anonymous boards. */
  readonly author = computed(() => (this.anonymous() ? null : (this.auth.me()?.displayName ?? null)));
  readonly selfUserId = computed(() => this.auth.me()?.id ?? null);

  /** Frame id → name, for labels. */
  readonly frameNames = computed(() => {
    const names = new Map<string, string>();
    for (const item of this.items()) if (item.type === 'frame') names.set(item.id, item.text.trim() || this.t('board.untitledFrame'));
    return names;
  });

  private previousVotes = new Map<string, VoteInfo>();
  /** Voting state of each note that can be voted on (same object while unchanged, so notes do not re-render). */
  readonly votes = computed<ReadonlyMap<string, VoteInfo>>(() => {
    const voting = this.live()?.voting ?? null;
    const next = new Map<string, VoteInfo>();
    if (voting) {
      for (const item of this.items()) {
        if (item.type !== 'note' || (voting.frameId !== null && item.frame !== voting.frameId)) continue;
        const mine = voting.myVotes.get(item.id) ?? 0;
        const info: VoteInfo = {
          mine,
          tally: voting.tallies ? (voting.tallies.get(item.id) ?? 0) : null,
          canAdd: voting.open && voting.votesLeft > 0 && (voting.perNoteLimit === null || mine < voting.perNoteLimit),
          canRemove: voting.open && mine > 0,
        };
        const previous = this.previousVotes.get(item.id);
        next.set(item.id, previous && sameVote(previous, info) ? previous : info);
      }
    }
    this.previousVotes = next;
    return next;
  });

  /** Set by the surface: its outputs. */
  emitVote: (id: string) => void = () => undefined;
  emitUnvote: (id: string) => void = () => undefined;
  emitViewport: (viewport: Viewport) => void = () => undefined;

  /** Whether this user may move, edit or delete the item now. */
  canChange(item: BoardItem): boolean {
    return this.canEdit() && !isLocked(item, this.lockedFrames());
  }

  /** Whether notes may be added to (or dropped into) the frame (null: the open canvas). */
  canAddTo(frameId: string | null): boolean {
    return this.canEdit() && (frameId === null || !this.lockedFrames().has(frameId));
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.translate(key, params);
  }

  colourName(colour: NoteColour | undefined): string {
    return this.t(`board.colours.${colour ?? 'yellow'}`);
  }

  typeName(item: BoardItem): string {
    return this.t(`board.types.${item.type}`);
  }

  /** One line describing an item for screen readers and lists. */
  itemSummary(item: BoardItem): string {
    const text = item.text.trim() || (item.type === 'frame' ? this.t('board.untitledFrame') : this.t('board.emptyNote'));
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  }

  /** Says the result of the user's own action in a polite live region. */
  announce(key: TranslationKey, params?: TranslationParams): void {
    void this.announcer.announce(this.t(key, params), 'polite');
  }

  vote(id: string, add: boolean): void {
    const voting = this.live()?.voting;
    if (add) {
      this.emitVote(id);
      if (voting) this.announce('board.announce.voted', { left: Math.max(0, voting.votesLeft - 1) });
    } else {
      this.emitUnvote(id);
      this.announce('board.announce.unvoted');
    }
  }
}
