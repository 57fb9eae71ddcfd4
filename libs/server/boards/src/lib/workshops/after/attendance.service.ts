import { Injectable } from '@nestjs/common';
import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import type { AttendanceRecord } from '@kehittamo/shared/domain';
import { DataSource } from 'typeorm';
import { PERSON_ORGANISATION, WorkshopService } from '../workshop.service';

interface SessionRow {
  user_id: string;
  display_name: string;
  organisation: string | null;
  role: string | null;
  facilitator: boolean;
  joined_at: Date;
  left_at: Date | null;
}

/** Minutes present: overlapping sessions (two tabs, a phone and a laptop) count once. */
export function presentMinutes(sessions: { joinedAt: string; leftAt: string | null }[], now: Date): number {
  const spans = sessions
    .map((s) => [Date.parse(s.joinedAt), s.leftAt ? Date.parse(s.leftAt) : now.getTime()] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = [Number.NaN, Number.NaN];
  for (const [from, to] of spans) {
    if (Number.isNaN(start) || from > end) {
      if (!Number.isNaN(start)) total += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  if (!Number.isNaN(start)) total += end - start;
  return Math.round(total / 60_000);
}

/** A CSV cell: quoted, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
const csvCell = (value: string | number | boolean | null): string => {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * Who attended a workshop and for how long (it feeds experience experts' fee reporting).
 * Shown to the workshop's facilitators and to coordinators and admins only: it is the one
 * place where someone's role in their organisation appears next to their name.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly workshops: WorkshopService,
  ) {}

  async list(user: AuthenticatedUser, workshopId: string): Promise<AttendanceRecord[]> {
    const { row, role } = await this.workshops.access(user, workshopId);
    const manages = user.memberships.some((m) => m.role === 'admin' || m.role === 'coordinator');
    if (role !== 'facilitator' && !manages) throw AppException.forbidden('Only facilitators, coordinators and admins see attendance');
    const sessions: SessionRow[] = await this.db.query(
      `SELECT a.user_id, u.display_name, ${PERSON_ORGANISATION('a.user_id', '$2')} AS organisation,
              (SELECT m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.user_id = a.user_id AND o.short_name = ${PERSON_ORGANISATION('a.user_id', '$2')} LIMIT 1) AS role,
              COALESCE(p.facilitator, false) AS facilitator, a.joined_at, a.left_at
         FROM workshop_attendance a
         JOIN users u ON u.id = a.user_id
         LEFT JOIN workshop_people p ON p.workshop_id = a.workshop_id AND p.user_id = a.user_id
        WHERE a.workshop_id = $1
        ORDER BY u.display_name, a.user_id, a.joined_at`,
      [workshopId, row.space_id],
    );
    const now = new Date();
    const byUser = new Map<string, AttendanceRecord>();
    for (const s of sessions) {
      const session = { joinedAt: new Date(s.joined_at).toISOString(), leftAt: s.left_at ? new Date(s.left_at).toISOString() : null };
      const record = byUser.get(s.user_id) ?? {
        userId: s.user_id,
        displayName: s.display_name,
        organisation: s.organisation,
        role: s.role,
        facilitator: s.facilitator,
        firstJoinedAt: session.joinedAt,
        lastLeftAt: null,
        minutes: 0,
        sessions: [],
      };
      record.sessions.push(session);
      byUser.set(s.user_id, record);
    }
    for (const record of byUser.values()) {
      const left = record.sessions.map((s) => s.leftAt);
      record.lastLeftAt = left.includes(null) ? null : (left.sort().at(-1) ?? null);
      record.minutes = presentMinutes(record.sessions, now);
    }
    return [...byUser.values()];
  }

  async csv(user: AuthenticatedUser, workshopId: string): Promise<string> {
    const records = await this.list(user, workshopId);
    const header = ['name', 'organisation', 'role', 'facilitator', 'first_joined', 'last_left', 'minutes'];
    const lines = records.map((r) =>
      [r.displayName, r.organisation, r.role, r.facilitator, r.firstJoinedAt, r.lastLeftAt, r.minutes].map(csvCell).join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }
}
