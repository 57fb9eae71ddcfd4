import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { TASK_STATUSES, type ProgressPermissions, type ProgressTask, type TaskStatus, type WorkPackageProgress } from '@kehittamo/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateTaskDto, UpdateTaskDto } from './dto/progress.dto';
import { progressPermissions, requireManage, requireOrganisationEdit } from './progress-access';
import { suggestPercent, type ModelEvidence } from './suggestion';

interface TaskRow {
  id: string;
  work_package_id: string;
  work_package_code: string;
  organisation_id: string;
  organisation_short_name: string;
  parent_id: string | null;
  kind: ProgressTask['kind'];
  title: string;
  description: string;
  owner_id: string | null;
  owner_name: string | null;
  starts_on: string | null;
  due_on: string;
  status: TaskStatus;
  percent: number;
  updated_at: Date;
  overdue: boolean;
}

interface ModelLinkRow {
  task_id: string;
  id: string;
  name: string;
  phase: string;
  filled_share: string | null;
  phase_share: string | null;
}

const SELECT_TASK = `
  SELECT t.id, t.work_package_id, wp.code AS work_package_code, t.organisation_id, o.short_name AS organisation_short_name,
         t.parent_id, t.kind, t.title, t.description, t.owner_id, u.display_name AS owner_name,
         to_char(t.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(t.due_on, 'YYYY-MM-DD') AS due_on,
         t.status, t.percent, t.updated_at, (t.status <> 'done' AND t.due_on < current_date) AS overdue
    FROM progress_tasks t
    JOIN work_packages wp ON wp.id = t.work_package_id
    JOIN organisations o ON o.id = t.organisation_id
    LEFT JOIN users u ON u.id = t.owner_id`;

/**
 * Linked model descriptions the viewer ($1) may see, with their completeness (from the
 * projection) and how far along the phase list their phase is.
 */
const SELECT_MODEL_LINKS = `
  SELECT tm.task_id, m.id, m.name, m.phase,
         (p.meta->'completeness'->>'filled')::numeric / nullif((p.meta->'completeness'->>'total')::numeric, 0) AS filled_share,
         (SELECT count(*) FROM model_phases x WHERE x.position < ph.position)::numeric / nullif((SELECT count(*) - 1 FROM model_phases), 0) AS phase_share
    FROM progress_task_models tm
    JOIN model_descriptions m ON m.id = tm.model_id
    JOIN model_phases ph ON ph.key = m.phase
    LEFT JOIN collab_projections p ON p.doc_name = m.doc_name
   WHERE tm.task_id = ANY ($2::uuid[]) AND m.space_id IN (SELECT space_id FROM space_members WHERE user_id = $1)
   ORDER BY m.name`;

/** Work packages with their tasks and milestones; the suggested % beside the entered one. */
@Injectable()
export class WorkPackageService {
  constructor(private readonly db: DataSource) {}

  async permissions(user: AuthenticatedUser): Promise<ProgressPermissions> {
    const organisations: { id: string }[] = await this.db.query(`SELECT id FROM organisations ORDER BY name`);
    return progressPermissions(
      user,
      organisations.map((o) => o.id),
    );
  }

  async list(user: AuthenticatedUser): Promise<WorkPackageProgress[]> {
    const packages: { id: string; code: string; name: string; objective: string }[] = await this.db.query(
      `SELECT id, code, name, objective FROM work_packages ORDER BY position, code`,
    );
    const tasks = await this.tasks(user, `TRUE`, []);
    return packages.map((wp) => this.assemble(wp, tasks.filter((t) => t.workPackageId === wp.id)));
  }

  async get(user: AuthenticatedUser, code: string): Promise<WorkPackageProgress> {
    const [wp]: { id: string; code: string; name: string; objective: string }[] = await this.db.query(
      `SELECT id, code, name, objective FROM work_packages WHERE upper(code) = upper($1)`,
      [code],
    );
    if (!wp) throw AppException.notFound('Work package');
    return this.assemble(wp, await this.tasks(user, `t.work_package_id = $2`, [wp.id]));
  }

  async setObjective(user: AuthenticatedUser, code: string, objective: string): Promise<WorkPackageProgress> {
    requireManage(await this.permissions(user));
    const [rows]: [unknown[], number] = await this.db.query(`UPDATE work_packages SET objective = $2 WHERE upper(code) = upper($1) RETURNING id`, [code, objective.trim()]);
    if (rows.length === 0) throw AppException.notFound('Work package');
    return this.get(user, code);
  }

  async create(user: AuthenticatedUser, dto: CreateTaskDto): Promise<ProgressTask> {
    requireOrganisationEdit(await this.permissions(user), dto.organisationId);
    const id = await this.db.transaction(async (manager) => {
      await this.checkReferences(manager, user, dto);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO progress_tasks (work_package_id, organisation_id, parent_id, kind, title, description, owner_id, starts_on, due_on, status, percent, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          dto.workPackageId,
          dto.organisationId,
          dto.parentId ?? null,
          dto.kind,
          dto.title,
          dto.description ?? '',
          dto.ownerId ?? null,
          dto.startsOn ?? null,
          dto.dueOn,
          dto.status ?? 'not-started',
          dto.status === 'done' ? 100 : (dto.percent ?? 0),
          user.id,
        ],
      );
      if (dto.modelIds) await this.linkModels(manager, row.id, dto.modelIds);
      return row.id;
    });
    return this.task(user, id);
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateTaskDto): Promise<ProgressTask> {
    const current = await this.task(user, id);
    requireOrganisationEdit(await this.permissions(user), current.organisationId);
    await this.db.transaction(async (manager) => {
      await this.checkReferences(manager, user, { ...dto, startsOn: dto.startsOn === undefined ? current.startsOn : dto.startsOn, dueOn: dto.dueOn ?? current.dueOn });
      await manager.query(
        `UPDATE progress_tasks SET title = coalesce($2, title), description = coalesce($3, description),
                owner_id = CASE WHEN $4 THEN $5::uuid ELSE owner_id END,
                starts_on = CASE WHEN $6 THEN $7::date ELSE starts_on END,
                due_on = coalesce($8::date, due_on), status = coalesce($9, status), percent = coalesce($10, percent), updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.title ?? null,
          dto.description ?? null,
          dto.ownerId !== undefined,
          dto.ownerId ?? null,
          dto.startsOn !== undefined,
          dto.startsOn ?? null,
          dto.dueOn ?? null,
          dto.status ?? null,
          dto.percent ?? null,
        ],
      );
      if (dto.modelIds) await this.linkModels(manager, id, dto.modelIds);
    });
    return this.task(user, id);
  }

  async delete(user: AuthenticatedUser, id: string): Promise<void> {
    const current = await this.task(user, id);
    requireOrganisationEdit(await this.permissions(user), current.organisationId);
    await this.db.query(`DELETE FROM progress_tasks WHERE id = $1`, [id]);
  }

  async task(user: AuthenticatedUser, id: string): Promise<ProgressTask> {
    const [task] = await this.tasks(user, `t.id = $2`, [id]);
    if (!task) throw AppException.notFound('Task');
    return task;
  }

  /** Every problem with the references at once: work package, parent, owner, dates, models. */
  private async checkReferences(
    manager: EntityManager,
    user: AuthenticatedUser,
    dto: { workPackageId?: string; organisationId?: string; parentId?: string | null; ownerId?: string | null; startsOn?: string | null; dueOn?: string; modelIds?: string[]; kind?: string },
  ): Promise<void> {
    const problems: { field: string; problems: string[] }[] = [];
    if (dto.workPackageId) {
      const [wp] = await manager.query(`SELECT 1 FROM work_packages WHERE id = $1`, [dto.workPackageId]);
      if (!wp) problems.push({ field: 'workPackageId', problems: ['no such work package'] });
    }
    if (dto.parentId) {
      const [parent]: { work_package_id: string; organisation_id: string; kind: string; parent_id: string | null }[] = await manager.query(
        `SELECT work_package_id, organisation_id, kind, parent_id FROM progress_tasks WHERE id = $1`,
        [dto.parentId],
      );
      if (!parent || parent.work_package_id !== dto.workPackageId || parent.organisation_id !== dto.organisationId) {
        problems.push({ field: 'parentId', problems: ["must be a task of the same work package and organisation"] });
      } else if (parent.kind !== 'task' || parent.parent_id !== null || dto.kind === 'milestone') {
        problems.push({ field: 'parentId', problems: ['sub-tasks go one level under a task; milestones have no parent'] });
      }
    }
    if (dto.ownerId) {
      const [owner] = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [dto.ownerId]);
      if (!owner) problems.push({ field: 'ownerId', problems: ['no such user'] });
    }
    if (dto.startsOn && dto.dueOn && dto.startsOn > dto.dueOn) problems.push({ field: 'startsOn', problems: ['must not be after dueOn'] });
    if (dto.modelIds?.length) {
      const visible: { id: string }[] = await manager.query(
        `SELECT id FROM model_descriptions WHERE id = ANY ($2::uuid[]) AND space_id IN (SELECT space_id FROM space_members WHERE user_id = $1)`,
        [user.id, dto.modelIds],
      );
      if (visible.length !== dto.modelIds.length) problems.push({ field: 'modelIds', problems: ['each must be a model description you can see'] });
    }
    if (problems.length > 0) throw AppException.validation(problems);
  }

  private async linkModels(manager: EntityManager, taskId: string, modelIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM progress_task_models WHERE task_id = $1`, [taskId]);
    if (modelIds.length > 0) {
      await manager.query(`INSERT INTO progress_task_models (task_id, model_id) SELECT $1, unnest($2::uuid[])`, [taskId, modelIds]);
    }
  }

  private async tasks(user: AuthenticatedUser, where: string, params: unknown[]): Promise<ProgressTask[]> {
    // $1 is always the viewer; `where` uses $2… for its own parameters.
    const rows: TaskRow[] = await this.db.query(`${SELECT_TASK} WHERE $1::uuid IS NOT NULL AND ${where} ORDER BY t.due_on, t.title`, [user.id, ...params]);
    if (rows.length === 0) return [];
    const links: ModelLinkRow[] = await this.db.query(SELECT_MODEL_LINKS, [user.id, rows.map((r) => r.id)]);
    const permissions = await this.permissions(user);
    // Sub-tasks of a listed parent may be outside `where` (one task asked for): count them all.
    const parents = rows.filter((r) => !r.parent_id).map((r) => r.id);
    const counts: { parent_id: string; total: number; done: number }[] = await this.db.query(
      `SELECT parent_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'done')::int AS done FROM progress_tasks WHERE parent_id = ANY ($1::uuid[]) GROUP BY parent_id`,
      [parents],
    );
    const subtaskCounts = new Map(counts.map((c) => [c.parent_id, c]));
    return rows.map((r) => {
      const models = links.filter((l) => l.task_id === r.id);
      const evidence: ModelEvidence[] = models.map((m) => ({ filledShare: Number(m.filled_share ?? 0), phaseShare: Number(m.phase_share ?? 0) }));
      const sub = subtaskCounts.get(r.id) ?? { total: 0, done: 0 };
      return {
        id: r.id,
        workPackageId: r.work_package_id,
        workPackageCode: r.work_package_code,
        organisationId: r.organisation_id,
        organisationShortName: r.organisation_short_name,
        parentId: r.parent_id,
        kind: r.kind,
        title: r.title,
        description: r.description,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        startsOn: r.starts_on,
        dueOn: r.due_on,
        status: r.status,
        percent: r.percent,
        suggestion: suggestPercent({ done: sub.done, total: sub.total }, evidence),
        models: models.map((m) => ({ id: m.id, name: m.name, phase: m.phase })),
        overdue: r.overdue,
        canEdit: permissions.editableOrganisationIds.includes(r.organisation_id),
        updatedAt: r.updated_at.toISOString(),
      };
    });
  }

  /** Sub-tasks follow their parent; the package's % is the mean of its top-level tasks. */
  private assemble(wp: { id: string; code: string; name: string; objective: string }, tasks: ProgressTask[]): WorkPackageProgress {
    const top = tasks.filter((t) => !t.parentId);
    const ordered = top.flatMap((t) => [t, ...tasks.filter((s) => s.parentId === t.id)]);
    const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const t of top) statusCounts[t.status] += 1;
    const measured = top.filter((t) => t.kind === 'task');
    return {
      id: wp.id,
      code: wp.code,
      name: wp.name,
      objective: wp.objective,
      tasks: ordered,
      percent: measured.length ? Math.round(measured.reduce((s, t) => s + t.percent, 0) / measured.length) : 0,
      statusCounts,
      overdue: tasks.filter((t) => t.overdue).length,
    };
  }
}
