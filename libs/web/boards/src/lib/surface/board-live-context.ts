import type { NoteColour, PrivateNote, Viewport } from '@kehittamo/shared/domain';

/**
 * What a live workshop adds to a board's surface (canvas and outline). The board page passes
 * null; the workshop's live page builds it from the server's live state. The surface only
 * shows it and reports the user's intents through {@link BoardSurfaceComponent}'s outputs;
 * the workshop page sends them to the server.
 */
export interface BoardLiveContext {
  /** The whole board is locked by a facilitator (the server also refuses edits then). */
  boardLocked: boolean;
  /** Ids of frames a facilitator has locked: their items cannot be added, moved or edited here. */
  lockedFrames: ReadonlySet<string>;
  /** Notes carry no author names (new notes are written without one). */
  anonymous: boolean;
  /** Dot voting on this board, or null. */
  voting: {
    open: boolean;
    /** Only notes of this frame can be voted on (null: all). */
    frameId: string | null;
    votesLeft: number;
    perNoteLimit: number | null;
    /** The user's own votes, note id → count. */
    myVotes: ReadonlyMap<string, number>;
    /** Revealed results, note id → votes; null while hidden. */
    tallies: ReadonlyMap<string, number> | null;
  } | null;
  /** Private writing on this board: the user's own unrevealed notes, shown only to them (null: not running). */
  privateWriting: { frameId: string | null; notes: readonly PrivateNote[] } | null;
  /** The facilitator's "bring everyone to me": jump when `seq` changes (null: not following). */
  follow: { frameId: string | null; viewport: Viewport | null; seq: number } | null;
  /** The frame of the user's breakout group, to jump to when breakouts start (null: none). */
  breakoutFrameId: string | null;
  /** The user chose "hide my cursor": do not share their pointer position with others. */
  hideCursor: boolean;
}

export interface PrivateNoteDraft {
  text: string;
  colour: NoteColour;
}
