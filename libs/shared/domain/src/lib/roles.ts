/** Roles a user holds in one organisation. A user may belong to several organisations. */
export const ORGANISATION_ROLES = [
  'admin',
  'coordinator',
  'developer',
  'facilitator',
  'expert',
  'observer',
] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** Rights inside one space, strongest first. */
export const SPACE_ACCESS_LEVELS = ['edit', 'comment', 'view'] as const;
export type SpaceAccess = (typeof SPACE_ACCESS_LEVELS)[number];

const ACCESS_RANK: Record<SpaceAccess, number> = { edit: 3, comment: 2, view: 1 };

/** True when `held` is at least as strong as `needed`. */
export function accessAllows(held: SpaceAccess | null | undefined, needed: SpaceAccess): boolean {
  return held != null && ACCESS_RANK[held] >= ACCESS_RANK[needed];
}

/** The stronger of two access levels (null = none). */
export function strongerAccess(a: SpaceAccess | null, b: SpaceAccess | null): SpaceAccess | null {
  if (a == null) return b;
  if (b == null) return a;
  return ACCESS_RANK[a] >= ACCESS_RANK[b] ? a : b;
}

/**
 * The access a role gets by default in the spaces of its organisation.
 * Observers (steering group) only read; experts comment; staff edit.
 */
export function defaultSpaceAccess(role: OrganisationRole): SpaceAccess {
  switch (role) {
    case 'observer':
      return 'view';
    case 'expert':
      return 'comment';
    case 'admin':
    case 'coordinator':
    case 'developer':
    case 'facilitator':
      return 'edit';
  }
}

/** Roles that may invite people and manage members of their organisation. */
export const MANAGING_ROLES: readonly OrganisationRole[] = ['admin', 'coordinator'];

export const SPACE_KINDS = ['project', 'organisation'] as const;
/** `project`: shared by every organisation of the project; `organisation`: private to one organisation. */
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const ORGANISATION_KINDS = ['main', 'region', 'other'] as const;
/** `main`: the coordinating main project (ISO); `region`: a welfare-region sub-project. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';
