import { Injectable } from '@nestjs/common';
import { AppException } from '@kehittamo/server/core';
import { AccessEvents, CollabDocumentRegistry, CollabDocuments } from '@kehittamo/server/data-access';
import { addItem, isNoteColour } from '@kehittamo/shared/board-content';
import {
  FACILITATOR_COMMANDS,
  QUICK_REACTIONS,
  WORKSHOP_LIMITS,
  type FacilitatorCommand,
  type LiveCommand,
  type LiveFacilitatorEvent,
  type LiveMineEvent,
  type LiveState,
  type LiveStateEvent,
  type ParticipantCommand,
  type PresenceEntry,
  type PrivateNote,
  type QuickReaction,
  type VoteTally,
} from '@kehittamo/shared/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PERSON_ORGANISATION, WorkshopService, type WorkshopAccess, type WorkshopRow } from '../workshop.service';
import { BoardReader } from './board-reader';
import { applyFacilitatorCommand, normaliseLiveState } from './live-state';

/** What the gateway must send after a command. */
export interface CommandOutcome {
  /** Everyone's `workshop:state`. */
  state: boolean;
  /** `workshop:mine` to these users (`all`: everyone invited or present). */
  mine: string[] | 'all';
  /** `workshop:facilitator` to the facilitators. */
  facilitators: boolean;
  reaction?: QuickReaction;
}

const invalid = (field: string, problem: string) => AppException.validation([{ field, problems: [problem] }]);
const isFacilitatorCommand = (command: LiveCommand): command is FacilitatorCommand =>
  (FACILITATOR_COMMANDS as readonly string[]).includes(command.type);

/**
 * Live mode: facilitators' commands change the stored state under a row lock; participants'
 * votes, private notes, hands and pause requests are rows. Every answer a client gets is built
 * from the database, so all API instances agree and a reload or a late joiner sees the same.
 */
@Injectable()
export class LiveService {
  constructor(
    private readonly db: DataSource,
    private readonly workshops: WorkshopService,
    private readonly registry: CollabDocumentRegistry,
    private readonly documents: CollabDocuments,
    private readonly accessEvents: AccessEvents,
    private readonly boards: BoardReader,
  ) {}

  /** Joins live mode: recorded as attendance (one row per connection). */
  async join(userId: string, workshopId: string, connectionId: string): Promise<WorkshopAccess> {
    const access = await this.workshops.access({ id: userId }, workshopId);
    await this.db.query(
      `INSERT INTO workshop_attendance (workshop_id, user_id, connection_id)
       SELECT $1, $2, $3 WHERE NOT EXISTS (
         SELECT 1 FROM workshop_attendance WHERE workshop_id = $1 AND connection_id = $3 AND left_at IS NULL)`,
      [workshopId, userId, connectionId],
    );
    return access;
  }

  /** Closes the connection's attendance (in one workshop, or all); returns the workshops it left. */
  async leave(connectionId: string, workshopId?: string): Promise<string[]> {
    const [rows] = await this.db.query(
      `UPDATE workshop_attendance SET left_at = now()
        WHERE connection_id = $1 AND left_at IS NULL AND ($2::uuid IS NULL OR workshop_id = $2)
        RETURNING workshop_id, user_id`,
      [connectionId, workshopId ?? null],
    );
    const left = rows as { workshop_id: string; user_id: string }[];
    // Someone with no connection left is not raising a hand or asking for a pause any more.
    for (const { workshop_id, user_id } of left) {
      await this.db.query(
        `DELETE FROM workshop_signals s WHERE s.workshop_id = $1 AND s.user_id = $2
           AND NOT EXISTS (SELECT 1 FROM workshop_attendance a WHERE a.workshop_id = $1 AND a.user_id = $2 AND a.left_at IS NULL)`,
        [workshop_id, user_id],
      );
    }
    return [...new Set(left.map((r) => r.workshop_id))];
  }

  async command(userId: string, workshopId: string, command: LiveCommand): Promise<CommandOutcome> {
    if (!command || typeof command !== 'object' || typeof command.type !== 'string') throw invalid('command', 'must be an object with a type');
    const access = await this.workshops.access({ id: userId }, workshopId);
    if (isFacilitatorCommand(command)) {
      if (access.role !== 'facilitator') throw AppException.forbidden('Only the workshop\'s facilitators can do this');
      return this.facilitatorCommand(access.row, command);
    }
    if (access.role === 'observer') throw AppException.forbidden('Only people invited to the workshop can take part');
    return this.participantCommand(userId, access.row, command as ParticipantCommand);
  }

  private async facilitatorCommand(row: WorkshopRow, command: FacilitatorCommand): Promise<CommandOutcome> {
    const lockChanges: { doc: string; spaceId: string }[] = [];
    await this.db.transaction(async (manager) => {
      const [locked]: WorkshopRow[] = await manager.query(`SELECT * FROM workshops WHERE id = $1 FOR UPDATE`, [row.id]);
      const before = normaliseLiveState(locked.live);
      const people: { user_id: string; organisation: string | null }[] = await manager.query(
        `SELECT p.user_id, ${PERSON_ORGANISATION('p.user_id', '$2')} AS organisation FROM workshop_people p WHERE p.workshop_id = $1`,
        [row.id, row.space_id],
      );
      const after = applyFacilitatorCommand(before, command, {
        now: new Date(),
        boardIds: new Set(this.workshops.boardIds(locked)),
        agendaIds: new Set(locked.agenda.map((a) => a.id)),
        people: people.map((p) => ({ userId: p.user_id, organisation: p.organisation })),
        newId: randomUUID,
      });
      if (command.type === 'lock.board') lockChanges.push(...(await this.lockBoard(manager, command.boardId, command.locked)));
      if (command.type === 'private.reveal' && before.privateWriting) await this.revealPrivateNotes(manager, row.id, before.privateWriting);
      if (command.type === 'voting.reveal' && before.voting) {
        await manager.query(
          `INSERT INTO workshop_vote_results (workshop_id, voting_id, board_id, item_id, votes)
           SELECT workshop_id, voting_id, $3, item_id, sum(votes) FROM workshop_votes WHERE workshop_id = $1 AND voting_id = $2
            GROUP BY workshop_id, voting_id, item_id
           ON CONFLICT (workshop_id, voting_id, item_id) DO UPDATE SET votes = EXCLUDED.votes`,
          [row.id, before.voting.id, before.voting.boardId],
        );
      }
      await manager.query(`UPDATE workshops SET live = $2, updated_at = now() WHERE id = $1`, [row.id, JSON.stringify(after)]);
    });
    // Open board connections reconnect with their new rights (read-only while locked).
    for (const change of lockChanges) this.accessEvents.emit({ userId: null, spaceId: change.spaceId, docName: change.doc });
    const everyonesOwn = ['voting.start', 'voting.clear', 'private.start', 'private.reveal'].includes(command.type);
    return { state: true, mine: everyonesOwn ? 'all' : [], facilitators: command.type.startsWith('private.') || command.type === 'end' };
  }

  private async lockBoard(manager: EntityManager, boardId: string, locked: boolean): Promise<{ doc: string; spaceId: string }[]> {
    const [board] = await manager.query(`SELECT doc_name, space_id FROM boards WHERE id = $1`, [boardId]);
    if (!board) return [];
    await this.registry.setLocked(manager, board.doc_name, locked);
    return [{ doc: board.doc_name, spaceId: board.space_id }];
  }

  /**
   * Writes everyone's private notes onto the board as the server, in random order: neither
   * the order nor the Yjs client that wrote them tells whose they are. Author names only on
   * boards that are not anonymous, and only when the facilitator did not start it anonymous. Runs inside the state's transaction: if the board cannot be
   * written, the notes stay private and private writing stays on.
   */
  private async revealPrivateNotes(manager: EntityManager, workshopId: string, writing: NonNullable<LiveState['privateWriting']>): Promise<void> {
    const notes: { id: string; text: string; colour: string; display_name: string }[] = await manager.query(
      `SELECT n.id, n.text, n.colour, u.display_name FROM workshop_private_notes n JOIN users u ON u.id = n.user_id
        WHERE n.workshop_id = $1 ORDER BY random()`,
      [workshopId],
    );
    if (notes.length > 0) {
      const [board] = await manager.query(`SELECT doc_name, anonymous FROM boards WHERE id = $1`, [writing.boardId]);
      if (board) {
        await this.documents.change(board.doc_name, (doc) => {
          doc.transact(() => {
            for (const note of notes) {
              addItem(doc, {
                type: 'note',
                text: note.text,
                colour: isNoteColour(note.colour) ? note.colour : 'yellow',
                frame: writing.frameId,
                author: board.anonymous || writing.anonymous ? null : note.display_name,
              });
            }
          });
        });
        this.boards.forget(board.doc_name);
      }
    }
    await manager.query(`DELETE FROM workshop_private_notes WHERE workshop_id = $1`, [workshopId]);
  }

  private async participantCommand(userId: string, row: WorkshopRow, command: ParticipantCommand): Promise<CommandOutcome> {
    const nothing: CommandOutcome = { state: false, mine: [], facilitators: false };
    switch (command.type) {
      case 'vote':
      case 'unvote':
        await this.vote(userId, row, command.itemId, command.type === 'vote' ? 1 : -1);
        return { state: true, mine: [userId], facilitators: false };
      case 'hand':
      case 'pause': {
        const on = command.type === 'hand' ? command.raised : command.on;
        if (typeof on !== 'boolean') throw invalid(command.type === 'hand' ? 'raised' : 'on', 'must be true or false');
        if (on) {
          await this.db.query(
            `INSERT INTO workshop_signals (workshop_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            [row.id, userId, command.type],
          );
        } else {
          await this.db.query(`DELETE FROM workshop_signals WHERE workshop_id = $1 AND user_id = $2 AND kind = $3`, [row.id, userId, command.type]);
        }
        // A pause request is the asker's own (their other devices follow) and the facilitators'.
        return command.type === 'hand' ? { ...nothing, state: true } : { ...nothing, mine: [userId], facilitators: true };
      }
      case 'react':
        if (!(QUICK_REACTIONS as readonly string[]).includes(command.reaction)) throw invalid('reaction', `must be one of ${QUICK_REACTIONS.join(', ')}`);
        return { ...nothing, reaction: command.reaction };
      case 'private.add':
      case 'private.edit':
      case 'private.delete':
        await this.privateNote(userId, row, command);
        return { state: false, mine: [userId], facilitators: true };
    }
    throw invalid('command.type', 'is not a known command');
  }

  /** One vote more or less, within the limits, checked against the stored state in the same transaction. */
  private async vote(userId: string, row: WorkshopRow, itemId: unknown, delta: 1 | -1): Promise<void> {
    if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 100) throw invalid('itemId', 'must be a note id');
    await this.db.transaction(async (manager) => {
      // FOR SHARE: votes run side by side, but not past a facilitator closing the vote.
      const [current]: WorkshopRow[] = await manager.query(`SELECT live FROM workshops WHERE id = $1 FOR SHARE`, [row.id]);
      const voting = normaliseLiveState(current.live).voting;
      if (!voting?.open) throw new AppException('conflict', 'Voting is not open');
      // One person's votes one at a time: two quick clicks cannot both take the last vote.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vote:${row.id}:${userId}`]);
      const mine: { item_id: string; votes: number }[] = await manager.query(
        `SELECT item_id, votes FROM workshop_votes WHERE workshop_id = $1 AND voting_id = $2 AND user_id = $3`,
        [row.id, voting.id, userId],
      );
      const onItem = mine.find((m) => m.item_id === itemId)?.votes ?? 0;
      if (delta < 0) {
        if (onItem === 0) throw new AppException('conflict', 'You have no vote on this note');
        await manager.query(
          onItem === 1
            ? `DELETE FROM workshop_votes WHERE workshop_id = $1 AND voting_id = $2 AND item_id = $3 AND user_id = $4`
            : `UPDATE workshop_votes SET votes = votes - 1 WHERE workshop_id = $1 AND voting_id = $2 AND item_id = $3 AND user_id = $4`,
          [row.id, voting.id, itemId, userId],
        );
        return;
      }
      const used = mine.reduce((sum, m) => sum + m.votes, 0);
      if (used >= voting.votesPerPerson) throw new AppException('conflict', `You have used all your ${voting.votesPerPerson} votes`);
      if (voting.perNoteLimit !== null && onItem >= voting.perNoteLimit) {
        throw new AppException('conflict', `At most ${voting.perNoteLimit} of your votes can go to one note`);
      }
      const [board] = await manager.query(`SELECT doc_name FROM boards WHERE id = $1`, [voting.boardId]);
      const items = board ? await this.boards.items(board.doc_name) : [];
      const note = items.find((i) => i.id === itemId && i.type === 'note');
      if (!note) throw invalid('itemId', 'is not a note on the board being voted on');
      if (voting.frameId && note.frame !== voting.frameId) throw invalid('itemId', 'is not in the frame being voted on');
      await manager.query(
        `INSERT INTO workshop_votes (workshop_id, voting_id, item_id, user_id, votes) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (workshop_id, voting_id, item_id, user_id) DO UPDATE SET votes = workshop_votes.votes + 1`,
        [row.id, voting.id, itemId, userId],
      );
    });
  }

  private async privateNote(userId: string, row: WorkshopRow, command: Extract<ParticipantCommand, { type: `private.${string}` }>): Promise<void> {
    const writing = normaliseLiveState(row.live).privateWriting;
    if (!writing) throw new AppException('conflict', 'Private writing is not on');
    const checkText = (text: unknown): string => {
      if (typeof text !== 'string' || text.trim().length === 0 || text.length > WORKSHOP_LIMITS.privateNoteText) {
        throw invalid('text', `must be 1 to ${WORKSHOP_LIMITS.privateNoteText} characters`);
      }
      return text;
    };
    if (command.type === 'private.add') {
      const text = checkText(command.text);
      if (!isNoteColour(command.colour)) throw invalid('colour', 'must be a note colour');
      const [{ count }] = await this.db.query(
        `SELECT count(*)::int AS count FROM workshop_private_notes WHERE workshop_id = $1 AND user_id = $2`,
        [row.id, userId],
      );
      if (count >= WORKSHOP_LIMITS.privateNotesPerPerson) throw new AppException('conflict', `At most ${WORKSHOP_LIMITS.privateNotesPerPerson} private notes each`);
      await this.db.query(
        `INSERT INTO workshop_private_notes (id, workshop_id, user_id, text, colour) VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), row.id, userId, text, command.colour],
      );
      return;
    }
    if (typeof command.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(command.id)) throw invalid('id', 'must be a private note id');
    if (command.type === 'private.edit') {
      const text = checkText(command.text);
      if (command.colour !== undefined && !isNoteColour(command.colour)) throw invalid('colour', 'must be a note colour');
      const [, count] = await this.db.query(
        `UPDATE workshop_private_notes SET text = $4, colour = COALESCE($5, colour) WHERE id = $1 AND workshop_id = $2 AND user_id = $3`,
        [command.id, row.id, userId, text, command.colour ?? null],
      );
      if (count === 0) throw AppException.notFound('Private note');
      return;
    }
    const [, count] = await this.db.query(`DELETE FROM workshop_private_notes WHERE id = $1 AND workshop_id = $2 AND user_id = $3`, [command.id, row.id, userId]);
    if (count === 0) throw AppException.notFound('Private note');
  }

  // ---------- what clients receive ----------

  async stateEvent(workshopId: string): Promise<LiveStateEvent> {
    const [row]: WorkshopRow[] = await this.db.query(`SELECT id, space_id, live FROM workshops WHERE id = $1`, [workshopId]);
    if (!row) throw AppException.notFound('Workshop');
    const state = normaliseLiveState(row.live);
    const presence: (PresenceEntry & { user_id: string; display_name: string; hand_raised: boolean })[] = await this.db.query(
      `SELECT a.user_id, u.display_name, ${PERSON_ORGANISATION('a.user_id', '$2')} AS organisation,
              COALESCE(p.facilitator, false) AS facilitator,
              EXISTS (SELECT 1 FROM workshop_signals s WHERE s.workshop_id = $1 AND s.user_id = a.user_id AND s.kind = 'hand') AS hand_raised
         FROM (SELECT DISTINCT user_id FROM workshop_attendance WHERE workshop_id = $1 AND left_at IS NULL) a
         JOIN users u ON u.id = a.user_id
         LEFT JOIN workshop_people p ON p.workshop_id = $1 AND p.user_id = a.user_id
        ORDER BY organisation NULLS LAST, u.display_name`,
      [workshopId, row.space_id],
    );
    let tallies: VoteTally[] | null = null;
    let votesCast = 0;
    if (state.voting) {
      const counts: { item_id: string; votes: number }[] = await this.db.query(
        `SELECT item_id, sum(votes)::int AS votes FROM workshop_votes WHERE workshop_id = $1 AND voting_id = $2
          GROUP BY item_id ORDER BY sum(votes) DESC, item_id`,
        [workshopId, state.voting.id],
      );
      votesCast = counts.reduce((sum, c) => sum + c.votes, 0);
      if (state.voting.revealed) tallies = counts.map((c) => ({ itemId: c.item_id, votes: c.votes }));
    }
    return {
      workshopId,
      state,
      tallies,
      votesCast,
      presence: presence.map((p) => ({
        userId: p.user_id,
        displayName: p.display_name,
        organisation: p.organisation,
        facilitator: p.facilitator,
        handRaised: p.hand_raised,
      })),
      serverTime: new Date().toISOString(),
    };
  }

  /** Each user's own votes and private notes (all of `userIds`, in two queries). */
  async mineEvents(workshopId: string, userIds: string[] | 'all'): Promise<Map<string, LiveMineEvent>> {
    const [row]: WorkshopRow[] = await this.db.query(`SELECT live FROM workshops WHERE id = $1`, [workshopId]);
    const voting = row ? normaliseLiveState(row.live).voting : null;
    const users: string[] =
      userIds === 'all'
        ? (
            await this.db.query(
              `SELECT user_id FROM workshop_people WHERE workshop_id = $1
               UNION SELECT user_id FROM workshop_attendance WHERE workshop_id = $1 AND left_at IS NULL`,
              [workshopId],
            )
          ).map((r: { user_id: string }) => r.user_id)
        : userIds;
    const votes: { user_id: string; item_id: string; votes: number }[] = voting
      ? await this.db.query(
          `SELECT user_id, item_id, votes FROM workshop_votes WHERE workshop_id = $1 AND voting_id = $2 AND user_id = ANY($3::uuid[])`,
          [workshopId, voting.id, users],
        )
      : [];
    const notes: { id: string; user_id: string; text: string; colour: string; created_at: Date }[] = await this.db.query(
      `SELECT id, user_id, text, colour, created_at FROM workshop_private_notes WHERE workshop_id = $1 AND user_id = ANY($2::uuid[])
        ORDER BY created_at, id`,
      [workshopId, users],
    );
    const pauses: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM workshop_signals WHERE workshop_id = $1 AND kind = 'pause' AND user_id = ANY($2::uuid[])`,
      [workshopId, users],
    );
    const pausing = new Set(pauses.map((p) => p.user_id));
    const events = new Map<string, LiveMineEvent>();
    for (const userId of users) {
      const own = votes.filter((v) => v.user_id === userId);
      const used = own.reduce((sum, v) => sum + v.votes, 0);
      events.set(userId, {
        workshopId,
        votes: own.flatMap((v) => Array<string>(v.votes).fill(v.item_id)),
        votesLeft: voting?.open ? Math.max(0, voting.votesPerPerson - used) : 0,
        privateNotes: notes
          .filter((n) => n.user_id === userId)
          .map((n): PrivateNote => ({ id: n.id, text: n.text, colour: isNoteColour(n.colour) ? n.colour : 'yellow', createdAt: new Date(n.created_at).toISOString() })),
        pauseRequested: pausing.has(userId),
      });
    }
    return events;
  }

  async facilitatorEvent(workshopId: string): Promise<LiveFacilitatorEvent> {
    const pauses: { user_id: string; display_name: string; since: Date }[] = await this.db.query(
      `SELECT s.user_id, u.display_name, s.since FROM workshop_signals s JOIN users u ON u.id = s.user_id
        WHERE s.workshop_id = $1 AND s.kind = 'pause' ORDER BY s.since`,
      [workshopId],
    );
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM workshop_private_notes WHERE workshop_id = $1`, [workshopId]);
    return {
      workshopId,
      pauseRequests: pauses.map((p) => ({ userId: p.user_id, displayName: p.display_name, since: new Date(p.since).toISOString() })),
      privateNoteCount: count,
    };
  }
}
