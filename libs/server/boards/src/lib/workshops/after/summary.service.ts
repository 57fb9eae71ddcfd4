import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { CollabDocuments, SpaceAccessService } from '@kehittamo/server/data-access';
import { boardOutline } from '@kehittamo/shared/board-content';
import { appendRich } from '@kehittamo/shared/model-content';
import {
  MODEL_DOC_ROOTS,
  type Language,
  type RichNode,
  type SendToModelResult,
  type WorkshopSummary,
  type WorkshopSummaryNote,
} from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import type { SendToModelDto } from '../dto/workshop.dto';
import { BoardReader } from '../live/board-reader';
import { WorkshopService } from '../workshop.service';

const SOURCE_LABEL: Record<Language, (title: string, date: string) => string> = {
  fi: (title, date) => `Lähde: työpaja ”${title}” ${date}`,
  sv: (title, date) => `Källa: workshoppen ”${title}” ${date}`,
  en: (title, date) => `Source: workshop “${title}” ${date}`,
};
const DATE_LOCALE: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** After the workshop: what came out of it, and sending chosen notes on to a model description. */
@Injectable()
export class SummaryService {
  constructor(
    private readonly db: DataSource,
    private readonly workshops: WorkshopService,
    private readonly boards: BoardReader,
    private readonly documents: CollabDocuments,
    private readonly spaceAccess: SpaceAccessService,
  ) {}

  async summary(user: AuthenticatedUser, workshopId: string): Promise<WorkshopSummary> {
    const workshop = await this.workshops.get(user, workshopId);
    const results: { board_id: string; item_id: string; votes: number }[] = await this.db.query(
      `SELECT board_id, item_id, sum(votes)::int AS votes FROM workshop_vote_results WHERE workshop_id = $1
        GROUP BY board_id, item_id ORDER BY sum(votes) DESC, item_id`,
      [workshopId],
    );
    const votesOf = new Map(results.map((r) => [`${r.board_id}:${r.item_id}`, r.votes]));
    const votes: WorkshopSummary['votes'] = [];
    const boards: WorkshopSummary['boards'] = [];
    for (const board of workshop.boards) {
      const outline = boardOutline(await this.boards.items(board.doc));
      const note = (item: { id: string; text: string; author?: string }): WorkshopSummaryNote => ({
        id: item.id,
        text: item.text,
        author: board.anonymous ? null : (item.author ?? null),
        votes: votesOf.get(`${board.id}:${item.id}`) ?? null,
      });
      const frames = [
        ...outline.frames.map((f) => ({ id: f.frame.id, title: f.frame.text, notes: f.items.map(note) })),
        ...(outline.loose.length > 0 ? [{ id: null, title: '', notes: outline.loose.map(note) }] : []),
      ];
      boards.push({ id: board.id, title: board.title, frames });
      for (const frame of frames) {
        for (const n of frame.notes) if (n.votes !== null) votes.push({ ...n, boardId: board.id, frame: frame.id === null ? null : frame.title });
      }
    }
    votes.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
    return {
      workshop: {
        id: workshop.id,
        title: workshop.title,
        startsAt: workshop.startsAt,
        endsAt: workshop.endsAt,
        agenda: workshop.agenda,
        facilitators: workshop.facilitators,
      },
      participantCount: workshop.participants.length + workshop.facilitators.length,
      boards,
      votes,
    };
  }

  /**
   * Appends the chosen notes to a model description's section, as paragraphs, with a last
   * paragraph linking back to the workshop. Everyone editing the description sees them arrive.
   * Author names are not carried over: the description is read far outside the workshop.
   */
  async sendToModel(user: AuthenticatedUser, workshopId: string, dto: SendToModelDto): Promise<SendToModelResult> {
    const workshop = await this.workshops.get(user, workshopId);
    if (workshop.myRole === 'observer') throw AppException.forbidden('Only people invited to the workshop can send its notes on');
    const board = workshop.boards.find((b) => b.id === dto.boardId);
    if (!board) throw AppException.validation([{ field: 'boardId', problems: ['is not one of the workshop\'s boards'] }]);
    const [model] = await this.db.query(
      `SELECT m.id, m.space_id, m.doc_name, d.locked FROM model_descriptions m JOIN collab_documents d ON d.name = m.doc_name WHERE m.id = $1`,
      [dto.modelId],
    );
    if (!model || !(await this.spaceAccess.accessFor(user.id, model.space_id))) throw AppException.notFound('Model description');
    await this.spaceAccess.requireAccess(user, model.space_id, 'edit');
    if (model.locked) throw new AppException('conflict', 'The model description is locked: ask a coordinator to unlock it');
    this.boards.forget(board.doc);
    const items = await this.boards.items(board.doc);
    const wanted = [...new Set(dto.itemIds)];
    const found = wanted.map((id) => items.find((i) => i.id === id && (i.type === 'note' || i.type === 'text')));
    const notes = found.filter((n): n is NonNullable<typeof n> => !!n);
    const missing = wanted.filter((_, i) => !found[i]);
    if (missing.length > 0 || wanted.length === 0) {
      throw AppException.validation([{ field: 'itemIds', problems: [wanted.length === 0 ? 'choose at least one note' : `${missing.length} of these are not notes on the board`] }]);
    }
    const lang = user.language;
    const date = new Date(workshop.startsAt).toLocaleDateString(DATE_LOCALE[lang], { timeZone: 'Europe/Helsinki' });
    const paragraphs: RichNode[] = notes
      .filter((n) => n.text.trim().length > 0)
      .map((n) => ({ type: 'paragraph', content: [{ type: 'text', text: n.text.trim() }] }));
    paragraphs.push({
      type: 'paragraph',
      content: [{ type: 'text', text: SOURCE_LABEL[lang](workshop.title, date), marks: [{ type: 'link', attrs: { href: `/workshops/${workshop.id}/summary` } }, { type: 'italic' }] }],
    });
    await this.documents.change(model.doc_name, (doc) => {
      doc.transact(() => appendRich(doc.getXmlFragment(MODEL_DOC_ROOTS.section(dto.section)), paragraphs));
    });
    await this.db.query(`UPDATE model_descriptions SET updated_at = now() WHERE id = $1`, [model.id]);
    return { modelId: model.id, section: dto.section, appended: paragraphs.length - 1 };
  }
}
