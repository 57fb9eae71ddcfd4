import type { LiveMineEvent, LiveState, LiveStateEvent, LiveTimer, Workshop } from '@kehittamo/shared/domain';
import {
  activeBoardId,
  buildBoardLiveContext,
  clockOffsetMs,
  formatRemaining,
  liveChanges,
  timerMilestone,
  timerPhase,
  timerRemainingMs,
} from './live-state';

const baseState = (patch: Partial<LiveState> = {}): LiveState => ({
  status: 'live',
  agendaItemId: null,
  timer: null,
  follow: null,
  lockedBoards: [],
  lockedFrames: [],
  privateWriting: null,
  voting: null,
  breakouts: null,
  anonymous: false,
  revision: 1,
  ...patch,
});

const event = (state: LiveState, patch: Partial<LiveStateEvent> = {}): LiveStateEvent => ({
  workshopId: 'w1',
  state,
  tallies: null,
  votesCast: 0,
  presence: [],
  serverTime: '2026-03-12T10:00:00.000Z',
  ...patch,
});

const mine: LiveMineEvent = {
  workshopId: 'w1',
  votes: ['n1', 'n2', 'n1'],
  votesLeft: 2,
  privateNotes: [{ id: 'p1', text: 'oma', colour: 'yellow', createdAt: '2026-03-12T10:00:00.000Z' }],
  pauseRequested: false,
};

const workshop: Pick<Workshop, 'boards' | 'agenda' | 'mainBoardId'> = {
  mainBoardId: 'main',
  boards: [
    { id: 'main', title: 'Työpaja', doc: 'board.main', anonymous: false },
    { id: 'other', title: 'Toinen', doc: 'board.other', anonymous: true },
  ],
  agenda: [
    { id: 'a1', title: 'Aloitus', minutes: 10, boardId: null, frameId: null },
    { id: 'a2', title: 'Ideointi', minutes: 30, boardId: 'other', frameId: 'f1' },
  ],
};

describe('live mode state → board surface', () => {
  it('gives the surface only what concerns the board it shows', () => {
    const state = baseState({
      lockedBoards: ['main'],
      lockedFrames: ['main:f1', 'other:f2'],
      voting: { id: 'v1', boardId: 'main', frameId: 'f1', votesPerPerson: 5, perNoteLimit: 2, open: true, revealed: false },
      privateWriting: { boardId: 'other', frameId: null, anonymous: true, startedAt: '2026-03-12T10:00:00.000Z' },
      follow: { boardId: 'main', frameId: null, viewport: { x: 10, y: 20, zoom: 1 }, seq: 4 },
    });
    const context = buildBoardLiveContext({ event: event(state), mine, boardId: 'main', anonymous: false, userId: 'u1', hideCursor: true });

    expect(context.boardLocked).toBe(true);
    expect([...context.lockedFrames]).toEqual(['f1']);
    expect(context.voting).toMatchObject({ open: true, frameId: 'f1', votesLeft: 2, perNoteLimit: 2, tallies: null });
    expect(context.voting?.myVotes.get('n1')).toBe(2);
    expect(context.privateWriting).toBeNull(); // runs on the other board
    expect(context.follow).toEqual({ frameId: null, viewport: { x: 10, y: 20, zoom: 1 }, seq: 4 });
    expect(context.hideCursor).toBe(true);

    const other = buildBoardLiveContext({ event: event(state), mine, boardId: 'other', anonymous: true, userId: 'u1', hideCursor: false });
    expect(other.boardLocked).toBe(false);
    expect([...other.lockedFrames]).toEqual(['f2']);
    expect(other.voting).toBeNull();
    expect(other.privateWriting?.notes.map((note) => note.id)).toEqual(['p1']);
    expect(other.anonymous).toBe(true);
  });

  it('writes without author names while the facilitator’s anonymous mode is on', () => {
    const context = buildBoardLiveContext({
      event: event(baseState({ anonymous: true })),
      mine: null,
      boardId: 'main',
      anonymous: false,
      userId: 'u1',
      hideCursor: false,
    });
    expect(context.anonymous).toBe(true);
  });

  it('shows tallies only once the facilitator has revealed them', () => {
    const voting = { id: 'v1', boardId: 'main', frameId: null, votesPerPerson: 3, perNoteLimit: null, open: false, revealed: false };
    const tallies = [{ itemId: 'n1', votes: 4 }];
    const hidden = buildBoardLiveContext({
      event: event(baseState({ voting }), { tallies }),
      mine: null,
      boardId: 'main',
      anonymous: false,
      userId: 'u1',
      hideCursor: false,
    });
    expect(hidden.voting?.tallies).toBeNull();
    const shown = buildBoardLiveContext({
      event: event(baseState({ voting: { ...voting, revealed: true } }), { tallies }),
      mine: null,
      boardId: 'main',
      anonymous: false,
      userId: 'u1',
      hideCursor: false,
    });
    expect(shown.voting?.tallies?.get('n1')).toBe(4);
  });

  it('moves a breakout group member to their frame, and nobody else', () => {
    const state = baseState({ breakouts: [{ id: 'g1', name: 'Kainuu', userIds: ['u1'], boardId: 'main', frameId: 'f9' }] });
    const member = buildBoardLiveContext({ event: event(state), mine: null, boardId: 'main', anonymous: false, userId: 'u1', hideCursor: false });
    const outsider = buildBoardLiveContext({ event: event(state), mine: null, boardId: 'main', anonymous: false, userId: 'u2', hideCursor: false });
    expect(member.breakoutFrameId).toBe('f9');
    expect(outsider.breakoutFrameId).toBeNull();
  });

  it('picks the board: own choice, breakout group, follow, agenda item, main board', () => {
    expect(activeBoardId(workshop, null, 'u1')).toBe('main');
    expect(activeBoardId(workshop, baseState({ agendaItemId: 'a2' }), 'u1')).toBe('other');
    const follow = { boardId: 'main', frameId: null, viewport: null, seq: 1 };
    expect(activeBoardId(workshop, baseState({ agendaItemId: 'a2', follow }), 'u1')).toBe('main');
    const breakouts = [{ id: 'g1', name: 'A', userIds: ['u1'], boardId: 'other', frameId: null }];
    expect(activeBoardId(workshop, baseState({ follow, breakouts }), 'u1')).toBe('other');
    expect(activeBoardId(workshop, baseState({ follow, breakouts }), 'u1', 'main')).toBe('main');
    // A board that is not the workshop's is ignored.
    expect(activeBoardId(workshop, baseState(), 'u1', 'elsewhere')).toBe('main');
  });
});

describe('timer', () => {
  const endsAt = '2026-03-12T10:05:00.000Z';
  const running: LiveTimer = { durationMs: 300_000, endsAt, remainingMs: null };

  it('counts down on the server clock and stops at zero', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(timerRemainingMs(running, at('2026-03-12T10:00:00.000Z'))).toBe(300_000);
    expect(timerRemainingMs(running, at('2026-03-12T10:04:30.000Z'))).toBe(30_000);
    expect(timerRemainingMs(running, at('2026-03-12T10:06:00.000Z'))).toBe(0);
    expect(timerRemainingMs({ durationMs: 300_000, endsAt: null, remainingMs: 42_000 }, at('2026-03-12T11:00:00.000Z'))).toBe(42_000);
    expect(timerRemainingMs(null, 0)).toBeNull();
  });

  it('never shows more than the timer’s length, though the display’s clock reading may be a tick old', () => {
    // The timer started at 10:00:00.000; the screen's last clock tick was 200 ms before the state arrived.
    const offset = clockOffsetMs('2026-03-12T10:00:00.000Z', Date.parse('2026-03-12T10:00:00.000Z'));
    const remaining = timerRemainingMs(running, Date.parse('2026-03-12T09:59:59.800Z') + offset);
    expect(remaining).toBe(300_000);
    expect(formatRemaining(remaining ?? 0)).toBe('5:00');
  });

  it('corrects for a device clock that is off', () => {
    // The device thinks it is 09:58 when the server says 10:00: two minutes behind.
    const offset = clockOffsetMs('2026-03-12T10:00:00.000Z', Date.parse('2026-03-12T09:58:00.000Z'));
    expect(offset).toBe(120_000);
    expect(timerRemainingMs(running, Date.parse('2026-03-12T09:58:00.000Z') + offset)).toBe(300_000);
  });

  it('names its phase and formats the time left', () => {
    expect(timerPhase(running, 1000)).toBe('running');
    expect(timerPhase({ ...running, endsAt: null, remainingMs: 1000 }, 1000)).toBe('paused');
    expect(timerPhase(running, 0)).toBe('ended');
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(64_001)).toBe('1:05');
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
    expect(formatRemaining(0)).toBe('0:00');
  });

  it('announces only the start, one minute left and the end', () => {
    expect(timerMilestone(null, 300_000)).toBe('started');
    expect(timerMilestone(300_000, 299_000)).toBeNull();
    expect(timerMilestone(61_000, 60_000)).toBe('oneMinute');
    expect(timerMilestone(60_000, 59_000)).toBeNull();
    expect(timerMilestone(500, 0)).toBe('ended');
    expect(timerMilestone(0, 0)).toBeNull();
    // Joining when the time is already up is not "the end" happening now.
    expect(timerMilestone(null, 0)).toBeNull();
    expect(timerMilestone(1000, null)).toBeNull();
  });
});

describe('changes worth announcing', () => {
  const context = { userId: 'u1', boardId: 'main', agenda: workshop.agenda };

  it('says nothing about the first state a late joiner receives', () => {
    expect(liveChanges(null, baseState({ voting: null }), context)).toEqual([]);
  });

  it('announces the agenda moving on, voting and the user’s breakout group', () => {
    const before = baseState();
    const after = baseState({
      agendaItemId: 'a2',
      voting: { id: 'v', boardId: 'main', frameId: null, votesPerPerson: 3, perNoteLimit: null, open: true, revealed: false },
      breakouts: [{ id: 'g', name: 'Ryhmä 1', userIds: ['u1'], boardId: 'main', frameId: null }],
      lockedBoards: ['main'],
    });
    expect(liveChanges(before, after, context).map((change) => change.key)).toEqual([
      'workshopLive.announceAgenda',
      'workshopLive.announceVotingStarted',
      'workshopLive.announceBreakoutGroup',
      'workshopLive.announceLocked',
    ]);
  });
});
