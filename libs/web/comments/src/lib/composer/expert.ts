import { computed, type Signal } from '@angular/core';
import type { AuthStore } from '@kehittamo/web/core';

/**
 * Whether to offer "show the experience-expert badge": only members with the expert role may
 * show it (the server refuses it from others). The role may be hidden from others; the user
 * always knows their own.
 */
export function isExperienceExpert(auth: AuthStore): Signal<boolean> {
  return computed(() => auth.me()?.memberships.some((membership) => membership.role === 'expert') ?? false);
}
