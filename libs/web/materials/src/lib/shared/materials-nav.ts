import type { PageNavLink } from '@kehittamo/web/ui';

/** The library's two views, as links with aria-current (not ARIA tabs: each is its own page). */
export const MATERIALS_NAV: readonly PageNavLink[] = [
  { link: ['/materials'], label: 'materials.title', testId: 'materials-nav-library', exact: true },
  { link: ['/materials', 'collections'], label: 'materialCollections.title', testId: 'materials-nav-collections' },
];
