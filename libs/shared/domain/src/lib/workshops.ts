import type { ApiError } from './errors';
import type { IsoDateTime } from './contracts';
import type { NoteColour } from './boards';
import type { ModelSectionKey } from './model-descriptions';

/**
 * Workshops (työpajat): a facilitated session on shared boards. REST under `/api/workshops`;
 * live mode over Socket.IO (events below), its state kept by the server so late joiners and
 * reloads see the same thing.
 */

export const WORKSHOP_LIMITS = {
  titleMax: 200,
  descriptionMax: 4000,
  locationMax: 200,
  agendaItems: 50,
  agendaTitleMax: 200,
  agendaMinutesMax: 600,
  people: 300,
  models: 20,
  votesPerPersonMax: 20,
  privateNoteText: 1000,
  privateNotesPerPerson: 50,
  breakoutGroups: 20,
  /** Timer: at most 4 h; extend by at most 1 h at a time. */
  timerMaxMs: 4 * 60 * 60 * 1000,
  /** Session feedback is shown to facilitators only from this many responses (nobody can be picked out). */
  feedbackMinResponses: 3,
  sendToModelItems: 50,
} as const;

/** Someone on a workshop's lists. Never their role in their organisation: that could tell who is an experience expert. */
export interface WorkshopPerson {
  userId: string;
  displayName: string;
  /** Short name of their organisation (ISO, ESHVA…), null if none. */
  organisation: string | null;
}

export interface AgendaItem {
  id: string;
  title: string;
  minutes: number;
  /** The board (and optionally its frame) this item works on. */
  boardId: string | null;
  frameId: string | null;
}

export type AgendaItemInput = Omit<AgendaItem, 'id'> & { id?: string };

export type WorkshopRole = 'facilitator' | 'participant' | 'observer';

export interface Workshop {
  id: string;
  spaceId: string;
  title: string;
  description: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  location: string;
  facilitators: WorkshopPerson[];
  participants: WorkshopPerson[];
  agenda: AgendaItem[];
  /** The workshop's own board (created with it) plus any board its agenda links to. */
  boards: { id: string; title: string; doc: string; anonymous: boolean }[];
  mainBoardId: string;
  models: { id: string; name: string }[];
  status: LiveStatus;
  /** The caller's part: facilitators run live mode; participants take part; others with space access only look. */
  myRole: WorkshopRole;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface WorkshopListItem {
  id: string;
  spaceId: string;
  title: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  status: LiveStatus;
  facilitators: string[];
  participantCount: number;
  myRole: WorkshopRole;
}

export interface CreateWorkshopRequest {
  spaceId: string;
  title: string;
  description?: string;
  startsAt: IsoDateTime;
  endsAt: IsoDateTime;
  location?: string;
  /** The creator is always a facilitator. */
  facilitatorIds?: string[];
  participantIds?: string[];
  agenda?: AgendaItemInput[];
  modelIds?: string[];
  /** Template of the workshop's own board (default `empty`). */
  templateId?: string;
  anonymous?: boolean;
}

export type UpdateWorkshopRequest = Partial<Omit<CreateWorkshopRequest, 'spaceId' | 'templateId' | 'anonymous'>>;

// ---------- live mode ----------

export type LiveStatus = 'planned' | 'live' | 'ended';

export interface Viewport {
  /** Canvas point at the top-left of the view, and zoom (1 = 100 %). */
  x: number;
  y: number;
  zoom: number;
}

/** Running: `endsAt` set, `remainingMs` null. Paused: `endsAt` null, `remainingMs` left. */
export interface LiveTimer {
  durationMs: number;
  endsAt: IsoDateTime | null;
  remainingMs: number | null;
}

export interface LiveFollow {
  boardId: string;
  frameId: string | null;
  viewport: Viewport | null;
  /** Grows with each "bring everyone to me", so clients jump again to the same place. */
  seq: number;
}

export interface LivePrivateWriting {
  boardId: string;
  frameId: string | null;
  /** The notes go onto the board without author names even when the board shows them. */
  anonymous: boolean;
  startedAt: IsoDateTime;
}

export interface LiveVoting {
  id: string;
  boardId: string;
  /** Only notes in this frame can be voted on (null: the whole board). */
  frameId: string | null;
  votesPerPerson: number;
  /** At most this many of one person's votes on one note (null: no limit). */
  perNoteLimit: number | null;
  /** Open: votes accepted. Closed and not revealed: tallies still hidden. */
  open: boolean;
  revealed: boolean;
}

export interface BreakoutGroup {
  id: string;
  name: string;
  userIds: string[];
  boardId: string;
  frameId: string | null;
}

/** What everyone in the workshop sees; the server's copy is the truth. */
export interface LiveState {
  status: LiveStatus;
  agendaItemId: string | null;
  timer: LiveTimer | null;
  follow: LiveFollow | null;
  lockedBoards: string[];
  /** `boardId:frameId` of locked frames. */
  lockedFrames: string[];
  privateWriting: LivePrivateWriting | null;
  voting: LiveVoting | null;
  breakouts: BreakoutGroup[] | null;
  /** The facilitator's anonymous mode for the current activity: new notes carry no author name. */
  anonymous: boolean;
  /** Grows with every change. */
  revision: number;
}

export interface PresenceEntry {
  userId: string;
  displayName: string;
  organisation: string | null;
  facilitator: boolean;
  handRaised: boolean;
}

export interface VoteTally {
  itemId: string;
  votes: number;
}

/** Event `workshop:state`, to everyone in the workshop. */
export interface LiveStateEvent {
  workshopId: string;
  state: LiveState;
  /** Ranked, most votes first; only once the facilitator has revealed the results. */
  tallies: VoteTally[] | null;
  /** Votes cast so far by everyone (progress without results). */
  votesCast: number;
  presence: PresenceEntry[];
  /** Server clock, for timers on devices whose clock is off. */
  serverTime: IsoDateTime;
}

export interface PrivateNote {
  id: string;
  text: string;
  colour: NoteColour;
  createdAt: IsoDateTime;
}

/** Event `workshop:mine`, to one user: only their own votes and private notes. */
export interface LiveMineEvent {
  workshopId: string;
  votes: string[];
  votesLeft: number;
  privateNotes: PrivateNote[];
  /** This user has asked for a pause (only they and the facilitators know). */
  pauseRequested: boolean;
}

/** Event `workshop:facilitator`, to facilitators only. */
export interface LiveFacilitatorEvent {
  workshopId: string;
  /** People who signalled "I need a pause", oldest first. */
  pauseRequests: { userId: string; displayName: string; since: IsoDateTime }[];
  privateNoteCount: number;
}

export const QUICK_REACTIONS = ['thumbsUp', 'heart', 'clap', 'laugh', 'question'] as const;
export type QuickReaction = (typeof QUICK_REACTIONS)[number];

/** Event `workshop:reaction`, to everyone: anonymous. */
export interface LiveReactionEvent {
  workshopId: string;
  reaction: QuickReaction;
}

/** Commands only facilitators may send. */
export type FacilitatorCommand =
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'agenda.set'; itemId: string | null }
  | { type: 'timer.start'; durationMs: number }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.extend'; ms: number }
  | { type: 'timer.clear' }
  | { type: 'follow'; boardId: string; frameId?: string | null; viewport?: Viewport | null }
  | { type: 'follow.stop' }
  | { type: 'lock.board'; boardId: string; locked: boolean }
  | { type: 'lock.frame'; boardId: string; frameId: string; locked: boolean }
  | { type: 'private.start'; boardId: string; frameId?: string | null; anonymous?: boolean }
  | { type: 'anonymous.set'; on: boolean }
  | { type: 'private.reveal' }
  | { type: 'voting.start'; boardId: string; frameId?: string | null; votesPerPerson: number; perNoteLimit?: number | null }
  | { type: 'voting.close' }
  | { type: 'voting.reveal' }
  | { type: 'voting.clear' }
  | { type: 'breakouts.start'; byOrganisation: true; boardId: string }
  | { type: 'breakouts.start'; groups: { name: string; userIds: string[]; boardId: string; frameId?: string | null }[] }
  | { type: 'breakouts.end' };

/** Commands any participant (facilitators too) may send. */
export type ParticipantCommand =
  | { type: 'vote'; itemId: string }
  | { type: 'unvote'; itemId: string }
  | { type: 'hand'; raised: boolean }
  | { type: 'react'; reaction: QuickReaction }
  | { type: 'pause'; on: boolean }
  | { type: 'private.add'; text: string; colour: NoteColour }
  | { type: 'private.edit'; id: string; text: string; colour?: NoteColour }
  | { type: 'private.delete'; id: string };

export type LiveCommand = FacilitatorCommand | ParticipantCommand;

export const FACILITATOR_COMMANDS: readonly FacilitatorCommand['type'][] = [
  'start',
  'end',
  'agenda.set',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.extend',
  'timer.clear',
  'follow',
  'follow.stop',
  'lock.board',
  'lock.frame',
  'private.start',
  'private.reveal',
  'anonymous.set',
  'voting.start',
  'voting.close',
  'voting.reveal',
  'voting.clear',
  'breakouts.start',
  'breakouts.end',
];

/** Socket.IO event names. Client → server ones answer through the acknowledgement callback with a {@link LiveAck}. */
export const WORKSHOP_EVENTS = {
  /** client → server `{ workshopId }`: join live mode (and the attendance record). */
  join: 'workshop:join',
  /** client → server `{ workshopId }`. */
  leave: 'workshop:leave',
  /** client → server `{ workshopId, command: LiveCommand }`. */
  command: 'workshop:command',
  state: 'workshop:state',
  mine: 'workshop:mine',
  facilitator: 'workshop:facilitator',
  reaction: 'workshop:reaction',
} as const;

export type LiveAck = { ok: true } | { ok: false; error: ApiError };

// ---------- after the workshop ----------

export interface AttendanceRecord {
  userId: string;
  displayName: string;
  organisation: string | null;
  /** Their role in their organisation (for fee reporting); only facilitators and coordinators see this list. */
  role: string | null;
  facilitator: boolean;
  firstJoinedAt: IsoDateTime;
  lastLeftAt: IsoDateTime | null;
  minutes: number;
  sessions: { joinedAt: IsoDateTime; leftAt: IsoDateTime | null }[];
}

export const FEEDBACK_QUESTIONS = ['heard', 'mattered', 'suited', 'overall'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** 0–10 for each question. */
export type WorkshopFeedbackRequest = Record<FeedbackQuestion, number>;

export interface FeedbackAverages {
  responses: number;
  /** Null while there are fewer than {@link WORKSHOP_LIMITS.feedbackMinResponses} responses. */
  averages: Record<FeedbackQuestion, number> | null;
}

export interface WorkshopFeedbackSummary extends FeedbackAverages {
  /** Whether the caller has already answered. */
  answered: boolean;
}

/** `GET /api/workshops/feedback?organisationId=`: per month, for one organisation's respondents. */
export interface FeedbackTrend {
  organisationId: string;
  months: ({ month: string } & FeedbackAverages)[];
}

export interface WorkshopSummaryNote {
  id: string;
  text: string;
  author: string | null;
  votes: number | null;
}

export interface WorkshopSummary {
  workshop: Pick<Workshop, 'id' | 'title' | 'startsAt' | 'endsAt' | 'agenda' | 'facilitators'>;
  participantCount: number;
  boards: {
    id: string;
    title: string;
    frames: { id: string | null; title: string; notes: WorkshopSummaryNote[] }[];
  }[];
  /** Revealed vote results, ranked (empty when nothing was voted on or revealed). */
  votes: (WorkshopSummaryNote & { boardId: string; frame: string | null })[];
}

export interface SendToModelRequest {
  boardId: string;
  itemIds: string[];
  modelId: string;
  section: ModelSectionKey;
}

export interface SendToModelResult {
  modelId: string;
  section: ModelSectionKey;
  appended: number;
}
