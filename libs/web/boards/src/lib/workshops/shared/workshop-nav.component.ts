import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import type { WorkshopRole } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';

/**
 * Links between a workshop's pages; the current one is aria-current. Attendance is only
 * offered to facilitators (coordinators reach it by its address; the server decides anyway).
 */
@Component({
  selector: 'kh-workshop-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav class="kh-workshop-nav" [attr.aria-label]="'workshop.pagesLabel' | t">
      <ul>
        <li>
          <a
            data-testid="workshop-nav-detail"
            [routerLink]="['/workshops', workshopId()]"
            routerLinkActive="kh-workshop-nav__active"
            ariaCurrentWhenActive="page"
            [routerLinkActiveOptions]="{ exact: true }"
            >{{ 'workshop.detailPage' | t }}</a
          >
        </li>
        <li>
          <a
            data-testid="workshop-nav-live"
            [routerLink]="['/workshops', workshopId(), 'live']"
            routerLinkActive="kh-workshop-nav__active"
            ariaCurrentWhenActive="page"
            >{{ 'workshop.livePage' | t }}</a
          >
        </li>
        <li>
          <a
            data-testid="workshop-nav-summary"
            [routerLink]="['/workshops', workshopId(), 'summary']"
            routerLinkActive="kh-workshop-nav__active"
            ariaCurrentWhenActive="page"
            >{{ 'workshop.summaryPage' | t }}</a
          >
        </li>
        @if (role() === 'facilitator') {
          <li>
            <a
              data-testid="workshop-nav-attendance"
              [routerLink]="['/workshops', workshopId(), 'attendance']"
              routerLinkActive="kh-workshop-nav__active"
              ariaCurrentWhenActive="page"
              >{{ 'workshop.attendancePage' | t }}</a
            >
          </li>
        }
        <li>
          <a
            data-testid="workshop-nav-feedback"
            [routerLink]="['/workshops', workshopId(), 'feedback']"
            routerLinkActive="kh-workshop-nav__active"
            ariaCurrentWhenActive="page"
            >{{ 'workshop.feedbackPage' | t }}</a
          >
        </li>
      </ul>
    </nav>
  `,
  styles: `
    .kh-workshop-nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-workshop-nav a {
      display: inline-block;
      padding: 0.625rem 0.25rem;
      font-weight: 600;
    }
    /* The current page: a thick underline and bold text, and aria-current for screen readers. */
    .kh-workshop-nav a.kh-workshop-nav__active {
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      border-bottom: 4px solid var(--mat-sys-primary);
    }
  `,
})
export class WorkshopNavComponent {
  readonly workshopId = input.required<string>();
  readonly role = input<WorkshopRole | null>(null);
}
