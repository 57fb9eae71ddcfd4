import { MANAGING_ROLES, type Me } from '@kehittamo/shared/domain';

/**
 * Ids of the organisations whose members the user may manage, or 'all' for admins.
 * Only decides what the UI offers; the server checks every request again.
 */
export function managedOrganisationIds(me: Me | null): 'all' | ReadonlySet<string> {
  if (!me) return new Set();
  if (me.isAdmin) return 'all';
  return new Set(
    me.memberships.filter((membership) => MANAGING_ROLES.includes(membership.role)).map((m) => m.organisationId),
  );
}

export function managesOrganisation(me: Me | null, organisationId: string): boolean {
  const managed = managedOrganisationIds(me);
  return managed === 'all' || managed.has(organisationId);
}
