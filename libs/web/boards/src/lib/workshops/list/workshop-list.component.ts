import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WorkshopListItem } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { WorkshopTimePipe } from '../shared/workshop-time.pipe';

/** Live now, upcoming and past, each in server order (soonest first). */
export function partitionWorkshops(list: readonly WorkshopListItem[], now: number) {
  const live: WorkshopListItem[] = [];
  const upcoming: WorkshopListItem[] = [];
  const past: WorkshopListItem[] = [];
  for (const workshop of list) {
    if (workshop.status === 'live') live.push(workshop);
    else if (workshop.status === 'ended' || Date.parse(workshop.endsAt) < now) past.push(workshop);
    else upcoming.push(workshop);
  }
  return { live, upcoming, past };
}

/**
 * Workshops as three headed lists: live now (with a "join" link), upcoming, past. Each card
 * names the facilitators (display names only) and says whether the user facilitates.
 */
@Component({
  selector: 'kh-workshop-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, WorkshopTimePipe],
  template: `
    @if (!workshops().length) {
      <p data-testid="workshops-none">{{ 'workshops.none' | t }}</p>
    }
    @for (group of groups(); track group.key) {
      @if (group.items.length) {
        <section class="kh-section" [attr.aria-labelledby]="headingPrefix + group.key">
          <h2 [id]="headingPrefix + group.key">{{ group.heading | t }}</h2>
          <ul class="kh-card-list" [attr.data-testid]="'workshops-' + group.key">
            @for (workshop of group.items; track workshop.id) {
              <li data-testid="workshop-card">
                <h3>
                  <a [routerLink]="['/workshops', workshop.id]" data-testid="workshop-link">{{ workshop.title }}</a>
                </h3>
                <p>{{ workshop.startsAt | workshopTime: workshop.endsAt }}</p>
                @if (workshop.facilitators.length) {
                  <p>{{ 'workshops.facilitatedBy' | t: { names: workshop.facilitators.join(', ') } }}</p>
                }
                <p>
                  {{ 'workshops.participantCount' | t: { count: workshop.participantCount } }}
                  @if (workshop.myRole === 'facilitator') {
                    <span class="kh-badge">{{ 'workshops.youFacilitate' | t }}</span>
                  }
                </p>
                @if (group.key === 'live') {
                  <p>
                    <a [routerLink]="['/workshops', workshop.id, 'live']" data-testid="workshop-join-link">
                      {{ 'workshops.joinNamed' | t: { title: workshop.title } }}
                    </a>
                  </p>
                }
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
})
export class WorkshopListComponent {
  readonly workshops = input.required<readonly WorkshopListItem[]>();
  /** Keeps heading ids unique if two lists are on one page. */
  readonly headingPrefix = `kh-workshops-${nextId++}-`;

  protected readonly groups = computed(() => {
    const { live, upcoming, past } = partitionWorkshops(this.workshops(), Date.now());
    return [
      { key: 'live', heading: 'workshops.liveHeading', items: live },
      { key: 'upcoming', heading: 'workshops.upcomingHeading', items: upcoming },
      { key: 'past', heading: 'workshops.pastHeading', items: past },
    ] as const;
  });
}

let nextId = 0;
