import { computed, inject } from '@angular/core';
import { WORK_PACKAGE_CODES } from '@kehittamo/shared/domain';
import { ConfigApi, OrganisationApi, remote, SpaceApi } from '@kehittamo/web/core';

/** A work package as a choice: its code, and its name once the project description has loaded. */
export interface WorkPackageChoice {
  code: string;
  name: string | null;
}

/**
 * What the material forms and filters offer: the spaces the user sees (and those where they may
 * add material), the organisations and the project's work packages. Call in a field initialiser.
 * A failed load leaves a list empty (or the work packages as bare codes); the form still works.
 * `when` delays the loading until it is true (e.g. until the user turns out to be an editor).
 */
export function materialOptions(when: () => boolean = () => true) {
  const spaceApi = inject(SpaceApi);
  const organisationApi = inject(OrganisationApi);
  const configApi = inject(ConfigApi);
  const spaces = remote({ params: () => when() || undefined, load: () => spaceApi.list() });
  const organisations = remote({ params: () => when() || undefined, load: () => organisationApi.list() });
  const project = remote({ params: () => when() || undefined, load: () => configApi.project() });

  return {
    spaces,
    organisations,
    sortedSpaces: computed(() => [...(spaces.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name))),
    /** Material is added only where the user has edit access. */
    editableSpaces: computed(() =>
      (spaces.value() ?? []).filter((space) => space.access === 'edit').sort((a, b) => a.name.localeCompare(b.name)),
    ),
    sortedOrganisations: computed(() => [...(organisations.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name))),
    workPackages: computed<WorkPackageChoice[]>(() => {
      const named = new Map((project.value()?.workPackages ?? []).map((wp) => [wp.code, wp.name]));
      return WORK_PACKAGE_CODES.map((code) => ({ code, name: named.get(code) ?? null }));
    }),
  };
}

export type MaterialOptions = ReturnType<typeof materialOptions>;
