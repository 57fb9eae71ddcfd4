import type {
  Language,
  OrganisationKind,
  OrganisationRole,
  SpaceAccess,
  SpaceKind,
} from './roles';

/** ISO-8601 timestamp string. */
export type IsoDateTime = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;

// ---------- auth ----------

export interface LoginRequest {
  email: string;
  password: string;
}

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  organisationShortName: string;
  role: OrganisationRole;
  /** Whether ordinary members of the organisation see this role (the member decides). */
  roleVisible: boolean;
}

/** The logged-in user, as `GET /api/auth/me` returns it. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  /** Optional; visible to the user and to coordinators/admins only. */
  realName: string | null;
  language: Language;
  memberships: MembershipSummary[];
  /** Admin in any organisation: may manage organisations and every member. */
  isAdmin: boolean;
  /** Coordinator or admin somewhere: may invite and see audit events. */
  canManage: boolean;
}

export interface UpdateProfileRequest {
  displayName?: string;
  /** `null` clears it. */
  realName?: string | null;
  language?: Language;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetRequest {
  email: string;
}

/**
 * A reset link a coordinator made for a member who cannot receive mail or has forgotten
 * their password (`POST /api/organisations/:id/members/:userId/password-reset`).
 * Shown to the coordinator, who passes it on; mailed too when SMTP is set.
 */
export interface PasswordResetLink {
  url: string;
  expiresAt: IsoDateTime;
  emailSent: boolean;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

// ---------- invitations ----------

export interface CreateInvitationRequest {
  email: string;
  organisationId: string;
  role: OrganisationRole;
}

/** Returned to the inviter: the link is shown to them (and mailed when SMTP is set). */
export interface InvitationCreated {
  id: string;
  email: string;
  organisationId: string;
  role: OrganisationRole;
  url: string;
  expiresAt: IsoDateTime;
  emailSent: boolean;
}

export interface InvitationSummary {
  id: string;
  email: string;
  role: OrganisationRole;
  organisationId: string;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  acceptedAt: IsoDateTime | null;
  revokedAt: IsoDateTime | null;
}

/** What the invitation page shows before accepting (public, by token). */
export interface InvitationPreview {
  email: string;
  organisationName: string;
  role: OrganisationRole;
  expiresAt: IsoDateTime;
  /** True when an account with this email exists: accepting then needs its password. */
  existingAccount: boolean;
}

export interface AcceptInvitationRequest {
  token: string;
  /** Required for a new account: the name others see (a pseudonym is fine). */
  displayName?: string;
  /** Required: for a new account the password to set, for an existing one its password. */
  password: string;
  realName?: string;
  language?: Language;
}

// ---------- organisations and members ----------

export interface Organisation {
  id: string;
  name: string;
  shortName: string;
  kind: OrganisationKind;
  memberCount: number;
}

export interface CreateOrganisationRequest {
  name: string;
  shortName: string;
  kind: OrganisationKind;
}

/**
 * A member as another user sees them. `role` is null when the member chose not to
 * show it and the viewer does not manage the organisation; `realName` and `email`
 * are present only for viewers who manage it.
 */
export interface Member {
  userId: string;
  displayName: string;
  role: OrganisationRole | null;
  roleVisible: boolean;
  realName?: string | null;
  email?: string;
  joinedAt: IsoDateTime;
}

export interface UpdateMemberRequest {
  role?: OrganisationRole;
  roleVisible?: boolean;
}

// ---------- spaces ----------

export interface Space {
  id: string;
  name: string;
  description: string;
  kind: SpaceKind;
  organisationId: string | null;
  /** The caller's own rights in this space. */
  access: SpaceAccess;
  memberCount: number;
  /** True when the caller may manage its members. */
  canManage: boolean;
}

export interface SpaceMember {
  userId: string;
  displayName: string;
  role: OrganisationRole | null;
  access: SpaceAccess;
}

export interface CreateSpaceRequest {
  name: string;
  description?: string;
  kind: SpaceKind;
  /** Required for `organisation` spaces. */
  organisationId?: string;
}

export interface SetSpaceMemberRequest {
  access: SpaceAccess;
}

// ---------- project ----------

export interface WorkPackage {
  id: string;
  code: string;
  name: string;
}

export interface Project {
  id: string;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  workPackages: WorkPackage[];
}

// ---------- audit ----------

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'logout_all',
  'password_changed',
  'password_reset_requested',
  'password_reset_completed',
  'invitation_created',
  'invitation_accepted',
  'invitation_revoked',
  'role_changed',
  'member_removed',
  'space_access_changed',
  'organisation_created',
  'space_created',
  'export',
  'comment_hidden',
  'comment_unhidden',
  'comment_approved',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A security-relevant event: who, when, what; never personal content. */
export interface AuditEvent {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorDisplayName: string | null;
  targetType: string | null;
  targetId: string | null;
  organisationId: string | null;
  /** Non-personal facts, e.g. `{ "role": "expert" }`. */
  detail: Record<string, string | number | boolean | null>;
  createdAt: IsoDateTime;
}

export interface Page<T> {
  items: T[];
  total: number;
}

// ---------- config and health ----------

/** Whitelisted server settings the browser may know (`GET /api/config`). */
export interface PublicConfig {
  version: string;
  languages: Language[];
  defaultLanguage: Language;
  mailConfigured: boolean;
  demo: boolean;
  passwordMinLength: number;
  /** Largest material upload in bytes (MATERIAL_MAX_BYTES). */
  materialMaxBytes: number;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  checks?: Record<string, 'ok' | 'error'>;
}
