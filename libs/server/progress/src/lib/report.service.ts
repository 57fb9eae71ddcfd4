import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import type { ProgressPermissions, ProgressReport, ProgressReportEvent, ReportStatus } from '@kehittamo/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateReportDto, DecideReportDto, ReportQueryDto, UpdateReportDto } from './dto/progress.dto';
import { requireManage, requireOrganisationEdit } from './progress-access';
import { quarterDates, quarterOf } from './quarters';
import { WorkPackageService } from './work-package.service';

interface ReportRow {
  id: string;
  organisation_id: string;
  organisation_short_name: string;
  starts_on: string;
  ends_on: string;
  status: ReportStatus;
  done: string;
  next: string;
  risks: string;
  support: string;
  coordinator_comment: string;
  author_name: string | null;
  updated_at: Date;
}

const SELECT_REPORT = `
  SELECT r.id, r.organisation_id, o.short_name AS organisation_short_name,
         to_char(r.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(r.ends_on, 'YYYY-MM-DD') AS ends_on,
         r.status, r.done, r.next, r.risks, r.support, r.coordinator_comment, u.display_name AS author_name, r.updated_at
    FROM progress_reports r
    JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN users u ON u.id = r.author_id`;

/**
 * Each organisation's report per quarter: done, next, risks, support needed. The organisation
 * writes and submits; a coordinator approves or returns it with a comment; every step is kept.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly db: DataSource,
    private readonly workPackages: WorkPackageService,
  ) {}

  async list(user: AuthenticatedUser, query: ReportQueryDto): Promise<ProgressReport[]> {
    const permissions = await this.workPackages.permissions(user);
    const rows: ReportRow[] = await this.db.query(
      `${SELECT_REPORT} WHERE ($1::uuid IS NULL OR r.organisation_id = $1) AND ($2::text IS NULL OR r.status = $2)
        ORDER BY r.starts_on DESC, o.short_name LIMIT 500`,
      [query.organisationId ?? null, query.status ?? null],
    );
    return rows.map((r) => this.toReport(r, permissions, []));
  }

  async get(user: AuthenticatedUser, id: string): Promise<ProgressReport> {
    const permissions = await this.workPackages.permissions(user);
    const [row]: ReportRow[] = await this.db.query(`${SELECT_REPORT} WHERE r.id = $1`, [id]);
    if (!row) throw AppException.notFound('Report');
    const history: { action: ProgressReportEvent['action']; actor_name: string | null; comment: string; at: Date }[] = await this.db.query(
      `SELECT e.action, u.display_name AS actor_name, e.comment, e.at FROM progress_report_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.report_id = $1 ORDER BY e.id`,
      [id],
    );
    return this.toReport(row, permissions, history.map((h) => ({ action: h.action, actorName: h.actor_name, comment: h.comment, at: h.at.toISOString() })));
  }

  async create(user: AuthenticatedUser, dto: CreateReportDto): Promise<ProgressReport> {
    requireOrganisationEdit(await this.workPackages.permissions(user), dto.organisationId);
    const { startsOn, endsOn } = quarterDates(dto.period);
    const id = await this.db.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO progress_reports (organisation_id, starts_on, ends_on, author_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, starts_on) DO NOTHING RETURNING id`,
        [dto.organisationId, startsOn, endsOn, user.id],
      );
      if (rows.length === 0) throw new AppException('conflict', `The organisation already has a report for ${dto.period}`);
      await this.event(manager, rows[0].id, 'created', user.id);
      return rows[0].id;
    });
    return this.get(user, id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateReportDto): Promise<ProgressReport> {
    const report = await this.get(user, id);
    if (!report.canEdit) this.refuseEdit(report);
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE progress_reports SET done = coalesce($2, done), next = coalesce($3, next), risks = coalesce($4, risks), support = coalesce($5, support), updated_at = now()
          WHERE id = $1`,
        [id, dto.done ?? null, dto.next ?? null, dto.risks ?? null, dto.support ?? null],
      );
      await this.event(manager, id, 'edited', user.id);
    });
    return this.get(user, id);
  }

  async submit(user: AuthenticatedUser, id: string): Promise<ProgressReport> {
    const report = await this.get(user, id);
    if (!report.canEdit) this.refuseEdit(report);
    const empty = (['done', 'next'] as const).filter((key) => report[key].trim() === '');
    if (empty.length > 0) throw AppException.validation(empty.map((field) => ({ field, problems: ['must be written before the report is submitted'] })));
    await this.transition(id, ['draft', 'returned'], 'submitted', user.id, '');
    return this.get(user, id);
  }

  async decide(user: AuthenticatedUser, id: string, dto: DecideReportDto): Promise<ProgressReport> {
    requireManage(await this.workPackages.permissions(user));
    const comment = dto.comment?.trim() ?? '';
    if (dto.decision === 'return' && !comment) throw AppException.validation([{ field: 'comment', problems: ['say what should change when returning a report'] }]);
    await this.transition(id, ['submitted'], dto.decision === 'approve' ? 'approved' : 'returned', user.id, comment);
    return this.get(user, id);
  }

  /** Moves the report only from the expected states (checked under a row lock): 409 otherwise. */
  private async transition(id: string, from: ReportStatus[], to: ReportStatus, actorId: string, comment: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [row]: { status: ReportStatus }[] = await manager.query(`SELECT status FROM progress_reports WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw AppException.notFound('Report');
      if (!from.includes(row.status)) throw new AppException('conflict', `The report is ${row.status}; it cannot become ${to} now`);
      await manager.query(
        `UPDATE progress_reports SET status = $2, coordinator_comment = CASE WHEN $3 <> '' THEN $3 ELSE coordinator_comment END, updated_at = now() WHERE id = $1`,
        [id, to, comment],
      );
      await this.event(manager, id, to as ProgressReportEvent['action'], actorId, comment);
    });
  }

  private refuseEdit(report: ProgressReport): never {
    if (report.status === 'submitted' || report.status === 'approved') {
      throw new AppException('conflict', `The report is ${report.status}; it can be changed only when returned`);
    }
    throw AppException.forbidden("Only the organisation's own developers and facilitators, and coordinators, may write its report");
  }

  private async event(manager: EntityManager, reportId: string, action: ProgressReportEvent['action'], actorId: string, comment = ''): Promise<void> {
    await manager.query(`INSERT INTO progress_report_events (report_id, action, actor_id, comment) VALUES ($1, $2, $3, $4)`, [reportId, action, actorId, comment]);
  }

  private toReport(r: ReportRow, permissions: ProgressPermissions, history: ProgressReportEvent[]): ProgressReport {
    const own = permissions.editableOrganisationIds.includes(r.organisation_id);
    return {
      id: r.id,
      organisationId: r.organisation_id,
      organisationShortName: r.organisation_short_name,
      period: quarterOf(r.starts_on),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      status: r.status,
      done: r.done,
      next: r.next,
      risks: r.risks,
      support: r.support,
      coordinatorComment: r.coordinator_comment,
      authorName: r.author_name,
      updatedAt: r.updated_at.toISOString(),
      canEdit: own && (r.status === 'draft' || r.status === 'returned'),
      canDecide: permissions.canManage && r.status === 'submitted',
      history,
    };
  }
}
