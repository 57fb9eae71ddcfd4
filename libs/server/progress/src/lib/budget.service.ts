import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import type { BudgetOverview, CostCategory, CostEntry } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import { budgetFigures, budgetMonths, sumFigures, type MonthlyCost } from './budget-math';
import type { CreateCostDto } from './dto/progress.dto';
import { requireBudgetAccess, requireOrganisationEdit } from './progress-access';
import { WorkPackageService } from './work-package.service';

interface CostRow {
  id: string;
  organisation_id: string;
  organisation_short_name: string;
  period: string;
  category: CostCategory;
  amount: string;
  note: string;
  entered_by: string | null;
  entered_at: Date;
}

const SELECT_COST = `
  SELECT c.id, c.organisation_id, o.short_name AS organisation_short_name, to_char(c.period, 'YYYY-MM') AS period,
         c.category, c.amount, c.note, c.entered_by, c.entered_at
    FROM progress_costs c JOIN organisations o ON o.id = c.organisation_id`;

const toEntry = (r: CostRow): CostEntry => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationShortName: r.organisation_short_name,
  period: r.period,
  category: r.category,
  amount: Number(r.amount),
  note: r.note,
  enteredBy: r.entered_by,
  enteredAt: r.entered_at.toISOString(),
});

/** Planned budgets per organisation against the actual costs entered month by month. */
@Injectable()
export class BudgetService {
  constructor(
    private readonly db: DataSource,
    private readonly workPackages: WorkPackageService,
  ) {}

  async overview(user: AuthenticatedUser, today = new Date().toISOString().slice(0, 10)): Promise<BudgetOverview> {
    const permissions = await this.workPackages.permissions(user);
    requireBudgetAccess(permissions);
    const [project]: { starts_on: string; ends_on: string }[] = await this.db.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM projects ORDER BY starts_on LIMIT 1`,
    );
    if (!project) throw AppException.notFound('Project');
    const span = { startsOn: project.starts_on, endsOn: project.ends_on };
    const plans: { organisation_id: string; name: string; short_name: string; net_costs: string; own_share: string; eu_share: string }[] = await this.db.query(
      `SELECT b.organisation_id, o.name, o.short_name, b.net_costs, b.own_share, b.eu_share
         FROM progress_budgets b JOIN organisations o ON o.id = b.organisation_id
        ORDER BY o.kind = 'main' DESC, o.name`,
    );
    const costs: (MonthlyCost & { organisation_id: string })[] = (
      await this.db.query(`SELECT organisation_id, to_char(period, 'YYYY-MM') AS period, category, amount FROM progress_costs`)
    ).map((c: { organisation_id: string; period: string; category: CostCategory; amount: string }) => ({ ...c, amount: Number(c.amount) }));
    const organisations = plans.map((p) => ({
      organisationId: p.organisation_id,
      name: p.name,
      shortName: p.short_name,
      ...budgetFigures(
        { netCosts: Number(p.net_costs), ownShare: Number(p.own_share), euShare: Number(p.eu_share) },
        costs.filter((c) => c.organisation_id === p.organisation_id),
        span,
        today,
      ),
    }));
    const total = sumFigures(organisations);
    return {
      startsOn: span.startsOn,
      endsOn: span.endsOn,
      organisations,
      total,
      months: budgetMonths(total.netCosts, costs, span, today),
      canEnterCosts: permissions.editableOrganisationIds.length > 0,
    };
  }

  async costs(user: AuthenticatedUser, organisationId?: string): Promise<CostEntry[]> {
    requireBudgetAccess(await this.workPackages.permissions(user));
    const rows: CostRow[] = await this.db.query(
      `${SELECT_COST} WHERE ($1::uuid IS NULL OR c.organisation_id = $1) ORDER BY c.period DESC, c.entered_at DESC LIMIT 1000`,
      [organisationId ?? null],
    );
    return rows.map(toEntry);
  }

  async addCost(user: AuthenticatedUser, dto: CreateCostDto): Promise<CostEntry> {
    const permissions = await this.workPackages.permissions(user);
    requireBudgetAccess(permissions);
    requireOrganisationEdit(permissions, dto.organisationId);
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO progress_costs (organisation_id, period, category, amount, note, entered_by) VALUES ($1, to_date($2, 'YYYY-MM'), $3, $4, $5, $6) RETURNING id`,
      [dto.organisationId, dto.period, dto.category, dto.amount, dto.note?.trim() ?? '', user.id],
    );
    const [entry]: CostRow[] = await this.db.query(`${SELECT_COST} WHERE c.id = $1`, [row.id]);
    return toEntry(entry);
  }

  async deleteCost(user: AuthenticatedUser, id: string): Promise<void> {
    const permissions = await this.workPackages.permissions(user);
    requireBudgetAccess(permissions);
    const [row]: { organisation_id: string }[] = await this.db.query(`SELECT organisation_id FROM progress_costs WHERE id = $1`, [id]);
    if (!row) throw AppException.notFound('Cost entry');
    requireOrganisationEdit(permissions, row.organisation_id);
    await this.db.query(`DELETE FROM progress_costs WHERE id = $1`, [id]);
  }
}
