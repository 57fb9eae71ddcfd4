import { AppException } from '@kehittamo/server/core';
import {
  WORKSHOP_LIMITS,
  type BreakoutGroup,
  type FacilitatorCommand,
  type FieldError,
  type LiveState,
  type Viewport,
} from '@kehittamo/shared/domain';

/**
 * The facilitator's side of live mode as a pure state machine: the service loads the state
 * under a row lock, applies one command here, carries out the side effects (board locks,
 * revealing private notes) and stores the result. Everything a command could get wrong is
 * refused here with a 4xx, so a bad command changes nothing.
 */

export interface LiveContext {
  now: Date;
  /** Boards of the workshop (its own and those its agenda links to). */
  boardIds: ReadonlySet<string>;
  agendaIds: ReadonlySet<string>;
  /** Invited people (facilitators and participants), for breakout groups. */
  people: readonly { userId: string; organisation: string | null }[];
  newId: () => string;
}

export const initialLiveState = (): LiveState => ({
  status: 'planned',
  agendaItemId: null,
  timer: null,
  follow: null,
  lockedBoards: [],
  lockedFrames: [],
  privateWriting: null,
  voting: null,
  breakouts: null,
  anonymous: false,
  revision: 0,
});

/** A state missing fields (stored by an older version) gets them from the initial state. */
export const normaliseLiveState = (stored: Partial<LiveState> | null | undefined): LiveState => ({ ...initialLiveState(), ...(stored ?? {}) });

const conflict = (message: string) => new AppException('conflict', message);
const invalid = (field: string, problem: string) => AppException.validation([{ field, problems: [problem] } satisfies FieldError]);

function requireLive(state: LiveState): void {
  if (state.status !== 'live') throw conflict('The workshop is not live: start it first');
}

function requireBoard(ctx: LiveContext, boardId: unknown, field = 'boardId'): string {
  if (typeof boardId !== 'string' || !ctx.boardIds.has(boardId)) throw invalid(field, 'must be one of the workshop\'s boards');
  return boardId;
}

function optionalFrame(frameId: unknown, field = 'frameId'): string | null {
  if (frameId === undefined || frameId === null) return null;
  if (typeof frameId !== 'string' || frameId.length === 0 || frameId.length > 100) throw invalid(field, 'must be a frame id');
  return frameId;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function viewport(value: unknown): Viewport | null {
  if (value === undefined || value === null) return null;
  const { x, y, zoom } = value as Partial<Record<keyof Viewport, unknown>>;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 1_000_000;
  if (!finite(x) || !finite(y) || !finite(zoom) || zoom < 0.1 || zoom > 4) {
    throw invalid('viewport', 'must be { x, y, zoom } with zoom from 0.1 to 4');
  }
  return { x, y, zoom };
}

const remainingOf = (timer: NonNullable<LiveState['timer']>, now: Date): number =>
  timer.endsAt ? Math.max(0, Date.parse(timer.endsAt) - now.getTime()) : (timer.remainingMs ?? 0);

function breakoutGroups(command: Extract<FacilitatorCommand, { type: 'breakouts.start' }>, ctx: LiveContext): BreakoutGroup[] {
  if ('byOrganisation' in command) {
    const boardId = requireBoard(ctx, command.boardId);
    const byOrganisation = new Map<string, string[]>();
    for (const person of ctx.people) {
      const key = person.organisation ?? '—';
      byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), person.userId]);
    }
    if (byOrganisation.size === 0) throw conflict('Nobody is invited: there is no one to split into groups');
    return [...byOrganisation.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'fi'))
      .map(([name, userIds]) => ({ id: ctx.newId(), name, userIds, boardId, frameId: null }));
  }
  const groups = command.groups;
  if (!Array.isArray(groups) || groups.length === 0 || groups.length > WORKSHOP_LIMITS.breakoutGroups) {
    throw invalid('groups', `must list 1 to ${WORKSHOP_LIMITS.breakoutGroups} groups`);
  }
  const invited = new Set(ctx.people.map((p) => p.userId));
  const placed = new Set<string>();
  return groups.map((group, i) => {
    const name = typeof group?.name === 'string' ? group.name.trim() : '';
    if (name.length === 0 || name.length > 100) throw invalid(`groups.${i}.name`, 'must be 1 to 100 characters');
    if (!Array.isArray(group.userIds)) throw invalid(`groups.${i}.userIds`, 'must be a list of invited people');
    for (const userId of group.userIds) {
      if (!invited.has(userId)) throw invalid(`groups.${i}.userIds`, 'must name only people invited to the workshop');
      if (placed.has(userId)) throw invalid(`groups.${i}.userIds`, 'a person can be in one group only');
      placed.add(userId);
    }
    return {
      id: ctx.newId(),
      name,
      userIds: [...group.userIds],
      boardId: requireBoard(ctx, group.boardId, `groups.${i}.boardId`),
      frameId: optionalFrame(group.frameId, `groups.${i}.frameId`),
    };
  });
}

/** The state after a facilitator's command; throws a 400/409 AppException for one that does not apply. */
export function applyFacilitatorCommand(state: LiveState, command: FacilitatorCommand, ctx: LiveContext): LiveState {
  const next = { ...state, revision: state.revision + 1 };
  const now = ctx.now;
  switch (command.type) {
    case 'start':
      if (state.status === 'live') throw conflict('The workshop is already live');
      return { ...next, status: 'live' };
    case 'end': {
      requireLive(state);
      if (state.privateWriting) throw conflict('Private writing is still on: reveal the notes before ending, so nobody\'s notes are lost');
      const timer = state.timer ? { ...state.timer, endsAt: null, remainingMs: remainingOf(state.timer, now) } : null;
      const voting = state.voting ? { ...state.voting, open: false } : null;
      return { ...next, status: 'ended', timer, voting, follow: null, breakouts: null };
    }
    case 'agenda.set':
      if (command.itemId !== null && !ctx.agendaIds.has(command.itemId)) throw invalid('itemId', 'must be an item of the agenda, or null');
      return { ...next, agendaItemId: command.itemId };
    case 'timer.start': {
      requireLive(state);
      const durationMs = wholeNumber(command.durationMs, 'durationMs', 1000, WORKSHOP_LIMITS.timerMaxMs);
      return { ...next, timer: { durationMs, endsAt: new Date(now.getTime() + durationMs).toISOString(), remainingMs: null } };
    }
    case 'timer.pause':
      if (!state.timer?.endsAt) throw conflict('The timer is not running');
      return { ...next, timer: { ...state.timer, endsAt: null, remainingMs: remainingOf(state.timer, now) } };
    case 'timer.resume': {
      requireLive(state);
      if (!state.timer || state.timer.endsAt) throw conflict('The timer is not paused');
      const remaining = state.timer.remainingMs ?? 0;
      if (remaining <= 0) throw conflict('The timer has run out: extend or start it again');
      return { ...next, timer: { ...state.timer, endsAt: new Date(now.getTime() + remaining).toISOString(), remainingMs: null } };
    }
    case 'timer.extend': {
      requireLive(state);
      if (!state.timer) throw conflict('There is no timer to extend');
      const ms = wholeNumber(command.ms, 'ms', 1000, 60 * 60 * 1000);
      const remaining = Math.min(remainingOf(state.timer, now) + ms, WORKSHOP_LIMITS.timerMaxMs);
      const durationMs = Math.min(state.timer.durationMs + ms, WORKSHOP_LIMITS.timerMaxMs);
      return state.timer.endsAt
        ? { ...next, timer: { durationMs, endsAt: new Date(now.getTime() + remaining).toISOString(), remainingMs: null } }
        : { ...next, timer: { durationMs, endsAt: null, remainingMs: remaining } };
    }
    case 'timer.clear':
      return { ...next, timer: null };
    case 'follow': {
      requireLive(state);
      const boardId = requireBoard(ctx, command.boardId);
      const frameId = optionalFrame(command.frameId);
      return { ...next, follow: { boardId, frameId, viewport: viewport(command.viewport), seq: (state.follow?.seq ?? 0) + 1 } };
    }
    case 'follow.stop':
      return { ...next, follow: null };
    case 'lock.board': {
      const boardId = requireBoard(ctx, command.boardId);
      const others = state.lockedBoards.filter((id) => id !== boardId);
      return { ...next, lockedBoards: command.locked ? [...others, boardId] : others };
    }
    case 'lock.frame': {
      const boardId = requireBoard(ctx, command.boardId);
      const frameId = optionalFrame(command.frameId);
      if (!frameId) throw invalid('frameId', 'must be a frame id');
      const key = `${boardId}:${frameId}`;
      const others = state.lockedFrames.filter((k) => k !== key);
      return { ...next, lockedFrames: command.locked ? [...others, key] : others };
    }
    case 'private.start':
      requireLive(state);
      if (state.privateWriting) throw conflict('Private writing is already on');
      return {
        ...next,
        privateWriting: {
          boardId: requireBoard(ctx, command.boardId),
          frameId: optionalFrame(command.frameId),
          anonymous: command.anonymous === true,
          startedAt: now.toISOString(),
        },
      };
    case 'anonymous.set':
      if (typeof command.on !== 'boolean') throw invalid('on', 'must be true or false');
      return { ...next, anonymous: command.on };
    case 'private.reveal':
      if (!state.privateWriting) throw conflict('Private writing is not on');
      return { ...next, privateWriting: null };
    case 'voting.start': {
      requireLive(state);
      if (state.voting?.open) throw conflict('A vote is already open: close it first');
      const votesPerPerson = wholeNumber(command.votesPerPerson, 'votesPerPerson', 1, WORKSHOP_LIMITS.votesPerPersonMax);
      const perNoteLimit =
        command.perNoteLimit === undefined || command.perNoteLimit === null
          ? null
          : wholeNumber(command.perNoteLimit, 'perNoteLimit', 1, votesPerPerson);
      return {
        ...next,
        voting: {
          id: ctx.newId(),
          boardId: requireBoard(ctx, command.boardId),
          frameId: optionalFrame(command.frameId),
          votesPerPerson,
          perNoteLimit,
          open: true,
          revealed: false,
        },
      };
    }
    case 'voting.close':
      if (!state.voting?.open) throw conflict('No vote is open');
      return { ...next, voting: { ...state.voting, open: false } };
    case 'voting.reveal':
      if (!state.voting) throw conflict('There is no vote to reveal');
      if (state.voting.revealed) throw conflict('The results are already revealed');
      return { ...next, voting: { ...state.voting, open: false, revealed: true } };
    case 'voting.clear':
      if (!state.voting) throw conflict('There is no vote to clear');
      return { ...next, voting: null };
    case 'breakouts.start':
      requireLive(state);
      if (state.breakouts) throw conflict('Breakouts are already on: recall everyone first');
      return { ...next, breakouts: breakoutGroups(command, ctx) };
    case 'breakouts.end':
      if (!state.breakouts) throw conflict('Breakouts are not on');
      return { ...next, breakouts: null };
    default:
      throw invalid('command.type', 'is not a known command');
  }
}
