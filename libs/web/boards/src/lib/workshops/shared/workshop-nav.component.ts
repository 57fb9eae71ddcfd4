import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WorkshopRole } from '@kehittamo/shared/domain';
import { PageNavComponent, type PageNavLink } from '@kehittamo/web/ui';

/**
 * Links between a workshop's pages. Attendance is only offered to facilitators (coordinators
 * reach it by its address; the server decides anyway).
 */
@Component({
  selector: 'kh-workshop-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageNavComponent],
  template: `<kh-page-nav label="workshop.pagesLabel" [links]="links()" />`,
})
export class WorkshopNavComponent {
  readonly workshopId = input.required<string>();
  readonly role = input<WorkshopRole | null>(null);

  protected readonly links = computed<PageNavLink[]>(() => {
    const id = this.workshopId();
    return [
      { link: ['/workshops', id], label: 'workshop.detailPage', testId: 'workshop-nav-detail', exact: true },
      { link: ['/workshops', id, 'live'], label: 'workshop.livePage', testId: 'workshop-nav-live' },
      { link: ['/workshops', id, 'summary'], label: 'workshop.summaryPage', testId: 'workshop-nav-summary' },
      ...(this.role() === 'facilitator'
        ? [{ link: ['/workshops', id, 'attendance'], label: 'workshop.attendancePage', testId: 'workshop-nav-attendance' } as PageNavLink]
        : []),
      { link: ['/workshops', id, 'feedback'], label: 'workshop.feedbackPage', testId: 'workshop-nav-feedback' },
    ];
  });
}
