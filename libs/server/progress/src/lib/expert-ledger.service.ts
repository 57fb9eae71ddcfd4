import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import { AuditService } from '@kehittamo/server/data-access';
import { ENGAGEMENT_MIN_GROUP, type ExpertEngagementSummary, type ExpertLedger, type ExpertLedgerRow } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import type { CreateLedgerEntryDto } from './dto/progress.dto';
import { toCsv } from './export/csv';
import { requireManage } from './progress-access';
import { QUARTER_SQL } from './quarters';
import { WorkPackageService } from './work-package.service';

interface LedgerRowDb {
  id: string | null;
  expert_id: string;
  display_name: string;
  real_name: string | null;
  organisation_short_name: string;
  date: string;
  kind: 'workshop' | 'task';
  description: string;
  hours: string;
  travel_costs: string;
}

/**
 * Every engagement of an experience expert in a date range ($1–$2): workshops they attended — the
 * time they were connected, clipped to the workshop's own time and at most its length — and the
 * tasks entered for them.
 */
const LEDGER = `
  WITH experts AS (
    SELECT DISTINCT ON (m.user_id) m.user_id, o.short_name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.role = 'expert' ORDER BY m.user_id, o.short_name
  ), attended AS (
    SELECT a.user_id, w.id AS workshop_id, w.title, w.starts_at,
           least(extract(epoch FROM (w.ends_at - w.starts_at)),
                 sum(greatest(0, extract(epoch FROM (least(coalesce(a.left_at, w.ends_at), w.ends_at) - greatest(a.joined_at, w.starts_at)))))) / 3600 AS hours
      FROM workshop_attendance a JOIN workshops w ON w.id = a.workshop_id
     WHERE a.user_id IN (SELECT user_id FROM experts) AND w.starts_at::date BETWEEN $1 AND $2
     GROUP BY a.user_id, w.id
  )
  SELECT NULL::uuid AS id, at.user_id AS expert_id, u.display_name, u.real_name, e.short_name AS organisation_short_name,
         to_char(at.starts_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD') AS date, 'workshop' AS kind, at.title AS description,
         round(at.hours::numeric, 2)::text AS hours, '0' AS travel_costs
    FROM attended at JOIN users u ON u.id = at.user_id JOIN experts e ON e.user_id = at.user_id
   WHERE at.hours > 0
  UNION ALL
  SELECT x.id, x.expert_id, u.display_name, u.real_name, e.short_name, to_char(x.happened_on, 'YYYY-MM-DD'), 'task', x.description,
         x.hours::text, x.travel_costs::text
    FROM expert_engagements x JOIN users u ON u.id = x.expert_id JOIN experts e ON e.user_id = x.expert_id
   WHERE x.happened_on BETWEEN $1 AND $2`;

/**
 * The experience-expert engagement ledger: who took part, when and for how long, for fees and
 * travel reimbursement — for coordinators and admins only (and every export of it is audited).
 * Everyone else sees quarterly aggregates, suppressed when so few experts took part that they
 * would point to a person.
 */
@Injectable()
export class ExpertLedgerService {
  constructor(
    private readonly db: DataSource,
    private readonly workPackages: WorkPackageService,
    private readonly audit: AuditService,
  ) {}

  async ledger(user: AuthenticatedUser, from: string, to: string): Promise<ExpertLedger> {
    requireManage(await this.workPackages.permissions(user));
    if (from > to) throw AppException.validation([{ field: 'from', problems: ['must not be after to'] }]);
    const rows: LedgerRowDb[] = await this.db.query(`${LEDGER} ORDER BY 6, 3`, [from, to]);
    const ledgerRows: ExpertLedgerRow[] = rows.map((r) => ({
      id: r.id,
      expertId: r.expert_id,
      displayName: r.display_name,
      realName: r.real_name,
      organisationShortName: r.organisation_short_name,
      date: r.date,
      kind: r.kind,
      description: r.description,
      hours: Number(r.hours),
      travelCosts: Number(r.travel_costs),
    }));
    const totals = new Map<string, ExpertLedger['totals'][number]>();
    for (const r of ledgerRows) {
      const t = totals.get(r.expertId) ?? { expertId: r.expertId, displayName: r.displayName, realName: r.realName, engagements: 0, hours: 0, travelCosts: 0 };
      t.engagements += 1;
      t.hours = Math.round((t.hours + r.hours) * 100) / 100;
      t.travelCosts = Math.round((t.travelCosts + r.travelCosts) * 100) / 100;
      totals.set(r.expertId, t);
    }
    return { from, to, rows: ledgerRows, totals: [...totals.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi')) };
  }

  async add(user: AuthenticatedUser, dto: CreateLedgerEntryDto): Promise<ExpertLedgerRow> {
    requireManage(await this.workPackages.permissions(user));
    const [expert] = await this.db.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'expert'`, [dto.expertId]);
    if (!expert) throw AppException.validation([{ field: 'expertId', problems: ['must be an experience expert'] }]);
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO expert_engagements (expert_id, happened_on, description, hours, travel_costs, entered_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [dto.expertId, dto.date, dto.description, dto.hours, dto.travelCosts ?? 0, user.id],
    );
    const ledger = await this.ledger(user, dto.date, dto.date);
    const entry = ledger.rows.find((r) => r.id === row.id);
    if (!entry) throw AppException.notFound('Engagement');
    return entry;
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    requireManage(await this.workPackages.permissions(user));
    const [rows]: [unknown[], number] = await this.db.query(`DELETE FROM expert_engagements WHERE id = $1 RETURNING id`, [id]);
    if (rows.length === 0) throw AppException.notFound('Engagement');
  }

  /** For payroll: one line per engagement with the real name; the export is written to the audit log. */
  async payrollCsv(user: AuthenticatedUser, from: string, to: string): Promise<Buffer> {
    const ledger = await this.ledger(user, from, to);
    await this.audit.record({ action: 'export', actorId: user.id, targetType: 'expert-ledger', detail: { from, to, rows: ledger.rows.length } });
    return toCsv(
      ['Nimi', 'Näyttönimi', 'Organisaatio', 'Päivä', 'Laji', 'Kuvaus', 'Tunnit', 'Matkakulut €'],
      ledger.rows.map((r) => [r.realName ?? '', r.displayName, r.organisationShortName, r.date, r.kind === 'workshop' ? 'työpaja' : 'tehtävä', r.description, r.hours, r.travelCosts]),
    );
  }

  /** Per quarter since the project's start; suppressed where fewer than ENGAGEMENT_MIN_GROUP experts took part. */
  async summary(): Promise<ExpertEngagementSummary> {
    const rows: { period: string; experts: number; engagements: number; hours: string }[] = await this.db.query(
      `SELECT ${QUARTER_SQL('date::date')} AS period, count(DISTINCT expert_id)::int AS experts,
              count(*)::int AS engagements, round(sum(hours::numeric), 1)::text AS hours
         FROM (${LEDGER}) ledger GROUP BY 1 ORDER BY 1`,
      ['2000-01-01', '2100-12-31'],
    );
    return {
      quarters: rows.map((r) =>
        r.experts < ENGAGEMENT_MIN_GROUP
          ? { period: r.period, suppressed: true, experts: null, engagements: null, hours: null }
          : { period: r.period, suppressed: false, experts: r.experts, engagements: r.engagements, hours: Number(r.hours) },
      ),
    };
  }
}
