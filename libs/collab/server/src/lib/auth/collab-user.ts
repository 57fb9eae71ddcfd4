import type { CollabAwarenessUser } from '@kehittamo/shared/collab-protocol';
import type { DataSource } from 'typeorm';

/** Colours with at least 4.5:1 contrast against white text, for cursors and presence. */
const PALETTE = ['#0b57d0', '#a50e0e', '#146c2e', '#7d3c98', '#8a4b00', '#00639b', '#b3261e', '#4a4a8c'];

function colourFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/**
 * How a user appears to others in a document: display name (a pseudonym for many experts),
 * a colour and an organisation. Never the role, the real name or the email.
 */
export async function loadCollabUser(db: DataSource, userId: string): Promise<CollabAwarenessUser | null> {
  const [row] = await db.query(
    `SELECT u.id, u.display_name,
            (SELECT o.short_name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
              WHERE m.user_id = u.id ORDER BY (o.kind = 'main') DESC, o.name LIMIT 1) AS organisation
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  return row ? { id: row.id, name: row.display_name, color: colourFor(row.id), organisation: row.organisation } : null;
}
