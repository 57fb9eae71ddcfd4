import { Injectable } from '@nestjs/common';
import { AppException, canManageOrganisation, type AuthenticatedUser } from '@kehittamo/server/core';
import {
  FEEDBACK_QUESTIONS,
  WORKSHOP_LIMITS,
  type FeedbackAverages,
  type FeedbackTrend,
  type WorkshopFeedbackRequest,
  type WorkshopFeedbackSummary,
} from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import { WorkshopService } from '../workshop.service';

interface AverageRow {
  responses: number;
  heard: string | null;
  mattered: string | null;
  suited: string | null;
  overall: string | null;
}

const AVERAGES = `count(*)::int AS responses, avg(heard) AS heard, avg(mattered) AS mattered, avg(suited) AS suited, avg(overall) AS overall`;

/** Averages only from enough answers that nobody's can be picked out. */
function averages(row: AverageRow | undefined): FeedbackAverages {
  const responses = row?.responses ?? 0;
  if (!row || responses < WORKSHOP_LIMITS.feedbackMinResponses) return { responses, averages: null };
  const round = (value: string | null) => Math.round(Number(value ?? 0) * 10) / 10;
  return {
    responses,
    averages: Object.fromEntries(FEEDBACK_QUESTIONS.map((q) => [q, round(row[q])])) as FeedbackAverages['averages'],
  };
}

/**
 * Session feedback (0–10 on four questions). Answers are stored without who gave them — only
 * the organisation, for trends — and that someone answered is kept apart, to refuse a second
 * answer. Facilitators see averages, never single answers.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly db: DataSource,
    private readonly workshops: WorkshopService,
  ) {}

  async give(user: AuthenticatedUser, workshopId: string, answer: WorkshopFeedbackRequest): Promise<void> {
    const { row, role } = await this.workshops.access(user, workshopId);
    if (role === 'observer') throw AppException.forbidden('Only people invited to the workshop give feedback on it');
    await this.db.transaction(async (manager) => {
      const [given] = await manager.query(
        `INSERT INTO workshop_feedback_given (workshop_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
        [workshopId, user.id],
      );
      if (!given) throw new AppException('conflict', 'You have already given feedback on this workshop');
      await manager.query(
        `INSERT INTO workshop_feedback (workshop_id, organisation_id, heard, mattered, suited, overall)
         VALUES ($1, (SELECT m.organisation_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                       WHERE m.user_id = $2
                       ORDER BY (o.id = (SELECT organisation_id FROM spaces WHERE id = $3)) DESC NULLS LAST, o.short_name LIMIT 1),
                 $4, $5, $6, $7)`,
        [workshopId, user.id, row.space_id, answer.heard, answer.mattered, answer.suited, answer.overall],
      );
    });
  }

  async summary(user: AuthenticatedUser, workshopId: string): Promise<WorkshopFeedbackSummary> {
    await this.workshops.access(user, workshopId);
    const [row]: AverageRow[] = await this.db.query(`SELECT ${AVERAGES} FROM workshop_feedback WHERE workshop_id = $1`, [workshopId]);
    const [answered] = await this.db.query(`SELECT 1 FROM workshop_feedback_given WHERE workshop_id = $1 AND user_id = $2`, [workshopId, user.id]);
    return { ...averages(row), answered: !!answered };
  }

  /** Per month of the workshops, one organisation's respondents: for its coordinators, admins and facilitators. */
  async trend(user: AuthenticatedUser, organisationId: string): Promise<FeedbackTrend> {
    const mayRead =
      canManageOrganisation(user, organisationId) ||
      user.memberships.some((m) => m.organisationId === organisationId && m.role === 'facilitator');
    if (!mayRead) throw AppException.forbidden('Only the organisation\'s coordinators, admins and facilitators see its feedback trend');
    const rows: (AverageRow & { month: string })[] = await this.db.query(
      `SELECT to_char(date_trunc('month', w.starts_at), 'YYYY-MM') AS month, ${AVERAGES}
         FROM workshop_feedback f JOIN workshops w ON w.id = f.workshop_id
        WHERE f.organisation_id = $1
        GROUP BY 1 ORDER BY 1`,
      [organisationId],
    );
    return { organisationId, months: rows.map((r) => ({ month: r.month, ...averages(r) })) };
  }
}
