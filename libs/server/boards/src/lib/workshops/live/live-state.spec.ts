import { AppException } from '@kehittamo/server/core';
import type { FacilitatorCommand, LiveState } from '@kehittamo/shared/domain';
import { applyFacilitatorCommand, initialLiveState, type LiveContext } from './live-state';

const now = new Date('2026-11-24T10:00:00Z');
const ctx: LiveContext = {
  now,
  boardIds: new Set(['board-1']),
  agendaIds: new Set(['agenda-1']),
  people: [
    { userId: 'u1', organisation: 'KAINUU' },
    { userId: 'u2', organisation: 'ISO' },
    { userId: 'u3', organisation: 'KAINUU' },
  ],
  newId: (() => {
    let n = 0;
    return () => `id-${++n}`;
  })(),
};

function run(state: LiveState, ...commands: FacilitatorCommand[]): LiveState {
  return commands.reduce((s, c) => applyFacilitatorCommand(s, c, ctx), state);
}

function refused(state: LiveState, command: FacilitatorCommand): string {
  try {
    applyFacilitatorCommand(state, command, ctx);
  } catch (error) {
    return (error as AppException).code;
  }
  throw new Error('not refused');
}

describe('live state machine', () => {
  const live = run(initialLiveState(), { type: 'start' });

  it('starts once and counts revisions', () => {
    expect(live).toMatchObject({ status: 'live', revision: 1 });
    expect(refused(live, { type: 'start' })).toBe('conflict');
  });

  it('runs the timer: start, pause keeps what is left, extend, resume', () => {
    const started = run(live, { type: 'timer.start', durationMs: 60_000 });
    expect(started.timer).toEqual({ durationMs: 60_000, endsAt: '2026-11-24T10:01:00.000Z', remainingMs: null });
    const paused = applyFacilitatorCommand(started, { type: 'timer.pause' }, { ...ctx, now: new Date('2026-11-24T10:00:20Z') });
    expect(paused.timer).toMatchObject({ endsAt: null, remainingMs: 40_000 });
    const extended = run(paused, { type: 'timer.extend', ms: 60_000 });
    expect(extended.timer).toMatchObject({ durationMs: 120_000, remainingMs: 100_000 });
    expect(run(extended, { type: 'timer.resume' }).timer).toMatchObject({ endsAt: '2026-11-24T10:01:40.000Z', remainingMs: null });
    expect(refused(extended, { type: 'timer.pause' })).toBe('conflict');
    expect(refused(live, { type: 'timer.start', durationMs: 0 })).toBe('validation_failed');
  });

  it('refuses most commands before the workshop is live, and ending during private writing', () => {
    expect(refused(initialLiveState(), { type: 'timer.start', durationMs: 1000 })).toBe('conflict');
    const writing = run(live, { type: 'private.start', boardId: 'board-1' });
    expect(refused(writing, { type: 'end' })).toBe('conflict');
    expect(run(writing, { type: 'private.reveal' }, { type: 'end' }).status).toBe('ended');
  });

  it('sets the activity anonymous, and private writing that reveals without names', () => {
    expect(run(live, { type: 'anonymous.set', on: true }).anonymous).toBe(true);
    expect(run(live, { type: 'private.start', boardId: 'board-1', anonymous: true }).privateWriting).toMatchObject({ anonymous: true, frameId: null });
    expect(refused(live, { type: 'anonymous.set', on: 'yes' as never })).toBe('validation_failed');
  });

  it('votes: limits checked, reveal closes, a new vote only after closing', () => {
    expect(refused(live, { type: 'voting.start', boardId: 'board-1', votesPerPerson: 3, perNoteLimit: 4 })).toBe('validation_failed');
    expect(refused(live, { type: 'voting.start', boardId: 'other', votesPerPerson: 3 })).toBe('validation_failed');
    const voting = run(live, { type: 'voting.start', boardId: 'board-1', votesPerPerson: 3, perNoteLimit: 2 });
    expect(voting.voting).toMatchObject({ open: true, revealed: false, votesPerPerson: 3, perNoteLimit: 2 });
    expect(refused(voting, { type: 'voting.start', boardId: 'board-1', votesPerPerson: 1 })).toBe('conflict');
    const revealed = run(voting, { type: 'voting.reveal' });
    expect(revealed.voting).toMatchObject({ open: false, revealed: true });
    expect(run(revealed, { type: 'voting.start', boardId: 'board-1', votesPerPerson: 1 }).voting?.revealed).toBe(false);
  });

  it('locks boards and frames, follows with a growing sequence number', () => {
    const locked = run(live, { type: 'lock.board', boardId: 'board-1', locked: true }, { type: 'lock.frame', boardId: 'board-1', frameId: 'f1', locked: true });
    expect(locked).toMatchObject({ lockedBoards: ['board-1'], lockedFrames: ['board-1:f1'] });
    expect(run(locked, { type: 'lock.board', boardId: 'board-1', locked: false }).lockedBoards).toEqual([]);
    const followed = run(live, { type: 'follow', boardId: 'board-1', viewport: { x: 1, y: 2, zoom: 1 } }, { type: 'follow', boardId: 'board-1', frameId: 'f1' });
    expect(followed.follow).toEqual({ boardId: 'board-1', frameId: 'f1', viewport: null, seq: 2 });
    expect(refused(live, { type: 'follow', boardId: 'board-1', viewport: { x: 1, y: 2, zoom: 99 } })).toBe('validation_failed');
  });

  it('splits breakouts by organisation or by hand, each person in one group', () => {
    const byOrg = run(live, { type: 'breakouts.start', byOrganisation: true, boardId: 'board-1' });
    expect(byOrg.breakouts?.map((g) => [g.name, g.userIds])).toEqual([
      ['ISO', ['u2']],
      ['KAINUU', ['u1', 'u3']],
    ]);
    expect(refused(byOrg, { type: 'breakouts.start', byOrganisation: true, boardId: 'board-1' })).toBe('conflict');
    expect(
      refused(live, { type: 'breakouts.start', groups: [{ name: 'A', userIds: ['u1'], boardId: 'board-1' }, { name: 'B', userIds: ['u1'], boardId: 'board-1' }] }),
    ).toBe('validation_failed');
    expect(refused(live, { type: 'breakouts.start', groups: [{ name: 'A', userIds: ['stranger'], boardId: 'board-1' }] })).toBe('validation_failed');
    expect(run(byOrg, { type: 'breakouts.end' }).breakouts).toBeNull();
  });
});
