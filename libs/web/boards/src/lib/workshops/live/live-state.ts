import type {
  BreakoutGroup,
  LiveMineEvent,
  LiveState,
  LiveStateEvent,
  LiveTimer,
  Workshop,
} from '@kehittamo/shared/domain';
import type { TranslationKey } from '@kehittamo/web/core';
import type { BoardLiveContext } from '../../surface/board-live-context';

/**
 * Pure parts of live mode: what the board surface is told, which board a person sees, and
 * the timer. Kept apart from the socket so they can be tested without one.
 */

export const ONE_MINUTE_MS = 60_000;

/** Server clock minus this device's clock, from an event's `serverTime` and when it arrived. */
export function clockOffsetMs(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/**
 * Time left on the timer at `serverNow` (ms since epoch on the server's clock), between zero and
 * the timer's length; null without a timer. A paused timer keeps its `remainingMs`. The clock
 * offset is measured with the event's travel time in it, so `serverNow` can lag a little: without
 * the upper bound a 5-minute timer would start at "5:01".
 */
export function timerRemainingMs(timer: LiveTimer | null, serverNow: number): number | null {
  if (!timer) return null;
  if (timer.endsAt === null) return Math.max(0, timer.remainingMs ?? 0);
  const endsAt = Date.parse(timer.endsAt);
  if (!Number.isFinite(endsAt)) return null;
  return Math.min(Math.max(0, endsAt - serverNow), Math.max(0, timer.durationMs));
}

export type TimerPhase = 'running' | 'paused' | 'ended';

export function timerPhase(timer: LiveTimer | null, remainingMs: number | null): TimerPhase | null {
  if (!timer || remainingMs === null) return null;
  if (remainingMs <= 0) return 'ended';
  return timer.endsAt === null ? 'paused' : 'running';
}

/** `12:05`, or `1:02:05` from an hour up; rounds up so "0:00" only shows at the very end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

export type TimerMilestone = 'started' | 'oneMinute' | 'ended';

/**
 * What a screen reader should hear about the timer between two readings: only its start,
 * one minute left and the end — never each second. `previousMs` null: there was no timer.
 */
export function timerMilestone(previousMs: number | null, currentMs: number | null): TimerMilestone | null {
  if (currentMs === null) return null;
  if (previousMs === null) return currentMs > 0 ? 'started' : null;
  if (previousMs > 0 && currentMs <= 0) return 'ended';
  if (previousMs > ONE_MINUTE_MS && currentMs <= ONE_MINUTE_MS && currentMs > 0) return 'oneMinute';
  return null;
}

/** The breakout group `userId` is in, or null. */
export function myBreakoutGroup(state: LiveState | null, userId: string | null): BreakoutGroup | null {
  if (!state?.breakouts || !userId) return null;
  return state.breakouts.find((group) => group.userIds.includes(userId)) ?? null;
}

/**
 * The board a person sees in live mode, most specific first: their own choice (a facilitator
 * visiting a group), their breakout group's board, the facilitator's "bring everyone to me",
 * the current agenda item's board, and otherwise the workshop's main board. Only boards of
 * the workshop count.
 */
export function activeBoardId(
  workshop: Pick<Workshop, 'boards' | 'agenda' | 'mainBoardId'>,
  state: LiveState | null,
  userId: string | null,
  chosenBoardId: string | null = null,
): string {
  const known = (id: string | null | undefined): id is string => !!id && workshop.boards.some((board) => board.id === id);
  const agendaBoard = workshop.agenda.find((item) => item.id === state?.agendaItemId)?.boardId;
  const candidates = [chosenBoardId, myBreakoutGroup(state, userId)?.boardId, state?.follow?.boardId, agendaBoard];
  return candidates.find(known) ?? workshop.mainBoardId;
}

export interface LiveContextInput {
  event: LiveStateEvent | null;
  mine: LiveMineEvent | null;
  boardId: string;
  anonymous: boolean;
  userId: string | null;
  hideCursor: boolean;
}

/** What the board surface needs to know about the live workshop for one board. */
export function buildBoardLiveContext({ event, mine, boardId, anonymous, userId, hideCursor }: LiveContextInput): BoardLiveContext {
  const state = event?.state ?? null;
  const framePrefix = `${boardId}:`;
  const lockedFrames = new Set(
    (state?.lockedFrames ?? []).filter((key) => key.startsWith(framePrefix)).map((key) => key.slice(framePrefix.length)),
  );
  const voting = state?.voting && state.voting.boardId === boardId ? state.voting : null;
  const writing = state?.privateWriting && state.privateWriting.boardId === boardId ? state.privateWriting : null;
  const follow = state?.follow && state.follow.boardId === boardId ? state.follow : null;
  const group = myBreakoutGroup(state, userId);

  return {
    boardLocked: !!state?.lockedBoards.includes(boardId),
    lockedFrames,
    // The board's own setting, or the facilitator's anonymous mode for the current activity.
    anonymous: anonymous || !!state?.anonymous,
    voting: voting
      ? {
          open: voting.open,
          frameId: voting.frameId,
          votesLeft: mine?.votesLeft ?? 0,
          perNoteLimit: voting.perNoteLimit,
          myVotes: countVotes(mine?.votes ?? []),
          tallies:
            voting.revealed && event?.tallies ? new Map(event.tallies.map((tally) => [tally.itemId, tally.votes])) : null,
        }
      : null,
    privateWriting: writing ? { frameId: writing.frameId, notes: mine?.privateNotes ?? [] } : null,
    follow: follow ? { frameId: follow.frameId, viewport: follow.viewport, seq: follow.seq } : null,
    breakoutFrameId: group && group.boardId === boardId ? group.frameId : null,
    hideCursor,
  };
}

/** One entry per vote (a note voted twice appears twice) → note id → count. */
export function countVotes(votes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const itemId of votes) counts.set(itemId, (counts.get(itemId) ?? 0) + 1);
  return counts;
}

/** One sentence about a change in live mode, as a translation key (and its values). */
export interface LiveChange {
  key: TranslationKey;
  params?: Record<string, string | number>;
}

/**
 * What changed between two states that a screen-reader user should hear (politely): the
 * workshop starting or ending, the agenda moving on, voting, private writing, breakouts,
 * being brought to the facilitator and locks on the board they see. Nothing on the first state.
 */
export function liveChanges(
  previous: LiveState | null,
  next: LiveState,
  context: { userId: string | null; boardId: string; agenda: readonly { id: string; title: string }[] },
): LiveChange[] {
  if (!previous) return [];
  const changes: LiveChange[] = [];
  if (previous.status !== next.status && next.status !== 'planned') {
    changes.push({ key: next.status === 'live' ? 'workshopLive.announceStarted' : 'workshopLive.announceEnded' });
  }
  if (previous.agendaItemId !== next.agendaItemId) {
    const item = context.agenda.find((entry) => entry.id === next.agendaItemId);
    if (item) changes.push({ key: 'workshopLive.announceAgenda', params: { title: item.title } });
  }
  if (!previous.voting && next.voting) {
    changes.push({ key: 'workshopLive.announceVotingStarted', params: { votes: next.voting.votesPerPerson } });
  } else if (previous.voting?.open && next.voting && !next.voting.open) {
    changes.push({ key: 'workshopLive.announceVotingClosed' });
  }
  if (!previous.voting?.revealed && next.voting?.revealed) changes.push({ key: 'workshopLive.announceVotingRevealed' });
  if (!previous.privateWriting && next.privateWriting) changes.push({ key: 'workshopLive.announcePrivateStarted' });
  if (previous.privateWriting && !next.privateWriting) changes.push({ key: 'workshopLive.announcePrivateRevealed' });
  const group = myBreakoutGroup(next, context.userId);
  if (!previous.breakouts && next.breakouts) {
    changes.push(
      group
        ? { key: 'workshopLive.announceBreakoutGroup', params: { name: group.name } }
        : { key: 'workshopLive.announceBreakoutsStarted' },
    );
  } else if (previous.breakouts && !next.breakouts) {
    changes.push({ key: 'workshopLive.announceBreakoutsEnded' });
  }
  if (previous.anonymous !== next.anonymous) {
    changes.push({ key: next.anonymous ? 'workshopLive.announceAnonymousOn' : 'workshopLive.announceAnonymousOff' });
  }
  if (next.follow && next.follow.seq !== previous.follow?.seq) changes.push({ key: 'workshopLive.announceFollow' });
  const wasLocked = previous.lockedBoards.includes(context.boardId);
  const isLocked = next.lockedBoards.includes(context.boardId);
  if (wasLocked !== isLocked) changes.push({ key: isLocked ? 'workshopLive.announceLocked' : 'workshopLive.announceUnlocked' });
  return changes;
}
