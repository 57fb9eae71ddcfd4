import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import type { Indicator, IndicatorSource, IndicatorValue } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import type { CreateIndicatorDto, SetIndicatorValueDto } from './dto/progress.dto';
import { requireManage, requireOrganisationEdit } from './progress-access';
import { QUARTER_SQL as QUARTER, quarterDates } from './quarters';
import { WorkPackageService } from './work-package.service';

interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  description: string;
  source: IndicatorSource;
  target: string | null;
  baseline: string | null;
}

interface ValueRow {
  organisation_id: string | null;
  organisation_short_name: string | null;
  period: string;
  value: string;
}

/**
 * Counted by the platform, per organisation (of the space, or of the expert) and quarter. Only
 * counts leave these queries: never who wrote a comment.
 */
const COMPUTED: Record<Exclude<IndicatorSource, 'manual'>, string> = {
  'workshops-held': `
    SELECT s.organisation_id, o.short_name AS organisation_short_name, ${QUARTER('w.starts_at')} AS period, count(*)::text AS value
      FROM workshops w JOIN spaces s ON s.id = w.space_id LEFT JOIN organisations o ON o.id = s.organisation_id
     WHERE w.ends_at < now()
     GROUP BY 1, 2, 3`,
  'expert-contributions': `
    SELECT m.organisation_id, o.short_name AS organisation_short_name, ${QUARTER('c.created_at')} AS period, count(*)::text AS value
      FROM comments c
      JOIN memberships m ON m.user_id = c.author_id AND m.role = 'expert'
      JOIN organisations o ON o.id = m.organisation_id
     WHERE c.state = 'published'
     GROUP BY 1, 2, 3`,
  'models-ready': `
    SELECT s.organisation_id, o.short_name AS organisation_short_name, ${QUARTER('first_ready.at')} AS period, count(*)::text AS value
      FROM (SELECT pc.model_id, min(pc.changed_at) AS at FROM model_phase_changes pc WHERE pc.to_phase IN ('ready', 'established') GROUP BY pc.model_id) first_ready
      JOIN model_descriptions md ON md.id = first_ready.model_id
      JOIN spaces s ON s.id = md.space_id LEFT JOIN organisations o ON o.id = s.organisation_id
     GROUP BY 1, 2, 3`,
};

/** Result and impact indicators with values per organisation and quarter, entered or counted. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly db: DataSource,
    private readonly workPackages: WorkPackageService,
  ) {}

  async list(user: AuthenticatedUser): Promise<Indicator[]> {
    const permissions = await this.workPackages.permissions(user);
    const rows: IndicatorRow[] = await this.db.query(
      `SELECT id, name, unit, description, source, target, baseline FROM progress_indicators ORDER BY position, created_at`,
    );
    const indicators: Indicator[] = [];
    for (const row of rows) {
      const values = (await this.values(row)).sort((a, b) => a.period.localeCompare(b.period) || (a.organisationShortName ?? '').localeCompare(b.organisationShortName ?? ''));
      const totals = new Map<string, number>();
      for (const v of values) totals.set(v.period, (totals.get(v.period) ?? 0) + v.value);
      indicators.push({
        id: row.id,
        name: row.name,
        unit: row.unit,
        description: row.description,
        source: row.source,
        target: row.target === null ? null : Number(row.target),
        baseline: row.baseline === null ? null : Number(row.baseline),
        values,
        totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([period, value]) => ({ period, value })),
        current: values.reduce((sum, v) => sum + v.value, 0),
        canEnter: row.source === 'manual' && permissions.editableOrganisationIds.length > 0,
      });
    }
    return indicators;
  }

  async create(user: AuthenticatedUser, dto: CreateIndicatorDto): Promise<Indicator> {
    requireManage(await this.workPackages.permissions(user));
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO progress_indicators (name, unit, description, source, target, baseline, position)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position), 0) + 1 FROM progress_indicators)) RETURNING id`,
      [dto.name, dto.unit, dto.description ?? '', dto.source ?? 'manual', dto.target ?? null, dto.baseline ?? null],
    );
    return this.one(user, row.id);
  }

  async setValue(user: AuthenticatedUser, id: string, dto: SetIndicatorValueDto): Promise<Indicator> {
    const [row]: { source: IndicatorSource }[] = await this.db.query(`SELECT source FROM progress_indicators WHERE id = $1`, [id]);
    if (!row) throw AppException.notFound('Indicator');
    requireOrganisationEdit(await this.workPackages.permissions(user), dto.organisationId);
    if (row.source !== 'manual') throw new AppException('conflict', 'The platform counts this indicator itself; its values cannot be entered');
    await this.db.query(
      `INSERT INTO progress_indicator_values (indicator_id, organisation_id, period, value, entered_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (indicator_id, organisation_id, period) DO UPDATE SET value = excluded.value, entered_by = excluded.entered_by, entered_at = now()`,
      [id, dto.organisationId, quarterDates(dto.period).startsOn, dto.value, user.id],
    );
    return this.one(user, id);
  }

  private async one(user: AuthenticatedUser, id: string): Promise<Indicator> {
    const found = (await this.list(user)).find((i) => i.id === id);
    if (!found) throw AppException.notFound('Indicator');
    return found;
  }

  private async values(row: IndicatorRow): Promise<IndicatorValue[]> {
    const rows: ValueRow[] =
      row.source === 'manual'
        ? await this.db.query(
            `SELECT v.organisation_id, o.short_name AS organisation_short_name, ${QUARTER('v.period')} AS period, v.value::text AS value
               FROM progress_indicator_values v JOIN organisations o ON o.id = v.organisation_id WHERE v.indicator_id = $1`,
            [row.id],
          )
        : await this.db.query(COMPUTED[row.source]);
    return rows.map((r) => ({ organisationId: r.organisation_id, organisationShortName: r.organisation_short_name, period: r.period, value: Number(r.value) }));
  }
}
