import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PageNavComponent, type PageNavLink } from '@kehittamo/web/ui';

const LINKS: readonly PageNavLink[] = [
  { link: ['/progress'], label: 'progress.overview', testId: 'progress-nav-overview', exact: true },
  { link: ['/progress/timeline'], label: 'progress.timeline', testId: 'progress-nav-timeline' },
  { link: ['/progress/reports'], label: 'progress.reports', testId: 'progress-nav-reports' },
  { link: ['/progress/indicators'], label: 'progress.indicators', testId: 'progress-nav-indicators' },
  { link: ['/progress/budget'], label: 'progress.budget', testId: 'progress-nav-budget' },
];
const EXPERTS: PageNavLink = { link: ['/progress/experts'], label: 'progress.experts', testId: 'progress-nav-experts' };

/** Links between the progress pages; the expert ledger only for coordinators (`experts`). */
@Component({
  selector: 'kh-progress-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageNavComponent],
  template: `<kh-page-nav label="progress.nav" [links]="links()" />`,
})
export class ProgressNavComponent {
  readonly experts = input(false);
  protected readonly links = computed(() => (this.experts() ? [...LINKS, EXPERTS] : LINKS));
}
