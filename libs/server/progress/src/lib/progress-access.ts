import { AppException, type AuthenticatedUser } from '@kehittamo/server/core';
import type { ProgressPermissions } from '@kehittamo/shared/domain';

/**
 * Who may do what in the project management view: coordinators and admins manage everything;
 * developers and facilitators enter their own organisation's tasks and costs; observers read;
 * experience experts see the progress but not the budget.
 */
export function progressPermissions(user: AuthenticatedUser, allOrganisationIds: string[]): ProgressPermissions {
  const canManage = user.memberships.some((m) => m.role === 'admin' || m.role === 'coordinator');
  const own = user.memberships.filter((m) => m.role === 'developer' || m.role === 'facilitator').map((m) => m.organisationId);
  return {
    canManage,
    editableOrganisationIds: canManage ? allOrganisationIds : [...new Set(own)],
    canSeeBudget: user.memberships.some((m) => m.role !== 'expert'),
  };
}

export function requireOrganisationEdit(permissions: ProgressPermissions, organisationId: string): void {
  if (!permissions.editableOrganisationIds.includes(organisationId)) {
    throw AppException.forbidden("Only the organisation's own developers and facilitators, and coordinators, may change this");
  }
}

export function requireBudgetAccess(permissions: ProgressPermissions): void {
  if (!permissions.canSeeBudget) throw AppException.forbidden('The budget is not shown to experience experts');
}

export function requireManage(permissions: ProgressPermissions): void {
  if (!permissions.canManage) throw AppException.forbidden('Only coordinators and admins may do this');
}
