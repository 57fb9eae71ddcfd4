import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppException, canManageAny, canManageOrganisation, isAdmin, type AuthenticatedUser } from '@kehittamo/server/core';
import { ProjectEntity, WorkPackageEntity } from '@kehittamo/server/data-access';
import type { AuditEvent, Page, Project } from '@kehittamo/shared/domain';
import { DataSource, Repository } from 'typeorm';

/** The project and its work packages (read side; progress comes later). */
@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(WorkPackageEntity) private readonly workPackages: Repository<WorkPackageEntity>,
  ) {}

  async current(): Promise<Project> {
    const [project] = await this.projects.find({ order: { startsOn: 'ASC' }, take: 1 });
    if (!project) throw AppException.notFound('Project');
    const workPackages = await this.workPackages.find({ where: { projectId: project.id }, order: { position: 'ASC' } });
    return {
      id: project.id,
      name: project.name,
      startsOn: project.startsOn,
      endsOn: project.endsOn,
      workPackages: workPackages.map((w) => ({ id: w.id, code: w.code, name: w.name })),
    };
  }
}

/** The audit trail as coordinators and admins may read it. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthenticatedUser, query: { organisationId?: string; limit?: number; offset?: number }): Promise<Page<AuditEvent>> {
    if (!canManageAny(user)) throw AppException.forbidden('Only coordinators and admins may read the audit log');
    if (query.organisationId && !canManageOrganisation(user, query.organisationId)) throw AppException.notFound('Organisation');
    const seesAll = isAdmin(user) || user.memberships.some((m) => m.role === 'coordinator' && m.organisationKind === 'main');
    const managed = user.memberships.filter((m) => m.role === 'coordinator').map((m) => m.organisationId);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.organisationId) {
      params.push(query.organisationId);
      conditions.push(`e.organisation_id = $${params.length}`);
    } else if (!seesAll) {
      params.push(managed);
      conditions.push(`e.organisation_id = ANY($${params.length}::uuid[])`);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events e ${where}`, params);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const rows: {
      id: string;
      action: AuditEvent['action'];
      actor_id: string | null;
      display_name: string | null;
      target_type: string | null;
      target_id: string | null;
      organisation_id: string | null;
      detail: AuditEvent['detail'];
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT e.*, u.display_name FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
         ${where} ORDER BY e.created_at DESC, e.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        action: r.action,
        actorId: r.actor_id,
        actorDisplayName: r.display_name,
        targetType: r.target_type,
        targetId: r.target_id,
        organisationId: r.organisation_id,
        detail: r.detail,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }
}
