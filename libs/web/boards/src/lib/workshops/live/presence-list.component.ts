import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { PresenceEntry } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { groupByOrganisation } from '../shared/people';

/**
 * Who is here, by organisation (display names only, never roles). Facilitators and raised
 * hands are said in words next to the name. The number of raised hands is a polite status,
 * so a facilitator using a screen reader hears when a hand goes up without hearing every join.
 */
@Component({
  selector: 'kh-presence-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <section aria-labelledby="live-presence-heading" data-testid="live-presence">
      <h2 id="live-presence-heading">{{ 'workshopLive.presence' | t: { count: presence().length } }}</h2>
      <p role="status" data-testid="live-hands">
        @if (hands().length) {
          <span aria-hidden="true">✋ </span>{{ 'workshopLive.handsRaised' | t: { count: hands().length, names: hands().join(', ') } }}
        }
      </p>
      @for (group of groups(); track group.organisation) {
        <h3>{{ group.organisation ?? ('workshop.noOrganisation' | t) }}</h3>
        <ul class="kh-presence">
          @for (person of group.people; track person.userId) {
            <li data-testid="live-presence-person">
              {{ person.displayName }}
              @if (person.facilitator) {
                <span class="kh-badge">{{ 'workshopLive.facilitator' | t }}</span>
              }
              @if (person.handRaised) {
                <span class="kh-badge kh-presence__hand"><span aria-hidden="true">✋ </span>{{ 'workshopLive.handUp' | t }}</span>
              }
            </li>
          }
        </ul>
      } @empty {
        <p>{{ 'workshopLive.nobodyHere' | t }}</p>
      }
    </section>
  `,
  styles: `
    .kh-presence {
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }
    .kh-presence li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      padding-block: 0.25rem;
    }
    .kh-presence__hand {
      border-width: 2px;
      font-weight: 700;
    }
  `,
})
export class PresenceListComponent {
  private readonly i18n = inject(I18nService);

  readonly presence = input.required<readonly PresenceEntry[]>();

  protected readonly groups = computed(() => groupByOrganisation(this.presence(), this.i18n.locale()));
  protected readonly hands = computed(() => this.presence().filter((person) => person.handRaised).map((person) => person.displayName));
}
